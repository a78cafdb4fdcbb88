package io.reclab.bench.eval;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.metric.MetricResult;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.embedding.EmbeddingRecaller;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.Map;

/**
 * A recall model's evaluation: {@link #context} ranks the catalogue for every test user (scoring blocks of users on
 * the worker threads, excluding training items, top-{@code maxK} selection), {@link #metrics} computes every default
 * metric at 10 and 20 from the ranked lists. The model is an exact dot-product model of Gaussian embeddings, what
 * ALS, BPR or LightGCN serve; every user has 30 training and 5 test items, Gowalla's order of magnitude. Compare
 * {@link io.reclab.bench.kernels.ScoringBench} and {@link io.reclab.bench.kernels.TopKBench} for the two kernels
 * inside {@code context}.
 * <p>
 * Default sizes are small; LightGCN's Gowalla protocol is {@code -p users=29858 -p items=40981}. {@code -p
 * mode=SAMPLED} ranks each test item among 100 sampled negatives instead.
 */
public class EvaluatorBench extends VectorBench {
    @Param("2000")
    public int users;

    @Param("10000")
    public int items;

    @Param("64")
    public int dim;

    @Param("FULL")
    public EvalSettings.Mode mode;

    @Param("1")
    public int threads;

    private FittedRecaller model;
    private Interactions train;
    private Interactions test;
    private EvalSettings settings;
    private RankingContext ranked;

    @Setup
    public void setup() {
        model = EmbeddingRecaller.exact(dim, Synthetic.gaussian(1, users * dim, 1), Synthetic.gaussian(2, items * dim, 1),
                Synthetic.gaussian(3, items, 0.1));
        train = Synthetic.uniformLog(users, items, 30, 4);
        test = Synthetic.uniformLog(users, items, 5, 5);
        train.byUser();
        test.byUser();
        settings = EvalSettings.defaults().withThreads(threads).withMode(mode);
        ranked = context();
    }

    @Benchmark
    public RankingContext context() {
        return RankingEvaluator.context(model, train, train.empty(), test, settings, 1L);
    }

    @Benchmark
    public Map<String, MetricResult> metrics() {
        return RankingEvaluator.compute(ranked, settings.metrics());
    }
}
