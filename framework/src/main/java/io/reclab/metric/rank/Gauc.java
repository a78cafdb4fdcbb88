package io.reclab.metric.rank;

import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.MetricResult;

/**
 * Group AUC (Zhou et al. 2018, "Deep Interest Network for Click-Through Rate Prediction", KDD):
 * sum_u n_u AUC_u / sum_u n_u over users with both a positive and a negative sample, n_u = the user's samples.
 * Users with one class only are skipped; their number is {@link ScoreContext.UserAucs#skipped()} of the same
 * context (the evaluator reports it). Per-user values are AUC_u aligned with {@link ScoreContext.UserAucs#users()}.
 * NaN when no user has both classes.
 */
public final class Gauc implements ScoreMetric {
    public static final String ID = "gauc";

    @Override public String id() { return ID; }
    @Override public boolean higherIsBetter() { return true; }

    @Override
    public MetricResult compute(ScoreContext c) {
        ScoreContext.UserAucs u = c.userAucs();
        double num = 0, den = 0;
        for (int i = 0; i < u.users().length; i++) {
            num += u.counts()[i] * u.auc()[i];
            den += u.counts()[i];
        }
        return new MetricResult(ID, den == 0 ? Double.NaN : num / den, u.auc().clone());
    }
}
