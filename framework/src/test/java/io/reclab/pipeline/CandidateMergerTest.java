package io.reclab.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class CandidateMergerTest {
    @Test
    void dedupesTagsAndCutsToQuota() {
        CandidateMerger m = new CandidateMerger(new int[]{3, 2}, 10);
        // source 0 gives 7 4 1 (9 is past its quota of 3); source 1 gives 4 2 (1 is past its quota of 2)
        CandidateMerger.Merged r = m.merge(new int[][]{{7, 4, 1, 9}, {4, 2, 1}});
        assertArrayEquals(new int[]{7, 4, 1, 2}, r.items());
        // tags: 7 → {0} = 1, 4 → {0, 1} = 3, 1 → {0} = 1 (source 1 reached it only past its quota), 2 → {1} = 2
        assertArrayEquals(new int[]{1, 3, 1, 2}, r.tags());
        assertTrue(r.from(1, 0) && r.from(1, 1));
        assertFalse(r.from(3, 0));
    }

    @Test
    void shortListsAndReuseAcrossUsers() {
        CandidateMerger m = new CandidateMerger(new int[]{5, 5}, 6);
        CandidateMerger.Merged a = m.merge(new int[][]{{0, 1}, {}});
        assertArrayEquals(new int[]{0, 1}, a.items());
        // a new user must not see the previous user's marks: 0 and 1 are new again
        CandidateMerger.Merged b = m.merge(new int[][]{{}, {1, 0, 5}});
        assertArrayEquals(new int[]{1, 0, 5}, b.items());
        assertArrayEquals(new int[]{2, 2, 2}, b.tags());
    }

    @Test
    void randomListsAgreeWithSetUnion() {
        SplittableRandom rnd = new SplittableRandom(3);
        int items = 40, sources = 3;
        int[] quotas = {5, 8, 3};
        CandidateMerger m = new CandidateMerger(quotas, items);
        for (int trial = 0; trial < 200; trial++) {
            int[][] lists = new int[sources][];
            for (int s = 0; s < sources; s++) {
                List<Integer> pool = new ArrayList<>();
                for (int i = 0; i < items; i++) pool.add(i);
                java.util.Collections.shuffle(pool, new java.util.Random(rnd.nextLong()));
                lists[s] = pool.subList(0, rnd.nextInt(12)).stream().mapToInt(Integer::intValue).toArray();
            }
            CandidateMerger.Merged r = m.merge(lists);
            Set<Integer> union = new HashSet<>();
            for (int s = 0; s < sources; s++)
                for (int j = 0; j < Math.min(quotas[s], lists[s].length); j++) union.add(lists[s][j]);
            assertEquals(union.size(), r.size());
            Set<Integer> got = new HashSet<>();
            for (int j = 0; j < r.size(); j++) {
                assertTrue(got.add(r.items()[j]), "duplicate " + r.items()[j]);
                for (int s = 0; s < sources; s++) {
                    boolean in = false;
                    for (int p = 0; p < Math.min(quotas[s], lists[s].length); p++) in |= lists[s][p] == r.items()[j];
                    assertEquals(in, r.from(j, s), "tag of item " + r.items()[j] + " for source " + s);
                }
            }
            assertEquals(union, got);
        }
    }

    @Test
    void statsByHand() {
        // user 0: A = {1, 2, 3}, B = {3, 4}      → merged {1, 2, 3, 4}; 3 shared
        // user 1: A = {5, 6},    B = {5, 6, 7, 8} → merged {5, 6, 7, 8}; 5 and 6 shared
        CandidateMerger m = new CandidateMerger(new int[]{10, 10}, 10);
        List<CandidateMerger.Merged> ms = List.of(m.merge(new int[][]{{1, 2, 3}, {3, 4}}), m.merge(new int[][]{{5, 6}, {5, 6, 7, 8}}));
        CandidateStats s = CandidateStats.of(ms, 2);
        assertEquals(2, s.users());
        assertEquals(4.0, s.meanSize(), 1e-12);                      // (4 + 4) / 2
        assertEquals(1 - 8.0 / 11.0, s.duplicateRate(), 1e-12);      // produced 5 + 6 = 11, kept 8
        assertEquals(2.5, s.meanCount()[0], 1e-12);                  // (3 + 2) / 2
        assertEquals(3.0, s.meanCount()[1], 1e-12);                  // (2 + 4) / 2
        assertEquals(1.0, s.meanUnique()[0], 1e-12);                 // (2 + 0) / 2
        assertEquals(1.5, s.meanUnique()[1], 1e-12);                 // (1 + 2) / 2
        assertEquals(1.5, s.meanOverlap()[0][1], 1e-12);             // (1 + 2) / 2
        assertEquals((1.0 / 4 + 2.0 / 4) / 2, s.meanJaccard()[0][1], 1e-12); // |∩|/|∪| = 1/4, 2/4
        var ex = s.extras(List.of("a", "b"));
        assertEquals(1.5, ex.get("overlap.a.b.mean"), 1e-12);
        assertEquals(3.0, ex.get("source.b.mean_count"), 1e-12);
    }

    @Test
    void rejectsBadQuotas() {
        assertThrows(IllegalArgumentException.class, () -> new CandidateMerger(new int[]{0}, 5));
        assertThrows(IllegalArgumentException.class, () -> new CandidateMerger(new int[0], 5));
        assertThrows(IllegalArgumentException.class, () -> new CandidateMerger(new int[]{1}, 5).merge(new int[][]{{1}, {2}}));
    }

    @Test
    void keepsEachChannelsRankAndNormalisedScore() {
        CandidateMerger m = new CandidateMerger(new int[]{3, 2}, 10);
        // channel 0 scores 7:9, 4:5, 1:1 → normalised 1, 0.5, 0; channel 1 scores 4:2, 2:2 → a flat list normalises to 1
        CandidateMerger.Merged r = m.merge(new int[][]{{7, 4, 1}, {4, 2}}, new float[][]{{9, 5, 1}, {2, 2}});
        assertArrayEquals(new int[]{7, 4, 1, 2}, r.items());
        assertArrayEquals(new int[]{0, 1, 2, -1}, r.ranks()[0]);
        assertArrayEquals(new int[]{-1, 0, -1, 1}, r.ranks()[1]);
        assertArrayEquals(new float[]{1f, 0.5f, 0f, Float.NaN}, r.scores()[0]);
        assertArrayEquals(new float[]{Float.NaN, 1f, Float.NaN, 1f}, r.scores()[1]);
    }

    @Test
    void roundRobinInterleavesByRank() {
        CandidateMerger m = new CandidateMerger(new int[]{3, 3}, PipelineSettings.Strategy.ROUND_ROBIN, 100, 10);
        // rank 0: 1 (ch0), 5 (ch1); rank 1: 2, 1 (already out); rank 2: 3, 6
        CandidateMerger.Merged r = m.merge(new int[][]{{1, 2, 3}, {5, 1, 6}});
        assertArrayEquals(new int[]{1, 5, 2, 3, 6}, r.items());
        assertEquals(3, r.tags()[0]); // item 1 from both channels
        assertArrayEquals(new int[]{0, -1, 1, 2, -1}, r.ranks()[0]);
        assertArrayEquals(new int[]{1, 0, -1, -1, 2}, r.ranks()[1]);
    }

    @Test
    void scoreNormalisedSortsBySummedScoresAndCutsToSize() {
        CandidateMerger m = new CandidateMerger(new int[]{3, 3}, PipelineSettings.Strategy.SCORE_NORMALISED, 3, 10);
        // ch0: 1 → 1, 2 → 0.5, 3 → 0; ch1: 3 → 1, 2 → 0.75, 9 → 0. Sums: 2 → 1.25, 1 → 1, 3 → 1, 9 → 0
        CandidateMerger.Merged r = m.merge(new int[][]{{1, 2, 3}, {3, 2, 9}}, new float[][]{{4, 2, 0}, {8, 6, 0}});
        // 1 and 3 tie at 1: the earlier in quota order (1) first; the cut to 3 drops 9
        assertArrayEquals(new int[]{2, 1, 3}, r.items());
        assertArrayEquals(new int[]{3, 1, 3}, r.tags());
        assertEquals(0.75f, r.scores()[1][0], 1e-6f);
    }

    @Test
    void everyStrategyRecallsTheSameUnionWithoutACut() {
        SplittableRandom rnd = new SplittableRandom(11);
        int items = 50;
        int[] quotas = {6, 4, 9};
        for (PipelineSettings.Strategy st : PipelineSettings.Strategy.values()) {
            CandidateMerger m = new CandidateMerger(quotas, st, Integer.MAX_VALUE, items);
            CandidateMerger ref = new CandidateMerger(quotas, items);
            for (int trial = 0; trial < 100; trial++) {
                int[][] lists = new int[3][];
                float[][] scores = new float[3][];
                for (int s = 0; s < 3; s++) {
                    List<Integer> pool = new ArrayList<>();
                    for (int i = 0; i < items; i++) pool.add(i);
                    java.util.Collections.shuffle(pool, new java.util.Random(rnd.nextLong()));
                    lists[s] = pool.subList(0, rnd.nextInt(12)).stream().mapToInt(Integer::intValue).toArray();
                    scores[s] = new float[lists[s].length];
                    for (int j = 0; j < scores[s].length; j++) scores[s][j] = (float) -j + (float) rnd.nextDouble();
                }
                CandidateMerger.Merged a = m.merge(lists, scores), b = ref.merge(lists, scores);
                Set<Integer> sa = new HashSet<>(), sb = new HashSet<>();
                for (int x : a.items()) sa.add(x);
                for (int x : b.items()) sb.add(x);
                assertEquals(sb, sa, st.toString());
                assertEquals(a.size(), sa.size(), "no duplicates");
            }
        }
    }
}
