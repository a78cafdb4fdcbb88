package io.reclab.recall.rp3beta;

import io.reclab.recall.neighbors.Fixtures;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.SparseRows;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Rp3BetaRecallerTest {
    /*
     * u0: {0,1,2} (|I|=3)  u1: {0,1} (2)  u2: {1,2,3} (3)  u3: {3} (1)
     * U_0 = {0,1} (2)  U_1 = {0,1,2} (3)  U_2 = {0,2} (2)  U_3 = {2,3} (2)
     */
    static final int[][] HAND = {{0, 1, 2}, {0, 1}, {1, 2, 3}, {3}};

    static ItemNeighborhoodModel fit(int[][] rows, int items, Rp3BetaConfig c, int threads) {
        return new Rp3BetaRecaller(c).fit(Fixtures.context(Fixtures.log(items, rows), threads, 1));
    }

    @Test
    void walkProbabilitiesByHand() {
        SparseRows w = fit(HAND, 4, new Rp3BetaConfig(100, 1, 0.5, false), 1).similarity();
        // W_01 = (1/|U_0|) (1/|I_u0| + 1/|I_u1|) / sqrt|U_1| = (1/2)(1/3 + 1/2) / sqrt 3 = 0.416667 / 1.732051 = 0.240563
        assertEquals(0.5 * (1.0 / 3 + 0.5) / Math.sqrt(3), w.get(0, 1), 1e-6);
        // W_10 = (1/3)(1/3 + 1/2) / sqrt 2 = 0.196419: the walk is not symmetric
        assertEquals((1.0 / 3) * (1.0 / 3 + 0.5) / Math.sqrt(2), w.get(1, 0), 1e-6);
        // W_13 = (1/3)(1/|I_u2| = 1/3) / sqrt 2 = 0.078567
        assertEquals((1.0 / 3) * (1.0 / 3) / Math.sqrt(2), w.get(1, 3), 1e-6);
        // alpha = 0.5: W_01 = 2^-.5 (3^-.5 + 2^-.5) / sqrt 3 = 0.707107 · 1.284457 / 1.732051 = 0.524378
        SparseRows a = fit(HAND, 4, new Rp3BetaConfig(100, 0.5, 0.5, false), 1).similarity();
        assertEquals(Math.pow(2, -0.5) * (Math.pow(3, -0.5) + Math.pow(2, -0.5)) / Math.sqrt(3), a.get(0, 1), 1e-6);
        // beta = 0 and alpha = 1 is P3: each row of the 3-step walk restricted to j != i sums to 1 - P(return to i)
        SparseRows p3 = fit(HAND, 4, new Rp3BetaConfig(100, 1, 0, false), 1).similarity();
        // row 0: return prob = (1/2)(1/3) + (1/2)(1/2) = 0.416667, so the rest sums to 0.583333
        double sum = 0;
        for (int p = p3.indptr[0]; p < p3.indptr[1]; p++) sum += p3.values[p];
        assertEquals(1 - (0.5 / 3 + 0.25), sum, 1e-6);
    }

    @Test
    void l1NormalisedRowsSumToOne() {
        SparseRows w = fit(HAND, 4, new Rp3BetaConfig(2, 1, 0.6, true), 1).similarity();
        for (int r = 0; r < 4; r++) {
            double sum = 0;
            for (int p = w.indptr[r]; p < w.indptr[r + 1]; p++) sum += w.values[p];
            assertEquals(1.0, sum, 1e-6);
            assertTrue(w.rowLength(r) <= 2);
        }
    }

    @Test
    void matchesDenseWalkOnRandomData() {
        int[][] rows = Fixtures.random(35, 20, 0.2, 31);
        double[][] x = Fixtures.dense(Fixtures.log(20, rows));
        double alpha = 0.8, beta = 0.3;
        ItemNeighborhoodModel m = fit(rows, 20, new Rp3BetaConfig(1000, alpha, beta, false), 2);
        int users = x.length, items = 20;
        double[] du = new double[users], di = new double[items];
        for (int u = 0; u < users; u++) for (int i = 0; i < items; i++) { du[u] += x[u][i]; di[i] += x[u][i]; }
        for (int i = 0; i < items; i++)
            for (int j = 0; j < items; j++) {
                if (i == j) continue;
                double walk = 0;
                for (int u = 0; u < users; u++) {
                    if (x[u][i] == 0 || x[u][j] == 0) continue;
                    double piu = x[u][i] / di[i], puj = x[u][j] / du[u];
                    walk += Math.pow(piu, alpha) * Math.pow(puj, alpha);
                }
                double expected = walk / Math.pow(di[j], beta);
                assertEquals(expected, m.similarity().get(i, j), 1e-6, "W(" + i + "," + j + ")");
            }
    }

    @Test
    void identicalForAnyThreadCount() {
        int[][] rows = Fixtures.random(50, 30, 0.2, 32);
        SparseRows a = fit(rows, 30, Rp3BetaConfig.DEFAULTS, 1).similarity();
        SparseRows b = fit(rows, 30, Rp3BetaConfig.DEFAULTS, 2).similarity();
        assertArrayEquals(a.cols, b.cols);
        assertArrayEquals(a.values, b.values);
    }
}
