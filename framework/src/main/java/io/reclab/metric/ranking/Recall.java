package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/** Recall@K = hits in the top K / |T_u| (the number of relevant items, not capped by K), averaged over users. */
public final class Recall extends PerUserMetric {
    public Recall(int k) { super("recall", k); }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        return (double) hits(ranked, len, relevant) / relevant.length;
    }
}
