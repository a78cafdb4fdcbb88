package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/** Precision@K = hits in the top K / K (K even when the list is shorter), averaged over users. */
public final class Precision extends PerUserMetric {
    public Precision(int k) { super("precision", k); }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        return (double) hits(ranked, len, relevant) / k();
    }
}
