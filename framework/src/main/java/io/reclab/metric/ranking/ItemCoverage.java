package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;

/**
 * ItemCoverage@K = distinct items appearing in any user's top-K list / catalogue size. A list-level measure, so
 * there are no per-user values ({@code perUser} is null).
 */
public final class ItemCoverage implements RankingMetric {
    private final int k;

    public ItemCoverage(int k) {
        if (k <= 0) throw new IllegalArgumentException("coverage@" + k + ": K must be positive");
        this.k = k;
    }

    @Override public String id() { return "coverage@" + k; }
    @Override public int k() { return k; }
    @Override public boolean higherIsBetter() { return true; }

    @Override
    public MetricResult compute(RankingContext c) {
        boolean[] seen = new boolean[c.numItems()];
        int distinct = 0;
        for (int[] r : c.ranked()) {
            for (int i = 0, len = Math.min(k, r.length); i < len; i++) {
                if (!seen[r[i]]) { seen[r[i]] = true; distinct++; }
            }
        }
        return new MetricResult(id(), c.numItems() == 0 ? Double.NaN : (double) distinct / c.numItems(), null);
    }

    @Override public boolean equals(Object o) { return o instanceof ItemCoverage c && c.k == k; }

    @Override public int hashCode() { return id().hashCode(); }

    @Override public String toString() { return id(); }
}
