package io.reclab.pipeline;

import com.typesafe.config.ConfigFactory;
import io.reclab.data.Csr;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.pipeline.PipelineSettings.Holdout;
import io.reclab.pipeline.PipelineSettings.Negatives;
import io.reclab.recall.FittedRecaller;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class RankerTrainingTest {
    /** Users 0..nu-1, each with `per` distinct random items and distinct increasing times. */
    private static Interactions log(int nu, int ni, int per, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = nu * per;
        int[] u = new int[n], it = new int[n];
        long[] t = new long[n];
        float[] v = new float[n];
        int k = 0;
        for (int a = 0; a < nu; a++) {
            Set<Integer> seen = new HashSet<>();
            while (seen.size() < per) seen.add(r.nextInt(ni));
            for (int i : seen) {
                u[k] = a;
                it[k] = i;
                t[k] = r.nextLong(1_000_000);
                v[k++] = 1f;
            }
        }
        return new Interactions(u, it, v, t, IdMap.identity(nu), IdMap.identity(ni));
    }

    private static Set<Long> pairs(Interactions x) {
        Set<Long> s = new HashSet<>();
        for (int r = 0; r < x.size(); r++) s.add(((long) x.user(r) << 32) | x.item(r));
        return s;
    }

    @Test
    void kFoldLabelsEveryRowOnceAndEachPartPartitionsTrain() {
        Interactions train = log(40, 90, 7, 3);
        int k = 5;
        java.util.List<RankerTraining.Parts> folds = RankerTraining.folds(train, k, 11);
        assertEquals(k, folds.size());
        Set<Long> all = pairs(train), labelled = new HashSet<>();
        int labelledRows = 0;
        for (RankerTraining.Parts p : folds) {
            Set<Long> e = pairs(p.earlier()), l = pairs(p.later());
            assertTrue(java.util.Collections.disjoint(e, l));
            Set<Long> union = new HashSet<>(e);
            union.addAll(l);
            assertEquals(all, union, "each part partitions train");
            labelledRows += p.later().size();
            labelled.addAll(l);
            int[] earlierCounts = p.earlier().userCounts(), laterCounts = p.later().userCounts();
            for (int u = 0; u < 40; u++) {
                assertTrue(earlierCounts[u] >= 1, "user " + u + " keeps rows for the channels");
                // 7 rows dealt round-robin into 5 folds: 1 or 2 per fold
                assertTrue(laterCounts[u] == 1 || laterCounts[u] == 2, "user " + u + ": " + laterCounts[u]);
            }
        }
        assertEquals(train.size(), labelledRows, "every row is a label exactly once over the folds");
        assertEquals(all, labelled);
        assertEquals(pairs(folds.get(2).later()), pairs(RankerTraining.folds(train, k, 11).get(2).later()), "seeded");
        assertThrows(IllegalArgumentException.class, () -> RankerTraining.folds(train, 1, 11));
    }

    @Test
    void kFoldKeepsAOneRowUserInEveryEarlierPart() {
        Interactions train = new Interactions(new int[]{0, 1, 1, 1}, new int[]{0, 1, 2, 3}, new float[]{1, 1, 1, 1},
                new long[]{1, 2, 3, 4}, IdMap.identity(2), IdMap.identity(4));
        for (RankerTraining.Parts p : RankerTraining.folds(train, 3, 5)) {
            assertEquals(1, p.earlier().userCounts()[0]);
            assertEquals(0, p.later().userCounts()[0]);
            assertEquals(1, p.later().userCounts()[1], "3 rows into 3 folds: one label each");
        }
    }

    @Test
    void timeHoldoutPutsEachUsersLatestRowsLater() {
        Interactions train = log(30, 80, 10, 1);
        RankerTraining.Parts p = RankerTraining.holdout(train, Holdout.TIME, 0.2, 5);
        assertEquals(train.size(), p.earlier().size() + p.later().size());
        Set<Long> all = pairs(train), e = pairs(p.earlier()), l = pairs(p.later());
        assertTrue(java.util.Collections.disjoint(e, l));
        e.addAll(l);
        assertEquals(all, e, "the two parts partition train");
        long[] latestEarlier = new long[30], earliestLater = new long[30];
        java.util.Arrays.fill(latestEarlier, Long.MIN_VALUE);
        java.util.Arrays.fill(earliestLater, Long.MAX_VALUE);
        for (int r = 0; r < p.earlier().size(); r++) latestEarlier[p.earlier().user(r)] = Math.max(latestEarlier[p.earlier().user(r)], p.earlier().time(r));
        for (int r = 0; r < p.later().size(); r++) earliestLater[p.later().user(r)] = Math.min(earliestLater[p.later().user(r)], p.later().time(r));
        int[] counts = p.later().userCounts();
        for (int u = 0; u < 30; u++) {
            assertEquals(2, counts[u], "round(0.2 * 10) rows later");
            assertTrue(latestEarlier[u] <= earliestLater[u], "user " + u + ": later rows come after earlier ones");
        }
    }

    @Test
    void foldHoldoutIsSeededAndKeepsOneRowEachSide() {
        Interactions train = log(20, 60, 7, 2);
        RankerTraining.Parts a = RankerTraining.holdout(train, Holdout.FOLD, 0.9, 3);
        RankerTraining.Parts b = RankerTraining.holdout(train, Holdout.FOLD, 0.9, 3);
        RankerTraining.Parts c = RankerTraining.holdout(train, Holdout.FOLD, 0.9, 4);
        assertEquals(pairs(a.later()), pairs(b.later()), "same seed, same part");
        assertNotEquals(pairs(a.later()), pairs(c.later()), "another seed, another part");
        int[] e = a.earlier().userCounts(), l = a.later().userCounts();
        for (int u = 0; u < 20; u++) {
            assertEquals(6, l[u], "round(0.9 * 7) = 6 rows later");
            assertEquals(1, e[u], "at least one row stays earlier");
        }
        // a user with one row keeps it earlier
        Interactions one = new Interactions(new int[]{0}, new int[]{3}, new float[]{1}, new long[]{1}, IdMap.identity(1), IdMap.identity(5));
        assertEquals(0, RankerTraining.holdout(one, Holdout.FOLD, 0.5, 1).later().size());
        assertThrows(IllegalArgumentException.class, () -> RankerTraining.holdout(one, Holdout.AUTO, 0.5, 1));
    }

    @Test
    void autoHoldoutMirrorsTheSplit() {
        assertEquals(Holdout.TIME, Holdout.AUTO.resolve("temporal"));
        assertEquals(Holdout.TIME, Holdout.AUTO.resolve("leave-one-out"));
        assertEquals(Holdout.FOLD, Holdout.AUTO.resolve("random"));
        assertEquals(Holdout.FOLD, Holdout.AUTO.resolve("predefined"));
        assertEquals(Holdout.ITEMS, Holdout.AUTO.resolve("cold-items"));
        assertEquals(Holdout.TIME, Holdout.TIME.resolve("random"));
    }

    /** A recaller with a fixed random score table. */
    private static FittedRecaller random(int nu, int ni, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] s = new float[nu][ni];
        for (float[] row : s) for (int i = 0; i < ni; i++) row[i] = (float) r.nextDouble();
        return new FittedRecaller() {
            @Override public int numItems() { return ni; }

            @Override public void scoreBlock(int[] users, int from, int to, float[] out) {
                for (int k = from; k < to; k++) System.arraycopy(s[users[k]], 0, out, (k - from) * ni, ni);
            }
        };
    }

    private static PipelineSettings.Rank rank(Negatives neg, int ratio, int random) {
        return rank(neg, ratio, random, 0);
    }

    private static PipelineSettings.Rank rank(Negatives neg, int ratio, int random, int maxPositives) {
        return new PipelineSettings.Rank("lr", ConfigFactory.empty(), neg, ratio, random, Holdout.FOLD, 0.2, 1, 0, maxPositives);
    }

    @Test
    void labelsAreRecalledChoicesAgainstRecalledNonChoices() {
        int nu = 25, ni = 60;
        Interactions train = log(nu, ni, 12, 7);
        RankerTraining.Parts p = RankerTraining.holdout(train, Holdout.FOLD, 0.25, 9);
        Csr seen = p.earlier().byUser(), later = p.later().byUser();
        int[] users = new int[nu];
        for (int u = 0; u < nu; u++) users[u] = u;
        ChannelLists[] lists = {
                ChannelLists.retrieve(random(nu, ni, 1), users, seen, null, 15, 2),
                ChannelLists.retrieve(random(nu, ni, 2), users, seen, null, 10, 1)};
        for (ChannelLists l : lists)
            for (int i = 0; i < nu; i++) for (int it : l.items()[i]) assertFalse(seen.contains(i, it), "candidates skip seen items");
        CandidateMerger merger = new CandidateMerger(new int[]{15, 10}, ni);
        CandidateRows rows = new CandidateRows(2);
        RankerTraining.Counts c = RankerTraining.label(rank(Negatives.CANDIDATES, 2, 0), lists, merger, p.later(), seen, 3, rows);
        assertEquals(rows.size(), c.positives() + c.negatives());
        int[] ru = rows.users();
        float[] lab = rows.labels();
        int[] posPerUser = new int[nu], negPerUser = new int[nu];
        for (int r = 0; r < rows.size(); r++) {
            if (lab[r] == 1f) posPerUser[ru[r]]++;
            else negPerUser[ru[r]]++;
        }
        int expectedPos = 0, missed = 0;
        for (int u = 0; u < nu; u++) {
            Set<Integer> cand = new HashSet<>();
            for (ChannelLists l : lists) for (int it : l.items()[u]) cand.add(it);
            int p0 = 0;
            for (int k = later.rowStart(u); k < later.rowEnd(u); k++) {
                if (cand.contains(later.indices[k])) p0++;
                else missed++;
            }
            assertEquals(p0, posPerUser[u], "user " + u + ": every recalled later item is a positive");
            assertEquals(p0 == 0 ? 0 : Math.min(cand.size() - p0, 2 * p0), negPerUser[u], "user " + u + ": 2 negatives per positive");
            expectedPos += p0;
        }
        assertEquals(expectedPos, c.positives());
        assertEquals(missed, c.missedPositives());
        assertTrue(c.positives() > 0);
    }

    @Test
    void randomNegativesAreUnseenAndNotPositives() {
        int nu = 15, ni = 40;
        Interactions train = log(nu, ni, 10, 4);
        RankerTraining.Parts p = RankerTraining.holdout(train, Holdout.FOLD, 0.3, 2);
        Csr seen = p.earlier().byUser(), later = p.later().byUser();
        int[] users = new int[nu];
        for (int u = 0; u < nu; u++) users[u] = u;
        ChannelLists[] lists = {ChannelLists.retrieve(random(nu, ni, 5), users, seen, null, 20, 1)};
        CandidateRows rows = new CandidateRows(1);
        RankerTraining.Counts c = RankerTraining.label(rank(Negatives.RANDOM, 3, 1), lists, new CandidateMerger(new int[]{20}, ni),
                p.later(), seen, 8, rows);
        assertEquals(4 * c.positives(), c.negatives(), "ratio 3 + random 1 per positive");
        // the CandidateRows API exposes users and labels; the items are checked through the table
        var table = rows.table(java.util.List.of("ch"), io.reclab.data.FeatureTable.empty(nu), io.reclab.data.FeatureTable.empty(ni),
                p.earlier(), PipelineScorer.now(p.earlier()), 0);
        var items = table.stringColumn("item_id");
        float[] lab = table.labels();
        for (int r = 0; r < table.size(); r++) {
            int u = table.users()[r], it = Integer.parseInt(items.value(r));
            if (lab[r] == 0f) {
                assertFalse(seen.contains(u, it), "a negative is never an item the channels were fit on");
                assertFalse(later.contains(u, it), "a negative is never a positive");
            } else {
                assertTrue(later.contains(u, it));
            }
        }
    }

    @Test
    void itemsHoldoutMovesTheItemsFirstSeenLastWithAllTheirRows() {
        // item i first seen at time 10 * i (row i), then seen again later by other users
        int ni = 10;
        int[] u = new int[20], it = new int[20];
        long[] t = new long[20];
        for (int r = 0; r < 20; r++) {
            u[r] = r % 7;
            it[r] = r % ni;
            t[r] = r < ni ? 10L * r : 1000L + r;
        }
        Interactions train = new Interactions(u, it, new float[20], t, IdMap.identity(7), IdMap.identity(ni));
        RankerTraining.Parts p = RankerTraining.holdout(train, Holdout.ITEMS, 0.2, 1);
        // 20% of 10 items: items 8 and 9, two rows each
        assertEquals(4, p.later().size());
        for (int r = 0; r < p.later().size(); r++) assertTrue(p.later().item(r) >= 8);
        for (int r = 0; r < p.earlier().size(); r++) assertTrue(p.earlier().item(r) < 8);
    }

    @Test
    void maxPositivesCapsEachUsersPositivesAndTheirNegatives() {
        int nu = 10, ni = 50;
        Interactions train = log(nu, ni, 20, 5);
        RankerTraining.Parts p = RankerTraining.holdout(train, Holdout.FOLD, 0.5, 1);
        Csr seen = p.earlier().byUser();
        int[] users = new int[nu];
        for (int u = 0; u < nu; u++) users[u] = u;
        ChannelLists[] lists = {ChannelLists.retrieve(random(nu, ni, 3), users, seen, null, 40, 1)};
        CandidateRows rows = new CandidateRows(1);
        RankerTraining.Counts c = RankerTraining.label(rank(Negatives.CANDIDATES, 2, 0, 3), lists, new CandidateMerger(new int[]{40}, ni),
                p.later(), seen, 4, rows);
        int[] pos = new int[nu], neg = new int[nu];
        float[] lab = rows.labels();
        int[] ru = rows.users();
        for (int r = 0; r < rows.size(); r++) if (lab[r] == 1f) pos[ru[r]]++; else neg[ru[r]]++;
        for (int u = 0; u < nu; u++) {
            assertTrue(pos[u] <= 3, "user " + u + " keeps at most 3 positives");
            assertTrue(neg[u] <= 2 * pos[u], "negatives follow the kept positives");
        }
        assertEquals(c.positives(), java.util.Arrays.stream(pos).sum());
    }
}
