package io.reclab.report.stats;

import org.apache.commons.math3.special.Erf;

import java.util.Arrays;

/**
 * Wilcoxon signed-rank test for paired samples (Wilcoxon, 1945, "Individual comparisons by ranking methods",
 * Biometrics Bulletin). Zero differences are dropped (Wilcoxon's convention), tied |differences| get average ranks.
 * For up to {@link #EXACT_MAX} non-zero differences the two-sided p-value is exact: the permutation distribution of
 * W+ under random signs, computed by dynamic programming over the (doubled, hence integral) ranks, which is also
 * exact conditional on ties. Above that it uses the normal approximation with tie-corrected variance and a
 * continuity correction.
 *
 * <p>Why not Commons Math's {@code WilcoxonSignedRankTest} directly: it keeps zero differences in the ranking, its
 * variance has no tie correction, and its exact p-value enumerates all 2^n sign patterns. Per-user recommender
 * metrics are full of zeros and ties, so those matter here; on tie- and zero-free data the results coincide
 * (checked in the tests).
 */
public final class SignedRankTest {
    public static final int EXACT_MAX = 30;

    /**
     * @param wPlus   sum of ranks of positive differences (x − y > 0)
     * @param n       number of non-zero differences used
     * @param z       normal score (NaN when the exact distribution was used)
     */
    public record Result(double wPlus, int n, double z, double p, boolean exact) {}

    private SignedRankTest() {}

    public static Result test(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
        double[] d = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] - y[i];
            if (!Double.isNaN(v) && v != 0) d[n++] = v;
        }
        if (n == 0) return new Result(0, 0, 0, 1.0, true);
        d = Arrays.copyOf(d, n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        final double[] dd = d;
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(dd[a]), Math.abs(dd[b])));
        // twiceRank holds 2 × average rank so tied ranks (k + 0.5) stay integral for the exact distribution.
        int[] twiceRank = new int[n];
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) j++;
            int t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += (double) t * t * t - t;
            }
            int twice = (i + 1) + (j + 1);
            for (int k = i; k <= j; k++) twiceRank[order[k]] = twice;
            i = j + 1;
        }
        long twiceWPlus = 0;
        long twiceTotal = 0;
        for (int i = 0; i < n; i++) {
            twiceTotal += twiceRank[i];
            if (d[i] > 0) twiceWPlus += twiceRank[i];
        }
        double wPlus = twiceWPlus / 2.0;
        if (n <= EXACT_MAX) {
            return new Result(wPlus, n, Double.NaN, exactP(twiceRank, twiceWPlus, twiceTotal), true);
        }
        double mu = n * (n + 1) / 4.0;
        double var = n * (n + 1.0) * (2 * n + 1) / 24.0 - tieTerm / 48.0;
        double diff = wPlus - mu;
        double corrected = Math.abs(diff) <= 0.5 ? 0 : Math.abs(diff) - 0.5;
        double z = var <= 0 ? 0 : Math.signum(diff) * corrected / Math.sqrt(var);
        double p = Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
        return new Result(wPlus, n, z, p, false);
    }

    /** Two-sided exact p: 2 × the smaller tail probability of the observed W+ under independent fair signs. */
    private static double exactP(int[] twiceRank, long observed, long total) {
        int max = (int) total;
        double[] prob = new double[max + 1];
        prob[0] = 1;
        int reach = 0;
        for (int r : twiceRank) {
            for (int s = reach; s >= 0; s--) {
                if (prob[s] != 0) prob[s + r] += prob[s] * 0.5;
                prob[s] *= 0.5;
            }
            reach += r;
        }
        double lower = 0, upper = 0;
        for (int s = 0; s <= max; s++) {
            if (s <= observed) lower += prob[s];
            if (s >= observed) upper += prob[s];
        }
        return Math.min(1.0, 2 * Math.min(lower, upper));
    }
}
