package io.reclab.metric;

/**
 * A named evaluation measure such as {@code ndcg@10} or {@code auc}: its stage, whether higher is better, and how
 * to compute it from the stage's context. Metrics are pure functions of the context.
 */
public interface Metric {
    /** Canonical id, lowercase, e.g. {@code recall@20}; parsed back by the metric registry. */
    String id();

    Stage stage();

    boolean higherIsBetter();

    /** Which values are better; metrics best at a target (calibration) override this. */
    default Direction direction() { return higherIsBetter() ? Direction.HIGHER : Direction.LOWER; }
}
