package io.reclab.report.stats;

import java.util.Arrays;

/**
 * Holm–Bonferroni step-down adjustment (Holm, 1979, "A simple sequentially rejective multiple test procedure",
 * Scandinavian Journal of Statistics): with p sorted ascending, adjusted p_(i) = max over j ≤ i of
 * min(1, (m − j + 1) · p_(j)). Rejecting adjusted p &lt; α controls the family-wise error rate at α.
 * NaN p-values are left NaN and do not count towards m.
 */
public final class Holm {
    private Holm() {}

    public static double[] adjust(double[] p) {
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        Integer[] idx = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) if (!Double.isNaN(p[i])) idx[m++] = i;
        Integer[] order = Arrays.copyOf(idx, m);
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double running = 0;
        for (int j = 0; j < m; j++) {
            double v = Math.min(1.0, (m - j) * p[order[j]]);
            running = Math.max(running, v);
            out[order[j]] = running;
        }
        return out;
    }
}
