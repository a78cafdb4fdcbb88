package io.reclab.metric.rank;

import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.Metric;
import io.reclab.metric.MetricResult;
import io.reclab.metric.Stage;

/** A metric over predicted probabilities and labels (ranking / CTR stage): AUC, GAUC, LogLoss, calibration. */
public interface ScoreMetric extends Metric {
    MetricResult compute(ScoreContext context);

    @Override
    default Stage stage() { return Stage.RANK; }
}
