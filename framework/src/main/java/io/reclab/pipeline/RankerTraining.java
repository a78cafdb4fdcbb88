package io.reclab.pipeline;

import io.reclab.data.Csr;
import io.reclab.data.Interactions;
import io.reclab.pipeline.PipelineSettings.Holdout;
import io.reclab.pipeline.PipelineSettings.Negatives;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How the pipeline's ranker is trained without leakage, the way production systems do it. Training is cut per user
 * into an earlier part and a later part ({@link #holdout}); the channels are fit on the earlier part and recall
 * candidates for the later part; candidates the user then interacted with are positives, the others (recalled but
 * not chosen) are negatives at {@code ratio} per positive, optionally with random unseen items mixed in
 * ({@link #label}). The ranker is fit on those rows; the channels serving validation and test users are fit on all
 * of train. Nothing here reads validation or test: both methods take parts of train only, and the stage refuses a
 * {@code holdout} that names another part.
 */
public final class RankerTraining {
    private RankerTraining() {}

    /** The earlier part (channels fit on it) and the later part (labels come from it). */
    public record Parts(Interactions earlier, Interactions later) {}

    /**
     * Per user: {@code time} puts the latest {@code round(fraction × n)} rows (by time, ties by row order) in the
     * later part; {@code fold} puts a seeded random {@code round(fraction × n)} rows there. Users with one row keep
     * it in the earlier part; every user with two or more keeps at least one row in each part. {@code items} puts
     * every row of the {@code round(fraction × items)} items first seen last in the later part (new items within
     * train, for the new-item protocol).
     */
    public static Parts holdout(Interactions train, Holdout holdout, double fraction, long seed) {
        if (holdout == Holdout.AUTO) throw new IllegalArgumentException("resolve holdout = auto against the split first");
        boolean[] later = new boolean[train.size()];
        if (holdout == Holdout.ITEMS) {
            boolean[] cold = io.reclab.split.ColdItemSplitter.coldItems(train, fraction);
            for (int r = 0; r < train.size(); r++) later[r] = cold[train.item(r)];
            return parts(train, later);
        }
        Csr byUser = train.byUser();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int u = 0; u < train.numUsers(); u++) {
            int a = byUser.rowStart(u), len = byUser.rowEnd(u) - a;
            if (len < 2) continue;
            int m = (int) Math.max(1, Math.min(len - 1, Math.round(fraction * len)));
            Integer[] rows = new Integer[len];
            for (int j = 0; j < len; j++) rows[j] = byUser.source[a + j];
            if (holdout == Holdout.TIME) {
                Arrays.sort(rows, (x, y) -> train.time(x) != train.time(y) ? Long.compare(train.time(x), train.time(y)) : Integer.compare(x, y));
            } else {
                Arrays.sort(rows);
                SplittableRandom r = rnd.split();
                for (int j = len - 1; j > 0; j--) {
                    int k = r.nextInt(j + 1);
                    Integer t = rows[j]; rows[j] = rows[k]; rows[k] = t;
                }
            }
            for (int j = len - m; j < len; j++) later[rows[j]] = true;
        }
        return parts(train, later);
    }

    /**
     * K-fold stacking: per user, a seeded shuffle of the training rows is dealt round-robin into {@code k} folds;
     * part {@code f} has fold {@code f} as its later part and the other folds as its earlier part. Every row is a
     * label exactly once over the parts, and each part's channels see (k-1)/k of train, closer to the serving
     * channels than one holdout's earlier part. Users with one row keep it in every earlier part.
     */
    public static java.util.List<Parts> folds(Interactions train, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
        int[] fold = new int[train.size()];
        Arrays.fill(fold, -1);
        Csr byUser = train.byUser();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int u = 0; u < train.numUsers(); u++) {
            int a = byUser.rowStart(u), len = byUser.rowEnd(u) - a;
            if (len < 2) continue;
            int[] rows = new int[len];
            for (int j = 0; j < len; j++) rows[j] = byUser.source[a + j];
            Arrays.sort(rows);
            SplittableRandom r = rnd.split();
            for (int j = len - 1; j > 0; j--) {
                int x = r.nextInt(j + 1), t = rows[j];
                rows[j] = rows[x];
                rows[x] = t;
            }
            // a random first fold per user, so users with fewer rows than k do not all label fold 0
            int offset = r.nextInt(k);
            for (int j = 0; j < len; j++) fold[rows[j]] = (j + offset) % k;
        }
        java.util.List<Parts> out = new java.util.ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            boolean[] later = new boolean[train.size()];
            for (int r = 0; r < later.length; r++) later[r] = fold[r] == f;
            out.add(parts(train, later));
        }
        return out;
    }

    private static Parts parts(Interactions train, boolean[] later) {
        int nl = 0;
        for (boolean b : later) if (b) nl++;
        int[] e = new int[train.size() - nl], l = new int[nl];
        for (int r = 0, i = 0, j = 0; r < train.size(); r++) {
            if (later[r]) l[j++] = r;
            else e[i++] = r;
        }
        return new Parts(train.select(e), train.select(l));
    }

    /** Counts of the labelled rows. */
    public record Counts(int users, int positives, int negatives, int missedPositives) {}

    /**
     * Labels the merged candidates of the users with rows in {@code labels}.
     *
     * @param lists   per channel, the lists of {@code lists[0].users()} (channels fit on the log {@code seen} came from)
     * @param labels  the part whose items are positives (train's later part, or validation for the ranker's early stopping)
     * @param seen    the log the channels were fit on: its items are never sampled as negatives
     * @param rows    receives the rows
     */
    public static Counts label(PipelineSettings.Rank rank, ChannelLists[] lists, CandidateMerger merger, Interactions labels,
                               Csr seen, long seed, CandidateRows rows) {
        Csr pos = labels.byUser();
        int numItems = labels.numItems(), ns = lists.length;
        int[] users = lists[0].users();
        int[] mark = new int[numItems];
        int[] at = new int[numItems];
        int stamp = 0;
        int[][] l = new int[ns][];
        float[][] s = new float[ns][];
        int nUsers = 0, nPos = 0, nNeg = 0, missed = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < users.length; i++) {
            int u = users[i];
            if (pos.rowLength(u) == 0) continue;
            for (int c = 0; c < ns; c++) {
                l[c] = lists[c].items()[i];
                s[c] = lists[c].scores()[i];
            }
            CandidateMerger.Merged m = merger.merge(l, s);
            stamp++;
            for (int j = 0; j < m.size(); j++) {
                mark[m.items()[j]] = stamp;
                at[m.items()[j]] = j;
            }
            // positives: recalled candidates the user went on to interact with
            int p = 0;
            int[] negIdx = new int[m.size()];
            boolean[] isPos = new boolean[m.size()];
            for (int k = pos.rowStart(u); k < pos.rowEnd(u); k++) {
                int it = pos.indices[k];
                if (mark[it] == stamp) {
                    if (!isPos[at[it]]) {
                        isPos[at[it]] = true;
                        p++;
                    }
                } else {
                    missed++;
                }
            }
            if (p == 0) continue;
            nUsers++;
            SplittableRandom r = rnd.split();
            // capped: a uniform sample of the positives, so heavy users do not dominate the pointwise loss; the
            // positives left out are neither positives nor negatives
            boolean[] dropped = new boolean[m.size()];
            if (rank.maxPositives() > 0 && p > rank.maxPositives()) {
                int[] posIdx = new int[p];
                for (int j = 0, k = 0; j < m.size(); j++) if (isPos[j]) posIdx[k++] = j;
                for (int j = 0; j < rank.maxPositives(); j++) {
                    int k = j + r.nextInt(p - j);
                    int t = posIdx[j]; posIdx[j] = posIdx[k]; posIdx[k] = t;
                }
                for (int j = rank.maxPositives(); j < p; j++) {
                    isPos[posIdx[j]] = false;
                    dropped[posIdx[j]] = true;
                }
                p = rank.maxPositives();
            }
            for (int j = 0; j < m.size(); j++) if (isPos[j]) rows.add(u, m, j, 1f);
            nPos += p;
            if (rank.negatives() == Negatives.CANDIDATES) {
                int nn = 0;
                for (int j = 0; j < m.size(); j++) if (!isPos[j] && !dropped[j]) negIdx[nn++] = j;
                int take = rank.ratio() == 0 ? nn : Math.min(nn, rank.ratio() * p);
                // partial Fisher-Yates: a uniform sample of `take` recalled non-positives
                for (int j = 0; j < take; j++) {
                    int k = j + r.nextInt(nn - j);
                    int t = negIdx[j]; negIdx[j] = negIdx[k]; negIdx[k] = t;
                    rows.add(u, m, negIdx[j], 0f);
                }
                nNeg += take;
            }
            int randoms = (rank.negatives() == Negatives.RANDOM ? rank.ratio() * p : 0) + rank.random() * p;
            for (int j = 0; j < randoms; j++) {
                int it = -1;
                for (int tries = 0; tries < 1000; tries++) {
                    int c = r.nextInt(numItems);
                    if (!seen.contains(u, c) && !pos.contains(u, c)) { it = c; break; }
                }
                if (it < 0) break; // the user has seen almost everything: no unseen item to sample
                if (mark[it] == stamp) rows.add(u, m, at[it], 0f);
                else rows.addUnrecalled(u, it, 0f);
                nNeg++;
            }
        }
        return new Counts(nUsers, nPos, nNeg, missed);
    }
}
