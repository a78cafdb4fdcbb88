package io.reclab.report.stats;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    // x − y = d = [2, 1, 0, 3, 3]
    static final double[] X = {3, 5, 4, 6, 8};
    static final double[] Y = {1, 4, 4, 3, 5};

    @Test
    void pairedTTestMatchesHandArithmetic() {
        PairedComparison c = PairedComparison.of(X, Y);
        // mean d = 9/5 = 1.8; squared deviations 0.04+0.64+3.24+1.44+1.44 = 6.8; var = 6.8/4 = 1.7
        // sd = sqrt(1.7) = 1.303840; se = sd/sqrt(5) = 0.583095; t = 1.8/0.583095 = 3.086974
        assertEquals(5, c.n());
        assertEquals(1.8, c.meanDiff(), 1e-12);
        assertEquals(Math.sqrt(1.7), c.sdDiff(), 1e-12);
        assertEquals(1.8 / Math.sqrt(1.7), c.dz(), 1e-12); // d_z = 1.380526
        double t = 1.8 / (Math.sqrt(1.7) / Math.sqrt(5));
        assertEquals(t, c.t(), 1e-10);
        assertEquals(3.086974, c.t(), 1e-6);
        // Student t with 4 df has the closed-form CDF F(t) = 1/2 + (3/8) u (1 − u²/12), u = t / sqrt(1 + t²/4)·... written out:
        // F(t) = 1/2 + (3/8) · (t / sqrt(1 + t²/4)) · (1 − t² / (12 (1 + t²/4))); two-sided p = 2 (1 − F(|t|)).
        double s = Math.sqrt(1 + t * t / 4);
        double cdf = 0.5 + 3.0 / 8 * (t / s) * (1 - t * t / (12 * (1 + t * t / 4)));
        assertEquals(2 * (1 - cdf), c.pT(), 1e-9);
        assertEquals(0.0366, c.pT(), 5e-4);
    }

    @Test
    void wilcoxonExactWithTiesAndZerosByHand() {
        // d = [2, 1, 0, 3, 3]: the zero is dropped (n = 4); |d| ranks: 1→1, 2→2, 3,3→3.5,3.5 (average of 3 and 4).
        // All four differences are positive: W+ = 1 + 2 + 3.5 + 3.5 = 10, the maximum. Under random signs each of the
        // 2^4 = 16 sign patterns is equally likely and only one reaches W+ = 10, so P(W+ >= 10) = 1/16 and the
        // two-sided p = 2/16 = 0.125.
        SignedRankTest.Result r = SignedRankTest.test(X, Y);
        assertEquals(4, r.n());
        assertEquals(10, r.wPlus(), 0);
        assertTrue(r.exact());
        assertEquals(0.125, r.p(), 1e-12);
    }

    @Test
    void wilcoxonExactMixedSignsByHand() {
        // d = [1.5, -0.5, 2.5, 4, -3, 6]; |d| ranks 0.5→1, 1.5→2, 2.5→3, 3→4, 4→5, 6→6.
        // W− = 1 + 4 = 5, W+ = 21 − 5 = 16. Subsets of {1..6} with sum <= 5: {}, {1}, {2}, {3}, {1,2}, {4}, {1,3},
        // {5}, {1,4}, {2,3} = 10 of 64, so p = 2 · 10/64 = 0.3125.
        double[] d = {1.5, -0.5, 2.5, 4, -3, 6};
        SignedRankTest.Result r = SignedRankTest.test(d, new double[6]);
        assertEquals(16, r.wPlus(), 0);
        assertEquals(0.3125, r.p(), 1e-12);
        assertEquals(0.3125, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(d, new double[6], true), 1e-12);
    }

    @Test
    void wilcoxonNormalApproximationByHand() {
        // d_i = +i for i = 11..40 and −i for i = 1..10 (no ties, n = 40 > 30 → normal approximation).
        // W− = 1 + ... + 10 = 55, W+ = 40·41/2 − 55 = 765; mu = 40·41/4 = 410; var = 40·41·81/24 = 5535.
        // z = (765 − 410 − 0.5) / sqrt(5535) = 354.5 / 74.39758 = 4.764938; p = erfc(z / sqrt 2) ≈ 1.89e-6.
        double[] d = new double[40];
        for (int i = 1; i <= 40; i++) d[i - 1] = i <= 10 ? -i : i;
        SignedRankTest.Result r = SignedRankTest.test(d, new double[40]);
        assertFalse(r.exact());
        assertEquals(765, r.wPlus(), 0);
        assertEquals(354.5 / Math.sqrt(5535), r.z(), 1e-12);
        assertEquals(Erf.erfc(354.5 / Math.sqrt(5535) / Math.sqrt(2)), r.p(), 1e-15);
        assertEquals(1.89e-6, r.p(), 0.01e-6);
    }

    @Test
    void wilcoxonTieCorrectedVariance() {
        // 40 differences: 20 of +1 and 20 of −1 → one tie group of t = 40, average rank 20.5 each.
        // W+ = 20 · 20.5 = 410 = mu exactly, so z = 0 and p = 1; tie term (40³ − 40)/48 = 1332.5 reduces the variance
        // from 5535 to 4202.5 (not observable at z = 0, so also check a shifted case below).
        double[] d = new double[40];
        for (int i = 0; i < 40; i++) d[i] = i < 20 ? 1 : -1;
        SignedRankTest.Result r = SignedRankTest.test(d, new double[40]);
        assertEquals(410, r.wPlus(), 0);
        assertEquals(1.0, r.p(), 0);
        // 30 of +1, 10 of −1: W+ = 30 · 20.5 = 615; z = (615 − 410 − 0.5)/sqrt(5535 − 1332.5) = 204.5/64.82669
        for (int i = 0; i < 40; i++) d[i] = i < 30 ? 1 : -1;
        r = SignedRankTest.test(d, new double[40]);
        assertEquals(615, r.wPlus(), 0);
        assertEquals(204.5 / Math.sqrt(4202.5), r.z(), 1e-12);
    }

    @Test
    void wilcoxonExactAgreesWithCommonsMathEnumerationOnRandomTieFreeData() {
        SplittableRandom rng = new SplittableRandom(7);
        WilcoxonSignedRankTest commons = new WilcoxonSignedRankTest();
        for (int rep = 0; rep < 30; rep++) {
            int n = 3 + rng.nextInt(12);
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian();
                y[i] = rng.nextGaussian() + 0.3;
            }
            // Commons enumerates all 2^n sign patterns: an independent brute-force reference. It doubles the upper
            // tail without capping, so central W gives "p" > 1; the capped value is the two-sided p.
            assertEquals(Math.min(1, commons.wilcoxonSignedRankTest(x, y, true)), SignedRankTest.test(x, y).p(), 1e-12);
            assertEquals(commons.wilcoxonSignedRank(x, y),
                    Math.max(SignedRankTest.test(x, y).wPlus(), n * (n + 1) / 2.0 - SignedRankTest.test(x, y).wPlus()), 1e-12);
        }
    }

    @Test
    void identicalSamplesAreNotDifferent() {
        double[] a = {0.1, 0.5, 0.0, 0.3};
        PairedComparison c = PairedComparison.of(a, a.clone());
        assertEquals(0, c.meanDiff(), 0);
        assertEquals(1.0, c.pT(), 0);
        assertEquals(1.0, c.wilcoxon().p(), 0);
        assertEquals(0, c.wilcoxon().n());
        assertEquals(0, c.dz(), 0);
    }

    @Test
    void holmByHand() {
        // m = 4, sorted p: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06
        double[] adj = Holm.adjust(new double[]{0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[]{0.03, 0.06, 0.06, 0.02}, adj, 1e-12);
        // NaN does not count toward m: m = 2 → 0.2·2 = 0.4, 0.6·1 = 0.6; and results are capped at 1
        assertArrayEquals(new double[]{0.4, Double.NaN, 0.6}, Holm.adjust(new double[]{0.2, Double.NaN, 0.6}), 1e-12);
        assertArrayEquals(new double[]{1, 1}, Holm.adjust(new double[]{0.7, 0.9}), 1e-12);
    }

    @Test
    void curvesByHand() {
        int[] y = {1, 0, 1, 0};
        double[] s = {0.9, 0.8, 0.4, 0.4};
        BinaryCurves c = BinaryCurves.of(y, s);
        // ROC: (0,0) → 0.9 (0,0.5) → 0.8 (0.5,0.5) → tie at 0.4 (1,1); trapezoids 0 + 0.25 + 0.375 = 0.625
        // Mann–Whitney: (0.9>0.8) 1 + (0.9>0.4) 1 + (0.4<0.8) 0 + (0.4=0.4) 0.5 = 2.5 / 4 = 0.625
        assertArrayEquals(new double[]{0, 0, 0.5, 1}, c.roc().x(), 0);
        assertArrayEquals(new double[]{0, 0.5, 0.5, 1}, c.roc().y(), 0);
        assertEquals(0.625, c.auc(), 1e-12);
        // AP: R 0→0.5 at P=1 (0.5), R unchanged at P=0.5 (0), R 0.5→1 at P=2/4 (0.25) → 0.75
        assertEquals(0.75, c.averagePrecision(), 1e-12);
        // 2 bins: [0,0.5): scores 0.4,0.4 mean 0.4, observed 1/2; [0.5,1]: 0.9,0.8 mean 0.85, observed 1/2
        // ECE = 0.5·|0.5 − 0.4| + 0.5·|0.5 − 0.85| = 0.05 + 0.175 = 0.225
        List<BinaryCurves.Bin> bins = BinaryCurves.calibration(y, s, 2);
        assertEquals(0.4, bins.get(0).predicted(), 1e-12);
        assertEquals(0.85, bins.get(1).predicted(), 1e-12);
        assertEquals(0.5, bins.get(1).observed(), 1e-12);
        assertEquals(0.225, BinaryCurves.expectedCalibrationError(bins), 1e-12);
    }

    @Test
    void aucEqualsMannWhitneyOnRandomData() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int rep = 0; rep < 20; rep++) {
            int n = 5 + rng.nextInt(60);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(2);
                s[i] = Math.round(rng.nextDouble() * 10) / 10.0; // coarse scores → many ties
            }
            double good = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
            double expected = pairs == 0 ? Double.NaN : good / pairs;
            assertEquals(expected, BinaryCurves.of(y, s).auc(), 1e-12);
        }
    }

    @Test
    void quantilesAndBoxByHand() {
        // type 7: h = (4 − 1)·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75
        assertEquals(1.75, Descriptive.quantile(new double[]{1, 2, 3, 4}, 0.25), 1e-12);
        // [1,2,3,4,100]: Q1 = 2, median 3, Q3 = 4, IQR 2 → fences [−1, 7]: whiskers 1 and 4 (100 is an outlier)
        assertArrayEquals(new double[]{1, 2, 3, 4, 4}, Descriptive.box(new double[]{100, 3, 1, 4, 2, Double.NaN}), 1e-12);
    }
}
