package io.reclab.metric;

/**
 * The value of one metric, plus the per-user values behind the mean (aligned with the context's evaluated users)
 * for significance tests; {@code perUser} is null for list-level metrics such as coverage.
 */
public record MetricResult(String id, double value, double[] perUser) {
}
