package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/** MRR@K = 1 / (1-based rank of the first relevant item in the top K), 0 if none, averaged over users. */
public final class Mrr extends PerUserMetric {
    public Mrr(int k) { super("mrr", k); }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        for (int i = 0; i < len; i++) if (rel(relevant, ranked[i])) return 1.0 / (i + 1);
        return 0;
    }
}
