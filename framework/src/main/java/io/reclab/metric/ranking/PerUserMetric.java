package io.reclab.metric.ranking;

import io.reclab.eval.RankingContext;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;

/**
 * A ranking metric defined per evaluated user and averaged over users (Recall, NDCG, ...). Subclasses see the
 * first {@code min(k, list length)} recommended items and the user's sorted relevant items. With no evaluated
 * users the mean is NaN (there is nothing to average), never 0.
 */
public abstract class PerUserMetric implements RankingMetric {
    private final String name;
    private final int k;

    protected PerUserMetric(String name, int k) {
        if (k <= 0) throw new IllegalArgumentException(name + "@" + k + ": K must be positive");
        this.name = name;
        this.k = k;
    }

    @Override public final String id() { return name + "@" + k; }
    @Override public final int k() { return k; }
    @Override public boolean higherIsBetter() { return true; }

    /**
     * The value for one user.
     *
     * @param ranked   recommended items, best first; only {@code ranked[0 .. len)} is read
     * @param len      {@code min(k, ranked.length)}
     * @param relevant relevant items, ascending, non-empty
     */
    protected abstract double user(int[] ranked, int len, int[] relevant, RankingContext context);

    @Override
    public final MetricResult compute(RankingContext c) {
        int n = c.size();
        double[] per = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int[] r = c.ranked()[i];
            per[i] = user(r, Math.min(k, r.length), c.relevant()[i], c);
            sum += per[i];
        }
        return new MetricResult(id(), n == 0 ? Double.NaN : sum / n, per);
    }

    /** Whether {@code item} is in the sorted {@code relevant} array. */
    protected static boolean rel(int[] relevant, int item) {
        return java.util.Arrays.binarySearch(relevant, item) >= 0;
    }

    protected static int hits(int[] ranked, int len, int[] relevant) {
        int h = 0;
        for (int i = 0; i < len; i++) if (rel(relevant, ranked[i])) h++;
        return h;
    }

    /** Metrics are values: equal when they are the same measure at the same K. */
    @Override public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((PerUserMetric) o).id().equals(id());
    }

    @Override public final int hashCode() { return id().hashCode(); }

    @Override public String toString() { return id(); }
}
