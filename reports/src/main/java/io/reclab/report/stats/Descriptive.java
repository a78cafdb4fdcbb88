package io.reclab.report.stats;

import java.util.Arrays;

/** Means, standard deviations, quantiles and box-plot summaries over primitive arrays (NaN values skipped). */
public final class Descriptive {
    private Descriptive() {}

    public static double mean(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (divisor n − 1); NaN for fewer than two values. */
    public static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += (v - m) * (v - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    /** The finite values of {@code x}, sorted ascending. */
    public static double[] sortedFinite(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v) && !Double.isInfinite(v)).sorted().toArray();
    }

    /** Quantile of sorted data by linear interpolation between order statistics (R type 7 / NumPy default). */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Box-plot summary {@code [lower whisker, Q1, median, Q3, upper whisker]} with Tukey whiskers: the most extreme
     * data within 1.5 IQR of the quartiles. Null for no data.
     */
    public static double[] box(double[] values) {
        double[] s = sortedFinite(values);
        if (s.length == 0) return null;
        double q1 = quantile(s, 0.25), med = quantile(s, 0.5), q3 = quantile(s, 0.75);
        double iqr = q3 - q1;
        double lo = s[0], hi = s[s.length - 1];
        for (double v : s) if (v >= q1 - 1.5 * iqr) { lo = v; break; }
        for (int i = s.length - 1; i >= 0; i--) if (s[i] <= q3 + 1.5 * iqr) { hi = s[i]; break; }
        return new double[]{lo, q1, med, q3, hi};
    }
}
