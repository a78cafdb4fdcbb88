package io.reclab.eval;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Interactions;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.recall.FittedRecaller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class RankingEvaluatorTest {
    private static final int USERS = 70, ITEMS = 45;
    private static final Interactions TRAIN = EvalFixtures.log(1, USERS, ITEMS, 12, 0.05);
    private static final Interactions VALID = EvalFixtures.sameMaps(EvalFixtures.log(2, USERS, ITEMS, 3, 0.4), TRAIN);
    private static final Interactions TEST = EvalFixtures.sameMaps(EvalFixtures.log(3, USERS, ITEMS, 5, 0.2), TRAIN);
    private static final FittedRecaller TIES = EvalFixtures.model(EvalFixtures.tieModel(4, USERS, ITEMS, 3));

    private static EvalSettings settings(String hocon) {
        return EvalSettings.parse(ConfigBlock.at(ConfigFactory.parseString("evaluation {" + hocon + "}"), "evaluation"));
    }

    private static Set<Integer> itemsOf(Interactions x, int u) {
        Set<Integer> s = new TreeSet<>();
        for (int r = 0; r < x.size(); r++) if (x.user(r) == u) s.add(x.item(r));
        return s;
    }

    /** Score every item with model.score, sort by (score desc, id asc), drop excluded, keep k. */
    private static int[] bruteForce(FittedRecaller m, int u, Set<Integer> excluded, int k) {
        float[] sc = m.score(u);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sc.length; i++) if (!excluded.contains(i)) order.add(i);
        order.sort(Comparator.<Integer>comparingDouble(i -> -sc[i]).thenComparingInt(i -> i));
        return order.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void fullRankingEqualsBruteForce() {
        for (boolean excludeValid : new boolean[]{true, false}) {
            EvalSettings s = settings("ks = [5, 12], threads = 2, block-size = 8, exclude-valid = " + excludeValid);
            RankingContext c = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s, 9);
            assertFalse(c.sampled());
            int expected = 0;
            for (int u = 0; u < USERS; u++) if (!itemsOf(TEST, u).isEmpty()) expected++;
            assertEquals(expected, c.size());
            assertEquals(USERS - expected, c.skippedUsers());
            assertTrue(c.skippedUsers() > 0, "fixture should have users without test items");
            assertArrayEquals(TRAIN.itemCounts(), c.itemPopularity());
            for (int i = 0; i < c.size(); i++) {
                int u = c.users()[i];
                if (i > 0) assertTrue(c.users()[i - 1] < u);
                Set<Integer> ex = new HashSet<>(itemsOf(TRAIN, u));
                if (excludeValid) ex.addAll(itemsOf(VALID, u));
                assertArrayEquals(bruteForce(TIES, u, ex, 12), c.ranked()[i], "user " + u);
                assertArrayEquals(itemsOf(TEST, u).stream().mapToInt(Integer::intValue).toArray(), c.relevant()[i]);
            }
        }
    }

    @Test
    void tinyCatalogueGivesShortLists() {
        // 6 items, K = 20: lists hold what is left after exclusion
        Interactions tr = EvalFixtures.log(5, 10, 6, 4, 0);
        Interactions te = EvalFixtures.sameMaps(EvalFixtures.log(6, 10, 6, 2, 0), tr);
        FittedRecaller m = EvalFixtures.model(EvalFixtures.tieModel(7, 10, 6, 2));
        RankingContext c = RankingEvaluator.context(m, tr, tr.empty(), te, settings("ks = [20], threads = 1"), 1);
        for (int i = 0; i < c.size(); i++) {
            int u = c.users()[i];
            assertEquals(6 - itemsOf(tr, u).size(), c.ranked()[i].length);
            assertArrayEquals(bruteForce(m, u, itemsOf(tr, u), 20), c.ranked()[i]);
        }
    }

    @Test
    void identicalAcrossThreadCounts() {
        for (String mode : List.of("full", "sampled")) {
            EvalSettings s = settings("mode = " + mode + ", negatives = 3, ks = [10], block-size = 5, threads = 1");
            RankingContext one = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s, 17);
            RankingContext three = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s.withThreads(3), 17);
            assertArrayEquals(one.users(), three.users());
            assertTrue(Arrays.deepEquals(one.ranked(), three.ranked()), mode);
            Map<String, MetricResult> a = RankingEvaluator.compute(one, s.metrics());
            Map<String, MetricResult> b = RankingEvaluator.compute(three, s.metrics());
            assertEquals(a.keySet(), b.keySet());
            for (String id : a.keySet()) assertEquals(a.get(id).value(), b.get(id).value(), 0.0, id);
        }
    }

    @Test
    void sampledListsRankTestItemsAmongFreeNegatives() {
        EvalSettings s = settings("mode = sampled, negatives = 2, ks = [50], threads = 2, block-size = 4");
        RankingContext c = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s, 5);
        assertTrue(c.sampled());
        for (int i = 0; i < c.size(); i++) {
            int u = c.users()[i];
            Set<Integer> pos = itemsOf(TEST, u), taken = new HashSet<>(pos);
            taken.addAll(itemsOf(TRAIN, u));
            taken.addAll(itemsOf(VALID, u));
            int[] r = c.ranked()[i];
            // K = 50 > candidates, so the list is every candidate: all test items + min(2|T|, free) negatives
            assertEquals(pos.size() + Math.min(2 * pos.size(), ITEMS - taken.size()), r.length, "user " + u);
            assertEquals(r.length, Arrays.stream(r).distinct().count());
            int p = 0;
            for (int it : r) if (pos.contains(it)) p++; else assertFalse(taken.contains(it), "negative " + it + " was interacted");
            assertEquals(pos.size(), p);
            float[] sc = TIES.score(u);
            for (int j = 1; j < r.length; j++)
                assertTrue(sc[r[j - 1]] > sc[r[j]] || (sc[r[j - 1]] == sc[r[j]] && r[j - 1] < r[j]), "order at " + j);
        }
        RankingContext again = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s, 5);
        RankingContext other = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s, 6);
        assertTrue(Arrays.deepEquals(c.ranked(), again.ranked()));
        assertFalse(Arrays.deepEquals(c.ranked(), other.ranked()));
    }

    @Test
    void sampledWithAllNegativesEqualsFullRanking() {
        // with more negatives than free items every free item is a candidate, so sampled ranking = full ranking
        // minus train and valid items, as long as no test item is also a train/valid item of the user
        Interactions tr = EvalFixtures.log(11, 30, 40, 6, 0);
        int[] tu = new int[30], ti = new int[30];
        for (int u = 0; u < 30; u++) {
            tu[u] = u;
            Set<Integer> own = itemsOf(tr, u);
            int it = 0;
            while (own.contains(it)) it++;
            ti[u] = it;
        }
        Interactions te = new Interactions(tu, ti, new float[30], new long[30], tr.users(), tr.items());
        FittedRecaller m = EvalFixtures.model(EvalFixtures.gaussianModel(12, 30, 40, 4));
        EvalSettings s = settings("mode = sampled, negatives = 1000, ks = [10], threads = 2");
        RankingContext sampled = RankingEvaluator.context(m, tr, tr.empty(), te, s, 3);
        RankingContext full = RankingEvaluator.context(m, tr, tr.empty(), te, s.withMode(EvalSettings.Mode.FULL), 3);
        assertTrue(Arrays.deepEquals(full.ranked(), sampled.ranked()));
    }

    @Test
    void negativesAreUniform() {
        // one user, 50 items: train items 0..9, test item 10 -> 39 free items (11..49)
        int[] u = new int[10], it = new int[10];
        for (int k = 0; k < 10; k++) it[k] = k;
        Interactions tr = new Interactions(u, it, new float[10], new long[10],
                io.reclab.data.IdMap.identity(1), io.reclab.data.IdMap.identity(50));
        Interactions te = new Interactions(new int[]{0}, new int[]{10}, new float[1], new long[1], tr.users(), tr.items());
        FittedRecaller m = EvalFixtures.model(EvalFixtures.tieModel(1, 1, 50, 2));
        // negatives 5 (rejection path, p = 5/39) and 30 (Fisher-Yates path, p = 30/39), 2000 seeds each
        for (int neg : new int[]{5, 30}) {
            EvalSettings s = settings("mode = sampled, negatives = " + neg + ", ks = [100], threads = 1");
            int[] count = new int[50];
            for (int seed = 0; seed < 2000; seed++)
                for (int x : RankingEvaluator.context(m, tr, tr.empty(), te, s, seed).ranked()[0]) count[x]++;
            double p = neg / 39.0, mean = 2000 * p, sd = Math.sqrt(2000 * p * (1 - p));
            for (int x = 0; x < 10; x++) assertEquals(0, count[x]);
            assertEquals(2000, count[10]);
            for (int x = 11; x < 50; x++) assertEquals(mean, count[x], 5 * sd, "item " + x + " with " + neg + " negatives");
        }
    }

    @Test
    void computeKeepsOrderAndIds() {
        EvalSettings s = settings("metrics = [ndcg, \"Recall@50\", coverage], ks = [5, 10], threads = 1");
        assertEquals(List.of("ndcg@5", "ndcg@10", "recall@50", "coverage@5", "coverage@10"),
                s.metrics().stream().map(RankingMetric::id).toList());
        assertEquals(50, s.maxK());
        Map<String, MetricResult> r = RankingEvaluator.evaluate(TIES, TRAIN, VALID, TEST, s, 1);
        assertEquals(List.of("ndcg@5", "ndcg@10", "recall@50", "coverage@5", "coverage@10"), new ArrayList<>(r.keySet()));
        RankingContext c = RankingEvaluator.context(TIES, TRAIN, VALID, TEST, s, 1);
        assertEquals(RankingMetrics.parse("ndcg@10").compute(c).value(), r.get("ndcg@10").value(), 0.0);
    }

    @Test
    void settingsDefaultsAndErrors() {
        EvalSettings d = settings("");
        assertEquals(EvalSettings.Mode.FULL, d.mode());
        assertEquals(100, d.negatives());
        assertEquals(List.of(10, 20), d.ks());
        assertEquals(16, d.metrics().size());
        assertEquals("recall@10", d.metrics().get(0).id());
        assertEquals("popularity@20", d.metrics().get(15).id());
        assertTrue(d.excludeValid());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
        assertEquals(256, d.blockSize());
        assertEquals(20, d.maxK());
        assertEquals(d, EvalSettings.defaults());
        ConfigError e = assertThrows(ConfigError.class, () -> settings("metric = [ndcg]"));
        assertTrue(e.getMessage().contains("did you mean `metrics`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> settings("metrics = [ndcgg]"));
        assertTrue(e.getMessage().contains("evaluation.metrics") && e.getMessage().contains("ndcg"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> settings("ks = [10, 0]"));
        assertTrue(e.getMessage().contains("evaluation.ks"), e.getMessage());
        assertThrows(ConfigError.class, () -> settings("mode = partial"));
        assertThrows(ConfigError.class, () -> settings("threads = 0"));
        assertThrows(ConfigError.class, () -> settings("metrics = [\"ndcg@x\"]"));
    }

    @Test
    void validatorEvaluatesValidationPart() {
        EvalSettings s = settings("threads = 2");
        RankingValidator v = RankingValidator.of("NDCG@5", TRAIN, VALID, s, 3);
        assertEquals("ndcg@5", v.metricId());
        // reference: validation items are the held-out part; only train items are excluded
        double sum = 0;
        int n = 0;
        for (int u = 0; u < USERS; u++) {
            Set<Integer> rel = itemsOf(VALID, u);
            if (rel.isEmpty()) continue;
            int[] top = bruteForce(TIES, u, itemsOf(TRAIN, u), 5);
            double dcg = 0, idcg = 0;
            for (int i = 0; i < top.length; i++) if (rel.contains(top[i])) dcg += 1 / (Math.log(i + 2) / Math.log(2));
            for (int i = 0; i < Math.min(5, rel.size()); i++) idcg += 1 / (Math.log(i + 2) / Math.log(2));
            sum += dcg / idcg;
            n++;
        }
        assertEquals(sum / n, v.validate(TIES), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RankingValidator.of("popularity@10", TRAIN, VALID, s, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingValidator.of("ndcg@10", TRAIN, TRAIN.empty(), s, 3));
    }
}
