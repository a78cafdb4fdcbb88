package io.reclab.report;

import java.util.List;
import java.util.Map;

/**
 * The content of one {@code per_user_<stage>.csv}: the evaluated users (external ids, in file order), one
 * {@code double} column per metric, and the non-metric attribute columns (such as {@code n_train} or
 * {@code pop_bucket}) kept as text.
 */
public record PerUserTable(String stage, String[] users, List<String> metrics, double[][] values,
                           Map<String, String[]> attributes) {

    /** Column of {@code metric}, aligned with {@link #users()}, or null when the file has no such column. */
    public double[] column(String metric) {
        int i = metrics.indexOf(metric);
        return i < 0 ? null : values[i];
    }

    public int size() { return users.length; }
}
