package io.reclab.metric.rank;

import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.MetricResult;

/** Mean binary cross-entropy -[y log p + (1 - y) log(1 - p)], with p clipped to [1e-7, 1 - 1e-7]. Lower is better. */
public final class LogLoss implements ScoreMetric {
    public static final String ID = "logloss";
    public static final double EPS = 1e-7;

    @Override public String id() { return ID; }
    @Override public boolean higherIsBetter() { return false; }

    @Override
    public MetricResult compute(ScoreContext c) {
        return new MetricResult(ID, logLoss(c.scores(), c.labels(), c.size()), null);
    }

    public static double logLoss(float[] p, float[] y, int n) {
        if (n == 0) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += sampleLoss(p[i], y[i]);
        return sum / n;
    }

    /** The loss of one sample; soft labels in [0, 1] are allowed. */
    public static double sampleLoss(double p, double y) {
        double q = Math.min(Math.max(p, EPS), 1 - EPS);
        return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    }
}
