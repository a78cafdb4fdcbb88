package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/**
 * MAP@K: per user (1 / min(|T_u|, K)) * sum_i rel_i * Precision@i over ranks i = 1..K (the RecBole convention),
 * averaged over users.
 */
public final class MeanAveragePrecision extends PerUserMetric {
    public MeanAveragePrecision(int k) { super("map", k); }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        int hits = 0;
        double sum = 0;
        for (int i = 0; i < len; i++) {
            if (rel(relevant, ranked[i])) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(relevant.length, k());
    }
}
