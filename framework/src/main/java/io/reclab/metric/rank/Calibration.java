package io.reclab.metric.rank;

import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.Direction;
import io.reclab.metric.MetricResult;

/**
 * Calibration as used in He et al. 2014 ("Practical Lessons from Predicting Clicks on Ads at Facebook", ADKDD):
 * the ratio of the mean predicted probability to the observed positive rate; 1 is ideal. With {@code error = true}
 * the metric is |ratio - 1| (id {@code calibration-error}, lower is better). NaN when there are no positives.
 * The plain ratio is best at 1 ({@link Direction#CLOSEST_TO_ONE}); {@code calibration-error} is lower-is-better.
 */
public final class Calibration implements ScoreMetric {
    public static final String ID = "calibration";
    public static final String ERROR_ID = "calibration-error";
    private final boolean error;

    public Calibration(boolean error) { this.error = error; }

    @Override public String id() { return error ? ERROR_ID : ID; }
    @Override public boolean higherIsBetter() { return false; }
    @Override public Direction direction() { return error ? Direction.LOWER : Direction.CLOSEST_TO_ONE; }

    @Override
    public MetricResult compute(ScoreContext c) {
        double sp = 0, sy = 0;
        for (int i = 0; i < c.size(); i++) {
            sp += c.scores()[i];
            sy += c.labels()[i] >= 0.5f ? 1 : 0;
        }
        double ratio = sy == 0 ? Double.NaN : sp / sy;
        return new MetricResult(id(), error ? Math.abs(ratio - 1) : ratio, null);
    }
}
