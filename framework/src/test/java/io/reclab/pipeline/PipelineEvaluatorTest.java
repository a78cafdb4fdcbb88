package io.reclab.pipeline;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.SampleConfig;
import io.reclab.recall.FittedRecaller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static io.reclab.pipeline.PipelineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class PipelineEvaluatorTest {
    private static PipelineSettings settings(int qa, int qb, List<Integer> ks) {
        return new PipelineSettings("p", List.of("a", "b"), new int[]{qa, qb}, "r", ks);
    }

    private static EvalSettings eval(List<Integer> ks) {
        return EvalSettings.defaults().withThreads(1).withMetrics(List.of(RankingMetrics.create("recall", ks.get(0))));
    }

    @Test
    void handExample() {
        // 3 users, 7 items. train: u0 {0}, u1 {1}, u2 {0, 1}; test: u0 {2, 3}, u1 {4, 6}, u2 none (not evaluated)
        Interactions train = log(3, 7, new int[]{0, 1, 2, 2}, new int[]{0, 1, 0, 1});
        Interactions test = sameMaps(log(3, 7, new int[]{0, 0, 1, 1}, new int[]{2, 3, 4, 6}), train);
        // source a: score = item id (item 6 last); source b: score = -item id (item 6 last)
        float[] a = {0, 1, 2, 3, 4, 5, -10}, b = {0, -1, -2, -3, -4, -5, -10};
        FittedRecaller ra = table(new float[][]{a, a, a}), rb = table(new float[][]{b, b, b});
        // ranker: by item only, 2 > 3 > 6 > 5 > 4 > 1 > 0
        float[] byItem = {0.1f, 0.2f, 0.9f, 0.8f, 0.3f, 0.4f, 0.5f};
        FittedFeaturePipeline fp = idPipeline(train, 0);
        FittedRanker ranker = pairRanker(fp, new float[][]{byItem, byItem, byItem}, 0);
        PipelineScorer scorer = new PipelineScorer(SampleConfig.implicit(4), fp, ranker, FeatureTable.empty(3), FeatureTable.empty(7), train);
        PipelineSettings ps = settings(3, 3, List.of(2));
        List<RankingMetric> fin = List.of(RankingMetrics.create("recall", 2), RankingMetrics.create("ndcg", 2));
        PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, List.of(ra, rb), scorer, train, train.empty(), test, fin, eval(List.of(2)), 1);

        // candidates: a top 3 without train items: u0 [5, 4, 3], u1 [5, 4, 3]; b: u0 [1, 2, 3], u1 [0, 2, 3]
        // merged: u0 [5, 4, 3, 1, 2], u1 [5, 4, 3, 0, 2]
        assertArrayEquals(new int[]{0, 1}, r.candidates().users());
        assertArrayEquals(new int[]{5, 4, 3, 1, 2}, r.candidates().ranked()[0]);
        assertArrayEquals(new int[]{5, 4, 3, 0, 2}, r.candidates().ranked()[1]);
        // recall@6 (N = 3 + 3): u0 {2, 3} both in → 1; u1 {4, 6}: 4 in → 1/2; mean 0.75. hit@6 = 1
        assertEquals(0.75, r.candidateMetrics().get("recall@6").value(), 1e-12);
        assertEquals(1.0, r.candidateMetrics().get("hit@6").value(), 1e-12);
        // per source recall@3: a: u0 {3} of {2, 3} = 1/2, u1 {4} of {4, 6} = 1/2 → 0.5; b: u0 1, u1 0 → 0.5
        assertEquals(0.5, r.extras().get("source.a.recall@3"), 1e-12);
        assertEquals(0.5, r.extras().get("source.b.recall@3"), 1e-12);
        // merge stats: sizes 5, 5; produced 12, kept 10; item 3 shared by both for both users
        assertEquals(5.0, r.extras().get("candidates.mean_size"), 1e-12);
        assertEquals(1 - 10.0 / 12, r.extras().get("candidates.duplicate_rate"), 1e-12);
        assertEquals(1.0 / 5, r.extras().get("overlap.a.b.jaccard"), 1e-12);
        // final top 2 by the ranker: u0 [2, 3] → recall 1, ndcg 1; u1 [2, 3] → 0, 0 (6 never became a candidate)
        assertArrayEquals(new int[]{2, 3}, r.lists().ranked()[0]);
        assertArrayEquals(new int[]{2, 3}, r.lists().ranked()[1]);
        assertEquals(0.5, r.finalMetrics().get("recall@2").value(), 1e-12);
        assertEquals(0.5, r.finalMetrics().get("ndcg@2").value(), 1e-12);
        assertArrayEquals(new double[]{1, 0}, r.finalMetrics().get("recall@2").perUser(), 1e-12);
        // where final items came from: 2 (b only) and 3 (a and b), for both users → a 2/4, b 4/4
        assertEquals(0.5, r.extras().get("final.source.a.share@2"), 1e-12);
        assertEquals(1.0, r.extras().get("final.source.b.share@2"), 1e-12);
    }

    @Test
    void finalListsEqualBruteForceRerankOfCandidates() {
        SplittableRandom rnd = new SplittableRandom(11);
        int users = 30, items = 50;
        int[] tu = new int[users * 6], ti = new int[users * 6];
        int[] eu = new int[users * 3], ei = new int[users * 3];
        for (int u = 0, p = 0, q = 0; u < users; u++) {
            int[] perm = rnd.ints(0, items).distinct().limit(9).toArray();
            for (int j = 0; j < 6; j++) { tu[p] = u; ti[p++] = perm[j]; }
            for (int j = 6; j < 9; j++) { eu[q] = u; ei[q++] = perm[j]; }
        }
        Interactions train = log(users, items, tu, ti);
        Interactions test = sameMaps(log(users, items, eu, ei), train);
        float[][] sa = new float[users][items], sb = new float[users][items], pair = new float[users][items];
        for (int u = 0; u < users; u++)
            for (int i = 0; i < items; i++) {
                sa[u][i] = rnd.nextInt(5);          // coarse scores: ties inside the sources too
                sb[u][i] = (float) rnd.nextDouble();
                pair[u][i] = rnd.nextInt(4) / 4f;  // the ranker ties often: ties must go to the smaller item id
            }
        FittedFeaturePipeline fp = idPipeline(train, 0);
        PipelineScorer scorer = new PipelineScorer(SampleConfig.implicit(4), fp, pairRanker(fp, pair, 0),
                FeatureTable.empty(users), FeatureTable.empty(items), train);
        int k = 7;
        PipelineSettings ps = settings(6, 9, List.of(k));
        PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, List.of(table(sa), table(sb)), scorer, train,
                train.empty(), test, List.of(RankingMetrics.create("ndcg", k)), eval(List.of(k)), 1);
        assertEquals(users, r.lists().size());
        for (int x = 0; x < users; x++) {
            int u = r.lists().users()[x];
            int[] cand = r.candidates().ranked()[x];
            // candidates: exactly the union of each source's top quota among non-training items
            List<Integer> expect = new ArrayList<>();
            for (int[] src : List.of(topUnseen(sa[u], train, u, 6), topUnseen(sb[u], train, u, 9)))
                for (int i : src) if (!expect.contains(i)) expect.add(i);
            assertArrayEquals(expect.stream().mapToInt(Integer::intValue).toArray(), cand, "candidates of user " + u);
            Integer[] sorted = Arrays.stream(cand).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, Comparator.comparingDouble((Integer i) -> -pair[u][i]).thenComparingInt(i -> i));
            int[] brute = Arrays.stream(sorted).limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(brute, r.lists().ranked()[x], "final list of user " + u);
        }
    }

    /** Brute force: items not in the user's training row, by score descending then id ascending, first q. */
    private static int[] topUnseen(float[] s, Interactions train, int u, int q) {
        return java.util.stream.IntStream.range(0, s.length).filter(i -> !train.byUser().contains(u, i)).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i))
                .limit(q).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void scorerSeesTheWholeTrainingHistory() {
        // user 0 trained on items 0, 1, 2 at times 10, 20, 30; user 1 on item 3 at time 40
        Interactions train = log(2, 5, new int[]{0, 0, 0, 1}, new int[]{0, 1, 2, 3});
        FittedFeaturePipeline fp = idPipeline(train, 5);
        float[][] zero = new float[2][5];
        // score = number of history items (sum pooling, value 1 each): the row's history length
        PipelineScorer scorer = new PipelineScorer(SampleConfig.implicit(4).withHistory(5), fp, pairRanker(fp, zero, 1f),
                FeatureTable.empty(2), FeatureTable.empty(5), train);
        assertEquals(31L, scorer.now(0));
        float[][] s = scorer.score(new int[]{0, 1}, new int[][]{{3, 4}, {0}});
        // stamped at latest + 1 the history holds all 3 training items (at the latest time itself it would hold 2)
        assertArrayEquals(new float[]{3, 3}, s[0]);
        assertArrayEquals(new float[]{1}, s[1]);
    }

    @Test
    void scoringInBlocksMatchesOneBlock() {
        int users = 6, items = 9;
        Interactions train = log(users, items, new int[]{0, 1, 2, 3, 4, 5}, new int[]{0, 1, 2, 3, 4, 5});
        float[][] pair = new float[users][items];
        SplittableRandom rnd = new SplittableRandom(5);
        for (float[] row : pair) for (int i = 0; i < items; i++) row[i] = (float) rnd.nextDouble();
        FittedFeaturePipeline fp = idPipeline(train, 0);
        int[][] cand = new int[users][];
        for (int u = 0; u < users; u++) cand[u] = rnd.ints(0, items).distinct().limit(1 + rnd.nextInt(items)).toArray();
        int[] us = {0, 1, 2, 3, 4, 5};
        // blocks of at most 4 rows (a user with more rows gets a block of its own) vs one block
        float[][] small = new PipelineScorer(SampleConfig.implicit(4), fp, pairRanker(fp, pair, 0), FeatureTable.empty(users),
                FeatureTable.empty(items), train, 4).score(us, cand);
        float[][] one = new PipelineScorer(SampleConfig.implicit(4), fp, pairRanker(fp, pair, 0), FeatureTable.empty(users),
                FeatureTable.empty(items), train).score(us, cand);
        for (int u = 0; u < users; u++) {
            float[] expect = new float[cand[u].length];
            for (int j = 0; j < expect.length; j++) expect[j] = pair[u][cand[u][j]];
            assertArrayEquals(expect, small[u]);
            assertArrayEquals(expect, one[u]);
        }
    }
}
