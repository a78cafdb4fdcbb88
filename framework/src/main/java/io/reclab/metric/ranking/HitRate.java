package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/** HitRate@K = 1 if at least one relevant item is in the top K, else 0, averaged over users. */
public final class HitRate extends PerUserMetric {
    public HitRate(int k) { super("hit", k); }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        for (int i = 0; i < len; i++) if (rel(relevant, ranked[i])) return 1;
        return 0;
    }
}
