package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/**
 * AveragePopularity@K: per user the mean training popularity ({@link RankingContext#itemPopularity()}, the number
 * of training interactions) of the recommended top-K items, averaged over users. Lower means more novel
 * recommendations, so lower is "better" for novelty; an empty list counts as 0.
 */
public final class AveragePopularity extends PerUserMetric {
    public AveragePopularity(int k) { super("popularity", k); }

    @Override public boolean higherIsBetter() { return false; }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        if (len == 0) return 0;
        int[] pop = c.itemPopularity();
        double s = 0;
        for (int i = 0; i < len; i++) s += pop[ranked[i]];
        return s / len;
    }
}
