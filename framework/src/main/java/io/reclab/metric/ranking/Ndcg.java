package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;

/**
 * NDCG@K with binary relevance: DCG = sum_i rel_i / log2(i + 1) over ranks i = 1..K, divided by the ideal DCG of
 * min(|T_u|, K) relevant items at the top (the RecBole / LightGCN convention).
 *
 * @see <a href="https://doi.org/10.1145/582415.582418">Järvelin and Kekäläinen, 2002, Cumulated gain-based
 * evaluation of IR techniques, ACM TOIS</a>
 */
public final class Ndcg extends PerUserMetric {
    /** discount[i] = 1 / log2(i + 2): the gain of 0-based position i; ideal[m] = sum of the first m discounts. */
    private final double[] discount;
    private final double[] ideal;

    public Ndcg(int k) {
        super("ndcg", k);
        discount = new double[k];
        ideal = new double[k + 1];
        for (int i = 0; i < k; i++) {
            discount[i] = 1.0 / (Math.log(i + 2) / Math.log(2));
            ideal[i + 1] = ideal[i] + discount[i];
        }
    }

    @Override
    protected double user(int[] ranked, int len, int[] relevant, RankingContext c) {
        double dcg = 0;
        for (int i = 0; i < len; i++) if (rel(relevant, ranked[i])) dcg += discount[i];
        return dcg / ideal[Math.min(relevant.length, k())];
    }
}
