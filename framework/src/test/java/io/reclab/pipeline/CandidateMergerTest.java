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
}
