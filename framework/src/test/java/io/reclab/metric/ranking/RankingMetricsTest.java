package io.reclab.metric.ranking;

import io.reclab.config.ConfigError;
import io.reclab.eval.RankingContext;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class RankingMetricsTest {
    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    // user A: relevant {1,4,7}, ranked [4,2,1,9,5] -> rel = 1,0,1,0,0
    // user B: relevant {3},     ranked [0,5,6,8,3] -> rel = 0,0,0,0,1
    // popularity pop[i] = 10 - i
    private static final RankingContext HAND = new RankingContext(new int[]{0, 1},
            new int[][]{{4, 2, 1, 9, 5}, {0, 5, 6, 8, 3}}, new int[][]{{1, 4, 7}, {3}}, 10,
            new int[]{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0, false);

    private static double v(String id, RankingContext c) { return RankingMetrics.parse(id).compute(c).value(); }

    @Test
    void handValuesAtFive() {
        // recall: A 2/3, B 1/1 -> (2/3 + 1) / 2 = 5/6
        assertEquals(5.0 / 6, v("recall@5", HAND), EPS);
        // precision: A 2/5, B 1/5 -> 0.3
        assertEquals(0.3, v("precision@5", HAND), EPS);
        assertEquals(1.0, v("hit@5", HAND), EPS);
        // mrr: A 1/1, B 1/5 -> 0.6
        assertEquals(0.6, v("mrr@5", HAND), EPS);
        // ndcg A: DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG (3 ideal) = 1 + 1/log2(3) + 1/2
        // ndcg B: DCG = 1/log2(6); IDCG = 1
        double a = 1.5 / (1.5 + 1 / LOG2_3), b = Math.log(2) / Math.log(6);
        assertEquals((a + b) / 2, v("ndcg@5", HAND), EPS);
        MetricResult nd = RankingMetrics.parse("ndcg@5").compute(HAND);
        assertArrayEquals(new double[]{a, b}, nd.perUser(), EPS);
        // map A: (1/min(3,5)) * (1/1 + 2/3) = 5/9 ; map B: (1/1) * (1/5)
        assertEquals((5.0 / 9 + 0.2) / 2, v("map@5", HAND), EPS);
        // coverage: {4,2,1,9,5,0,6,8,3} = 9 of 10 items
        assertEquals(0.9, v("coverage@5", HAND), EPS);
        assertNull(RankingMetrics.parse("coverage@5").compute(HAND).perUser());
        // popularity A: pop(4,2,1,9,5) = 6+8+9+1+5 = 29 -> 5.8 ; B: pop(0,5,6,8,3) = 10+5+4+2+7 = 28 -> 5.6
        assertEquals(5.7, v("popularity@5", HAND), EPS);
    }

    @Test
    void handValuesAtTwo() {
        // A top2 [4,2]: 1 hit; B top2 [0,5]: 0 hits
        assertEquals((1.0 / 3) / 2, v("recall@2", HAND), EPS);
        assertEquals(0.5 / 2, v("precision@2", HAND), EPS);
        assertEquals(0.5, v("hit@2", HAND), EPS);
        // ndcg A: DCG = 1; IDCG over min(3,2)=2 positions = 1 + 1/log2(3)
        assertEquals(1 / (1 + 1 / LOG2_3) / 2, v("ndcg@2", HAND), EPS);
        // map A: (1/min(3,2)) * (1/1) = 0.5
        assertEquals(0.25, v("map@2", HAND), EPS);
        // coverage {4,2,0,5} = 4/10
        assertEquals(0.4, v("coverage@2", HAND), EPS);
        // popularity A: (6+8)/2 = 7 ; B: (10+5)/2 = 7.5
        assertEquals(7.25, v("popularity@2", HAND), EPS);
    }

    @Test
    void shortListUsesWhatIsThere() {
        // one user, relevant {3,4}, list [3] shorter than K=5
        RankingContext c = new RankingContext(new int[]{0}, new int[][]{{3}}, new int[][]{{3, 4}}, 5, new int[5], 0, false);
        assertEquals(0.2, v("precision@5", c), EPS);            // 1 hit / K=5
        assertEquals(0.5, v("recall@5", c), EPS);               // 1 / 2
        assertEquals(1 / (1 + 1 / LOG2_3), v("ndcg@5", c), EPS); // DCG 1, IDCG over 2 positions
        assertEquals(0.5, v("map@5", c), EPS);                  // (1/2) * 1/1
        assertEquals(0.2, v("coverage@5", c), EPS);             // 1 of 5 items
    }

    @Test
    void noUsersGivesNaN() {
        RankingContext c = new RankingContext(new int[0], new int[0][], new int[0][], 5, new int[5], 3, false);
        assertTrue(Double.isNaN(v("ndcg@10", c)));
        assertEquals(0, RankingMetrics.parse("ndcg@10").compute(c).perUser().length);
    }

    @Test
    void parsing() {
        assertEquals("hit@10", RankingMetrics.parse("HitRate@10").id());
        assertEquals("hit@3", RankingMetrics.parse(" hit@3 ").id());
        assertEquals("ndcg@20", RankingMetrics.parse("NDCG@20").id());
        assertEquals("coverage@5", RankingMetrics.parse("itemcoverage@5").id());
        assertEquals("popularity@5", RankingMetrics.parse("AveragePopularity@5").id());
        assertFalse(RankingMetrics.parse("popularity@5").higherIsBetter());
        assertTrue(RankingMetrics.parse("map@5").higherIsBetter());
        assertEquals(10, RankingMetrics.parse("map@10").k());
        ConfigError e = assertThrows(ConfigError.class, () -> RankingMetrics.parse("ndgc@10"));
        assertTrue(e.getMessage().contains("did you mean `ndcg`") && e.getMessage().contains("recall, precision"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> RankingMetrics.parse("ndcg"));
        assertTrue(e.getMessage().contains("missing @K"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> RankingMetrics.parse("ndcg@0"));
        assertTrue(e.getMessage().contains("not a positive integer"), e.getMessage());
        assertThrows(ConfigError.class, () -> RankingMetrics.parse("ndcg@ten"));
        assertThrows(ConfigError.class, () -> RankingMetrics.parse("recall@-3"));
        assertEquals(8, RankingMetrics.catalogue().size());
        for (RankingMetrics.Info i : RankingMetrics.catalogue())
            assertEquals(i.name() + "@7", RankingMetrics.parse(i.name() + "@7").id());
    }

    // ---- brute-force reference, written from the definitions without the production helpers ----

    private static double reference(String name, int k, int[] fullOrder, Set<Integer> rel, int[] pop) {
        int len = Math.min(k, fullOrder.length);
        boolean[] r = new boolean[len];
        int hits = 0;
        for (int i = 0; i < len; i++) { r[i] = rel.contains(fullOrder[i]); if (r[i]) hits++; }
        switch (name) {
            case "recall": return hits / (double) rel.size();
            case "precision": return hits / (double) k;
            case "hit": return hits > 0 ? 1 : 0;
            case "mrr": for (int i = 0; i < len; i++) if (r[i]) return 1.0 / (i + 1); return 0;
            case "ndcg": {
                double dcg = 0, idcg = 0;
                for (int i = 1; i <= len; i++) if (r[i - 1]) dcg += 1 / (Math.log(i + 1) / Math.log(2));
                for (int i = 1; i <= Math.min(rel.size(), k); i++) idcg += 1 / (Math.log(i + 1) / Math.log(2));
                return dcg / idcg;
            }
            case "map": {
                double s = 0;
                for (int i = 1; i <= len; i++) {
                    if (!r[i - 1]) continue;
                    int h = 0;
                    for (int j = 0; j < i; j++) if (r[j]) h++;
                    s += h / (double) i;
                }
                return s / Math.min(rel.size(), k);
            }
            case "popularity": {
                double s = 0;
                for (int i = 0; i < len; i++) s += pop[fullOrder[i]];
                return len == 0 ? 0 : s / len;
            }
            default: throw new IllegalArgumentException(name);
        }
    }

    @Test
    void matchesBruteForceOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 30; trial++) {
            int items = 3 + rnd.nextInt(40), users = 1 + rnd.nextInt(25), maxK = 1 + rnd.nextInt(15);
            int[] pop = new int[items];
            for (int i = 0; i < items; i++) pop[i] = rnd.nextInt(100);
            int[] us = new int[users];
            int[][] ranked = new int[users][], relevant = new int[users][], full = new int[users][];
            List<Set<Integer>> relSets = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                us[u] = u;
                // scores on a coarse grid so ties occur; order by score desc, then item id asc
                float[] sc = new float[items];
                for (int i = 0; i < items; i++) sc[i] = rnd.nextInt(6);
                Integer[] order = new Integer[items];
                for (int i = 0; i < items; i++) order[i] = i;
                Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -sc[i]).thenComparingInt(i -> i));
                // some lists are truncated below maxK (as after exclusion on tiny catalogues)
                int len = Math.min(items, rnd.nextInt(4) == 0 ? rnd.nextInt(maxK + 1) : maxK);
                full[u] = Arrays.stream(order).mapToInt(Integer::intValue).limit(len).toArray();
                ranked[u] = full[u];
                Set<Integer> rel = new HashSet<>();
                int m = 1 + rnd.nextInt(Math.min(items, 8));
                while (rel.size() < m) rel.add(rnd.nextInt(items));
                relSets.add(rel);
                relevant[u] = rel.stream().mapToInt(Integer::intValue).sorted().toArray();
            }
            RankingContext c = new RankingContext(us, ranked, relevant, items, pop, 0, false);
            for (int k = 1; k <= maxK + 2; k++) {
                for (String name : List.of("recall", "precision", "hit", "mrr", "ndcg", "map", "popularity")) {
                    RankingMetric m = RankingMetrics.create(name, k);
                    MetricResult res = m.compute(c);
                    double mean = 0;
                    for (int u = 0; u < users; u++) {
                        double ref = reference(name, k, full[u], relSets.get(u), pop);
                        assertEquals(ref, res.perUser()[u], 1e-9, name + "@" + k + " user " + u + " trial " + trial);
                        mean += ref;
                    }
                    assertEquals(mean / users, res.value(), 1e-9, name + "@" + k);
                }
                Set<Integer> seen = new HashSet<>();
                for (int u = 0; u < users; u++) for (int i = 0; i < Math.min(k, full[u].length); i++) seen.add(full[u][i]);
                assertEquals(seen.size() / (double) items, RankingMetrics.create("coverage", k).compute(c).value(), 1e-12);
            }
        }
    }
}
