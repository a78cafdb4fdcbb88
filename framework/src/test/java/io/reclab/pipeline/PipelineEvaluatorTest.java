package io.reclab.pipeline;

import com.typesafe.config.ConfigFactory;
import io.reclab.metric.rank.RankMetrics;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.eval.RankingContext;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.features.FittedFeaturePipeline;
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
        return new PipelineSettings("p", List.of(new PipelineSettings.Channel("a", qa, ConfigFactory.empty()),
                new PipelineSettings.Channel("b", qb, ConfigFactory.empty())),
                new PipelineSettings.Merge(PipelineSettings.Strategy.QUOTA, 0),
                new PipelineSettings.Rank("lr", ConfigFactory.empty(), PipelineSettings.Negatives.CANDIDATES, 4, 0,
                        PipelineSettings.Holdout.FOLD, 0.2, 1, 0, 0), ks);
    }

    private static PipelineScorer scorer(FittedFeaturePipeline fp, FittedRanker ranker, Interactions train, int history, int block) {
        return new PipelineScorer(List.of("a", "b"), fp, ranker, FeatureTable.empty(train.numUsers()),
                FeatureTable.empty(train.numItems()), train, history, block);
    }

    /** One-channel merged lists of the given candidates (for scoring tests). */
    private static List<CandidateMerger.Merged> merged(int items, int[][] cand) {
        List<CandidateMerger.Merged> out = new ArrayList<>();
        CandidateMerger m = new CandidateMerger(new int[]{items, 1}, items);
        for (int[] c : cand) out.add(m.merge(new int[][]{c, new int[0]}));
        return out;
    }

    @Test
    void handExample() {
        // 3 users, 7 items. train: u0 {0}, u1 {1}, u2 {0, 1}; test: u0 {2, 3}, u1 {4, 6}, u2 none (not evaluated)
        Interactions train = log(3, 7, new int[]{0, 1, 2, 2}, new int[]{0, 1, 0, 1});
        Interactions test = sameMaps(log(3, 7, new int[]{0, 0, 1, 1}, new int[]{2, 3, 4, 6}), train);
        // channel a: score = item id (item 6 last); channel b: score = -item id (item 6 last)
        float[] a = {0, 1, 2, 3, 4, 5, -10}, b = {0, -1, -2, -3, -4, -5, -10};
        FittedRecaller ra = table(new float[][]{a, a, a}), rb = table(new float[][]{b, b, b});
        // ranker: by item only, 2 > 3 > 6 > 5 > 4 > 1 > 0
        float[] byItem = {0.1f, 0.2f, 0.9f, 0.8f, 0.3f, 0.4f, 0.5f};
        FittedFeaturePipeline fp = idPipeline(train, 0);
        FittedRanker ranker = pairRanker(fp, new float[][]{byItem, byItem, byItem}, 0);
        PipelineSettings ps = settings(3, 3, List.of(2));
        List<RankingMetric> fin = List.of(RankingMetrics.create("recall", 2), RankingMetrics.create("ndcg", 2));
        PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, List.of(ra, rb), ps.merger(7), scorer(fp, ranker, train, 0, 1 << 10),
                train, null, test, fin, RankMetrics.parseAll(List.of("auc")), 1);
        assertEquals(List.of("recall:a", "recall:b", "merge", "rank", "final"), List.copyOf(r.stages().keySet()));

        // candidates: a top 3 without train items: u0 [5, 4, 3], u1 [5, 4, 3]; b: u0 [1, 2, 3], u1 [0, 2, 3]
        // merged: u0 [5, 4, 3, 1, 2], u1 [5, 4, 3, 0, 2]
        RankingContext cand = r.lists().get("merge");
        assertArrayEquals(new int[]{0, 1}, cand.users());
        assertArrayEquals(new int[]{5, 4, 3, 1, 2}, cand.ranked()[0]);
        assertArrayEquals(new int[]{5, 4, 3, 0, 2}, cand.ranked()[1]);
        // recall@6 (N = 3 + 3): u0 {2, 3} both in → 1; u1 {4, 6}: 4 in → 1/2; mean 0.75. hit@6 = 1
        assertEquals(0.75, r.stages().get("merge").get("recall@6").value(), 1e-12);
        assertEquals(1.0, r.stages().get("merge").get("hit@6").value(), 1e-12);
        // pass-through @2: u0 [5, 4] → 0, u1 [5, 4] → 1/2
        assertEquals(0.25, r.stages().get("merge").get("recall@2").value(), 1e-12);
        // per channel recall@3: a: u0 {3} of {2, 3} = 1/2, u1 {4} of {4, 6} = 1/2 → 0.5; b: u0 1, u1 0 → 0.5
        assertEquals(0.5, r.stages().get("recall:a").get("recall@3").value(), 1e-12);
        assertEquals(0.5, r.stages().get("recall:b").get("recall@3").value(), 1e-12);
        // channel a alone @2: u0 [5, 4] → 0, u1 [5, 4] → 1/2; b alone @2: u0 [1, 2] → 1/2, u1 [0, 2] → 0
        assertEquals(0.25, r.stages().get("recall:a").get("recall@2").value(), 1e-12);
        assertEquals(0.25, r.stages().get("recall:b").get("recall@2").value(), 1e-12);
        // merge stats: sizes 5, 5; produced 12, kept 10; item 3 shared by both for both users
        assertEquals(5.0, r.extras().get("candidates.mean_size"), 1e-12);
        assertEquals(1 - 10.0 / 12, r.extras().get("candidates.duplicate_rate"), 1e-12);
        assertEquals(1.0 / 5, r.extras().get("overlap.a.b.jaccard"), 1e-12);
        // hits among candidates: u0 3 (a, b) and 2 (b only); u1 4 (a only) → per user a 1 (0.5 unique), b 1 (0.5 unique)
        assertEquals(1.0, r.extras().get("channel.a.hits"), 1e-12);
        assertEquals(0.5, r.extras().get("channel.a.unique_hits"), 1e-12);
        assertEquals(1.0, r.extras().get("channel.b.hits"), 1e-12);
        assertEquals(0.5, r.extras().get("channel.b.unique_hits"), 1e-12);
        // the ranker on all 10 candidates: positives 0.8, 0.9 (u0) and 0.3 (u1) against 7 negatives → 14.5 / 21
        assertEquals(14.5 / 21, r.stages().get("rank").get("auc").value(), 1e-9);
        // final top 2 by the ranker: u0 [2, 3] → recall 1, ndcg 1; u1 [2, 3] → 0, 0 (6 never became a candidate)
        assertArrayEquals(new int[]{2, 3}, r.lists().get("final").ranked()[0]);
        assertArrayEquals(new int[]{2, 3}, r.lists().get("final").ranked()[1]);
        assertEquals(0.5, r.stages().get("final").get("recall@2").value(), 1e-12);
        assertEquals(0.5, r.stages().get("final").get("ndcg@2").value(), 1e-12);
        assertArrayEquals(new double[]{1, 0}, r.stages().get("final").get("recall@2").perUser(), 1e-12);
        // where final items came from: 2 (b only) and 3 (a and b), for both users → a 2/4, b 4/4
        assertEquals(0.5, r.extras().get("final.source.a.share@2"), 1e-12);
        assertEquals(1.0, r.extras().get("final.source.b.share@2"), 1e-12);
        for (String stage : List.of("recall:a", "recall:b", "merge", "features", "rank"))
            assertTrue(r.extras().get("latency." + stage + ".ms_per_user") >= 0, stage);
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
                sa[u][i] = rnd.nextInt(5);          // coarse scores: ties inside the channels too
                sb[u][i] = (float) rnd.nextDouble();
                pair[u][i] = rnd.nextInt(4) / 4f;  // the ranker ties often: ties must go to the smaller item id
            }
        FittedFeaturePipeline fp = idPipeline(train, 0);
        int k = 7;
        PipelineSettings ps = settings(6, 9, List.of(k));
        for (int threads : new int[]{1, 3}) {
            PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, List.of(table(sa), table(sb)), ps.merger(items),
                    scorer(fp, pairRanker(fp, pair, 0), train, 0, 1 << 10), train, null, test,
                    List.of(RankingMetrics.create("ndcg", k)), RankMetrics.parseAll(List.of("auc")), threads);
            RankingContext fin = r.lists().get("final");
            assertEquals(users, fin.size());
            for (int x = 0; x < users; x++) {
                int u = fin.users()[x];
                int[] cand = r.lists().get("merge").ranked()[x];
                // candidates: exactly the union of each channel's top quota among non-training items
                List<Integer> expect = new ArrayList<>();
                for (int[] src : List.of(topUnseen(sa[u], train, u, 6), topUnseen(sb[u], train, u, 9)))
                    for (int i : src) if (!expect.contains(i)) expect.add(i);
                assertArrayEquals(expect.stream().mapToInt(Integer::intValue).toArray(), cand, "candidates of user " + u);
                Integer[] sorted = Arrays.stream(cand).boxed().toArray(Integer[]::new);
                Arrays.sort(sorted, Comparator.comparingDouble((Integer i) -> -pair[u][i]).thenComparingInt(i -> i));
                int[] brute = Arrays.stream(sorted).limit(k).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(brute, fin.ranked()[x], "final list of user " + u);
                // recall@N of the merge cannot fall below a channel's recall at its quota
            }
            assertTrue(r.stages().get("merge").get("recall@15").value() + 1e-12 >= r.stages().get("recall:b").get("recall@9").value());
            assertTrue(r.stages().get("final").get("ndcg@7").value() >= 0);
        }
    }

    /** Brute force: items not in the user's training row, by score descending then id ascending, first q. */
    private static int[] topUnseen(float[] s, Interactions train, int u, int q) {
        return java.util.stream.IntStream.range(0, s.length).filter(i -> !train.byUser().contains(u, i)).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i))
                .limit(q).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void scorerSeesTheWholeServingHistory() {
        // user 0 trained on items 0, 1, 2 at times 10, 20, 30; user 1 on item 3 at time 40
        Interactions train = log(2, 5, new int[]{0, 0, 0, 1}, new int[]{0, 1, 2, 3});
        FittedFeaturePipeline fp = idPipeline(train, 5);
        float[][] zero = new float[2][5];
        assertEquals(31L, PipelineScorer.now(train)[0]);
        // score = number of history items (sum pooling, value 1 each), plus the channel columns' values, which the
        // id pipeline does not declare and so never encodes
        PipelineScorer scorer = scorer(fp, pairRanker(fp, zero, 1f), train, 5, 1 << 10);
        float[][] s = scorer.score(new int[]{0, 1}, merged(5, new int[][]{{3, 4}, {0}}));
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
        float[][] small = scorer(fp, pairRanker(fp, pair, 0), train, 0, 4).score(us, merged(items, cand));
        float[][] one = scorer(fp, pairRanker(fp, pair, 0), train, 0, 1 << 10).score(us, merged(items, cand));
        for (int u = 0; u < users; u++) {
            float[] expect = new float[cand[u].length];
            for (int j = 0; j < expect.length; j++) expect[j] = pair[u][cand[u][j]];
            assertArrayEquals(expect, small[u]);
            assertArrayEquals(expect, one[u]);
        }
    }
}
