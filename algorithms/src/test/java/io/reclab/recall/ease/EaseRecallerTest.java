package io.reclab.recall.ease;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Interactions;
import io.reclab.recall.neighbors.Fixtures;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EaseRecallerTest {
    static EaseRecaller.Fitted fit(Interactions log, double lambda, int threads) {
        return new EaseRecaller(new EaseConfig(lambda, -1)).fit(Fixtures.context(log, threads, 1));
    }

    @Test
    void blockedInverseMatchesCommonsMath() {
        // 130 = two full 64-blocks plus a remainder of 2; A = R^T R + I is SPD
        int n = 130;
        SplittableRandom rng = new SplittableRandom(51);
        double[][] r = new double[n][n];
        for (double[] row : r) for (int j = 0; j < n; j++) row[j] = rng.nextDouble() - 0.5;
        RealMatrix a = new Array2DRowRealMatrix(r).transpose().multiply(new Array2DRowRealMatrix(r))
                .add(org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(n));
        float[] flat = new float[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) flat[i * n + j] = (float) a.getEntry(i, j);
        SpdInverse.invert(flat, n, 2);
        RealMatrix inv = new CholeskyDecomposition(a).getSolver().getInverse();
        // float storage: one rounding per block sweep, against the double Cholesky inverse of the same matrix
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(inv.getEntry(i, i)));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) assertEquals(inv.getEntry(i, j), flat[i * n + j], 1e-5 * scale, "(" + i + "," + j + ")");
    }

    @Test
    void inverseRejectsIndefiniteMatrix() {
        // [[1, 2], [2, 1]] has eigenvalues 3 and -1: the second pivot is 1 - 2·2/1 = -3
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> SpdInverse.invert(new float[]{1, 2, 2, 1}, 2, 1));
        assertTrue(e.getMessage().contains("pivot 1"), e.getMessage());
    }

    @Test
    void byHandOnTwoItems() {
        // X = users {0,1}, {0}, {1}: G = X^T X + 1·I = [[3, 1], [1, 3]], P = G^-1 = [[3, -1], [-1, 3]] / 8
        // B_01 = -P_01 / P_11 = (1/8) / (3/8) = 1/3 = B_10, diagonal 0
        EaseRecaller.Fitted m = fit(Fixtures.log(2, new int[][]{{0, 1}, {0}, {1}}), 1, 1);
        assertEquals(1.0 / 3, m.weight(0, 1), 1e-7);
        assertEquals(1.0 / 3, m.weight(1, 0), 1e-7);
        assertEquals(0f, m.weight(0, 0));
        // user 1 has item 0 only: score = row 0 of B = [0, 1/3]
        float[] s = m.score(1);
        assertEquals(0f, s[0]);
        assertEquals(1.0 / 3, s[1], 1e-7);
    }

    @Test
    void matchesBruteForceSolveWithZeroDiagonal() {
        int[][] rows = Fixtures.random(60, 90, 0.1, 52);
        Interactions log = Fixtures.log(90, rows);
        double[][] x = Fixtures.dense(log);
        double lambda = 3;
        EaseRecaller.Fitted m = fit(log, lambda, 2);
        RealMatrix xm = new Array2DRowRealMatrix(x);
        RealMatrix g = xm.transpose().multiply(xm);
        for (int i = 0; i < 90; i++) g.addToEntry(i, i, lambda);
        RealMatrix p = new CholeskyDecomposition(g).getSolver().getInverse();
        for (int i = 0; i < 90; i++) {
            assertEquals(0f, m.weight(i, i), "diag(B) must be 0");
            for (int j = 0; j < 90; j++)
                if (i != j) assertEquals(-p.getEntry(i, j) / p.getEntry(j, j), m.weight(i, j), 1e-6);
        }
        // scores are x_u B
        float[][] scores = Fixtures.scoreAll(m, 60);
        for (int u = 0; u < 60; u += 7)
            for (int j = 0; j < 90; j++) {
                double e = 0;
                for (int i = 0; i < 90; i++) e += x[u][i] * m.weight(i, j);
                assertEquals(e, scores[u][j], 1e-5);
            }
    }

    /** f(B) = ||X - XB||_F^2 + lambda ||B||_F^2. */
    static double objective(double[][] x, double[][] b, double lambda) {
        int users = x.length, n = b.length;
        double f = 0;
        for (int u = 0; u < users; u++)
            for (int j = 0; j < n; j++) {
                double xb = 0;
                for (int i = 0; i < n; i++) xb += x[u][i] * b[i][j];
                f += (x[u][j] - xb) * (x[u][j] - xb);
            }
        for (double[] row : b) for (double v : row) f += lambda * v * v;
        return f;
    }

    @Test
    void closedFormIsAConstrainedMinimum() {
        int[][] rows = Fixtures.random(25, 8, 0.35, 53);
        Interactions log = Fixtures.log(8, rows);
        double[][] x = Fixtures.dense(log);
        double lambda = 2;
        EaseRecaller.Fitted m = fit(log, lambda, 1);
        int n = 8;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i][j] = m.weight(i, j);
        double[][] xtx = new double[n][n];
        for (double[] row : x) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) xtx[i][j] += row[i] * row[j];
        double h = 1e-4, f0 = objective(x, b, lambda);
        double maxOffDiag = 0, minDiag = Double.MAX_VALUE;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double keep = b[i][j];
                b[i][j] = keep + h;
                double fp = objective(x, b, lambda);
                b[i][j] = keep - h;
                double fm = objective(x, b, lambda);
                b[i][j] = keep;
                double numeric = (fp - fm) / (2 * h);
                // analytic gradient 2 (G B - X^T X)_ij with G = X^T X + lambda I
                double gb = lambda * b[i][j];
                for (int k = 0; k < n; k++) gb += xtx[i][k] * b[k][j];
                double analytic = 2 * (gb - xtx[i][j]);
                assertEquals(analytic, numeric, 1e-5 * Math.max(1, Math.abs(analytic)), "finite difference at (" + i + "," + j + ")");
                if (i != j) maxOffDiag = Math.max(maxOffDiag, Math.abs(numeric));
                else minDiag = Math.min(minDiag, Math.abs(numeric));
                // the curvature 2 (X^T X + lambda I)_ii > 0, so the zero slope is a minimum, not a saddle
                assertTrue(fp - f0 > -1e-9 || i == j, "objective decreased off the diagonal at (" + i + "," + j + ")");
            }
        // off-diagonal slopes vanish (float B leaves ~1e-6); the diagonal slopes are the Lagrange multipliers, far from 0
        assertTrue(maxOffDiag < 1e-4, "max |df/dB_ij| off the diagonal = " + maxOffDiag);
        assertTrue(minDiag > 1e-2, "diagonal constraint should be active, min |df/dB_ii| = " + minDiag);
    }

    @Test
    void identicalForAnyThreadCount() {
        Interactions log = Fixtures.log(130, Fixtures.random(50, 130, 0.08, 54));
        EaseRecaller.Fitted one = fit(log, 10, 1), three = fit(log, 10, 3);
        for (int i = 0; i < 130; i++)
            for (int j = 0; j < 130; j++) assertEquals(one.weight(i, j), three.weight(i, j), 0f);
    }

    @Test
    void refusesCataloguesAboveTheMemoryLimit() {
        // 500 items: 500^2 · 4 + 64 · 500 · 8 = 1,256,000 bytes = 1.3 MB > 1 MiB = 1.0 MB
        Interactions log = Fixtures.log(500, new int[][]{{0, 1}, {2}});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new EaseRecaller(new EaseConfig(500, 1))
                .fit(Fixtures.context(log, 1, 1)));
        assertEquals("EASE needs a dense N×N matrix: N=500 needs 1.3 MB; limit 1.0 MB (recall.ease.max-memory-mb = 1). "
                + "Reduce the item catalogue (e.g. drop rare items), raise the limit or -Xmx, or use a sparse model such as itemcf.", e.getMessage());
        // N = 41000: 41000^2 · 4 + 64 · 41000 · 8 = 6,744,992,000 bytes (the 26.9 GB held a double Gram, a double inverse and B)
        assertEquals("6.7 GB", EaseRecaller.human(EaseRecaller.bytesNeeded(41000)));
    }

    @Test
    void configParsing() {
        ConfigBlock block = ConfigBlock.at(ConfigFactory.parseString("recall.ease { lambda = 250, max-memory-mb = 2048 }"), "recall.ease");
        EaseConfig c = EaseConfig.from(block);
        block.finish();
        assertEquals(new EaseConfig(250, 2048), c);
        assertEquals(2048L * 1024 * 1024, c.limitBytes());
        EaseConfig d = EaseConfig.from(ConfigBlock.at(ConfigFactory.empty(), "recall.ease"));
        assertEquals(500.0, d.lambda());
        assertEquals((long) (0.6 * Runtime.getRuntime().maxMemory()), d.limitBytes());
        ConfigError e = assertThrows(ConfigError.class, () -> EaseConfig.from(ConfigBlock.at(
                ConfigFactory.parseString("recall.ease.max-memory-mb = 0"), "recall.ease")));
        assertTrue(e.getMessage().contains("recall.ease.max-memory-mb"), e.getMessage());
        assertThrows(ConfigError.class, () -> EaseConfig.from(ConfigBlock.at(
                ConfigFactory.parseString("recall.ease.lambda = -1"), "recall.ease")));
    }
}
