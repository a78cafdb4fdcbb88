package io.reclab.report.stats;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * Paired comparison of two models over the same users: mean and sd of the differences a − b, Cohen's d_z
 * (mean difference / sd of differences), the paired t-test (Commons Math {@link TTest#pairedTTest}) and the
 * Wilcoxon signed-rank test ({@link SignedRankTest}). Users with a NaN on either side are dropped.
 */
public record PairedComparison(int n, double meanDiff, double sdDiff, double dz, double t, double pT,
                               SignedRankTest.Result wilcoxon) {

    public static PairedComparison of(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired samples differ in length");
        int n = 0;
        for (int i = 0; i < a.length; i++) if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) n++;
        double[] x = new double[n], y = new double[n], d = new double[n];
        for (int i = 0, k = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) continue;
            x[k] = a[i];
            y[k] = b[i];
            d[k] = a[i] - b[i];
            k++;
        }
        double mean = Descriptive.mean(d);
        double sd = Descriptive.sd(d);
        double t, pT, dz;
        if (n < 2) {
            t = Double.NaN;
            pT = Double.NaN;
            dz = Double.NaN;
        } else if (sd == 0) {
            // Constant differences: t is 0/0 (identical models, p = 1) or ±∞ (a deterministic shift, p = 0).
            t = mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
            pT = mean == 0 ? 1.0 : 0.0;
            dz = mean == 0 ? 0 : t;
        } else {
            TTest tt = new TTest();
            t = tt.pairedT(x, y);
            pT = tt.pairedTTest(x, y);
            dz = mean / sd;
        }
        SignedRankTest.Result w = n == 0 ? new SignedRankTest.Result(0, 0, Double.NaN, Double.NaN, true)
                : SignedRankTest.test(x, y);
        return new PairedComparison(n, mean, sd, dz, t, pT, w);
    }
}
