package io.reclab.metric;

import io.reclab.eval.RankingContext;

/** A metric over ranked top-K lists (recall stage): Recall@K, NDCG@K, coverage, ... */
public interface RankingMetric extends Metric {
    /** The list length this metric reads. */
    int k();

    MetricResult compute(RankingContext context);

    @Override
    default Stage stage() { return Stage.RECALL; }
}
