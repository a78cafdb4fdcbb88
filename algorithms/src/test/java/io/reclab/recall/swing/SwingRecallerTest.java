package io.reclab.recall.swing;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.recall.neighbors.Fixtures;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwingRecallerTest {
    /*
     * u0: {0,1,2}  u1: {0,1}  u2: {0,1,3}  u3: {1,2}
     * U_0 = {0,1,2}  U_1 = {0,1,2,3}  U_2 = {0,3}  U_3 = {2}
     * I_u0 ∩ I_u1 = {0,1}, I_u0 ∩ I_u2 = {0,1}, I_u1 ∩ I_u2 = {0,1}, I_u0 ∩ I_u3 = {1,2}
     */
    static final int[][] HAND = {{0, 1, 2}, {0, 1}, {0, 1, 3}, {1, 2}};

    static ItemNeighborhoodModel fit(int[][] rows, int items, SwingConfig c, int threads, long seed) {
        return new SwingRecaller(c).fit(Fixtures.context(Fixtures.log(items, rows), threads, seed));
    }

    @Test
    void unweightedByHand() {
        SparseRows w = fit(HAND, 4, new SwingConfig(100, 1, false, 0, 100), 1, 1).similarity();
        // (0,1): pairs {u0,u1}, {u0,u2}, {u1,u2}, each overlap 2 → 3 · 1/(1+2) = 1
        assertEquals(1.0, w.get(0, 1), 1e-6);
        assertEquals(1.0, w.get(1, 0), 1e-6);
        // (1,2): U_1 ∩ U_2 = {u0, u3}, overlap |{1,2}| = 2 → 1/3
        assertEquals(1.0 / 3, w.get(1, 2), 1e-6);
        // (0,2): only u0 chose both → no pair → 0; (1,3): only u2 → 0
        assertEquals(0f, w.get(0, 2));
        assertEquals(0f, w.get(1, 3));
        // alpha = 2: (0,1) = 3 · 1/(2+2) = 0.75
        assertEquals(0.75, fit(HAND, 4, new SwingConfig(100, 2, false, 0, 100), 1, 1).similarity().get(0, 1), 1e-6);
    }

    @Test
    void userWeightsByHand() {
        // w_u = |I_u|^-0.5 (offset 0): w0 = 3^-.5, w1 = 2^-.5, w2 = 3^-.5, w3 = 2^-.5
        SparseRows w = fit(HAND, 4, new SwingConfig(100, 1, true, 0, 100), 1, 1).similarity();
        // (0,1): (w0 w1 + w0 w2 + w1 w2) / 3 = (6^-.5 + 1/3 + 6^-.5) / 3 = (0.408248·2 + 0.333333) / 3 = 0.383277
        assertEquals((2 / Math.sqrt(6) + 1.0 / 3) / 3, w.get(0, 1), 1e-6);
        // (1,2): w0 w3 / 3 = 6^-.5 / 3 = 0.136083
        assertEquals(1 / Math.sqrt(6) / 3, w.get(1, 2), 1e-6);
        // offset 5: w0 = 8^-.5, w3 = 7^-.5 → (1,2) = 1 / (sqrt 56 · 3) = 0.044544
        SparseRows o = fit(HAND, 4, new SwingConfig(100, 1, true, 5, 100), 1, 1).similarity();
        assertEquals(1 / (Math.sqrt(56) * 3), o.get(1, 2), 1e-6);
    }

    @Test
    void matchesPairEnumerationOnRandomData() {
        int[][] rows = Fixtures.random(30, 15, 0.3, 41);
        double[][] x = Fixtures.dense(Fixtures.log(15, rows));
        ItemNeighborhoodModel m = fit(rows, 15, new SwingConfig(1000, 1.5, true, 2, 1000), 2, 1);
        int users = x.length;
        double[] deg = new double[users];
        for (int u = 0; u < users; u++) for (double v : x[u]) deg[u] += v;
        for (int i = 0; i < 15; i++)
            for (int j = 0; j < 15; j++) {
                if (i == j) continue;
                double s = 0;
                for (int u = 0; u < users; u++)
                    for (int v = u + 1; v < users; v++) {
                        if (x[u][i] * x[u][j] * x[v][i] * x[v][j] == 0) continue;
                        double overlap = 0;
                        for (int k = 0; k < 15; k++) overlap += x[u][k] * x[v][k];
                        s += Math.pow(deg[u] + 2, -0.5) * Math.pow(deg[v] + 2, -0.5) / (1.5 + overlap);
                    }
                assertEquals(s, m.similarity().get(i, j), 1e-6, "sim(" + i + "," + j + ")");
            }
    }

    @Test
    void sparseAndBitsetPathsAgreeExactly() {
        // 200 items, density 0.05: the automatic choice would take the sparse path; force each one
        int[][] rows = Fixtures.random(50, 200, 0.05, 43);
        SparsePattern ui = SparsePattern.userItems(Fixtures.log(200, rows));
        SparsePattern iu = ui.transpose();
        SwingConfig c = new SwingConfig(1000, 1, true, 5, 1000);
        SparseRows sparse = SwingRecaller.similarity(ui, iu, c, 1, 2, SwingRecaller.Path.SPARSE);
        SparseRows dense = SwingRecaller.similarity(ui, iu, c, 1, 2, SwingRecaller.Path.DENSE);
        assertTrue(sparse.nnz() > 100, "non-trivial similarity");
        assertArrayEquals(sparse.indptr, dense.indptr);
        assertArrayEquals(sparse.cols, dense.cols);
        assertArrayEquals(sparse.values, dense.values);
    }

    @Test
    void userCapSamplesDeterministically() {
        // item 0 is chosen by all 40 users; each user also has some of items 1..9
        int[][] rows = Fixtures.random(40, 10, 0.4, 42);
        for (int u = 0; u < rows.length; u++) {
            rows[u] = Arrays.copyOf(rows[u], rows[u].length + 1);
            rows[u][rows[u].length - 1] = 0;
        }
        SparsePattern iu = SparsePattern.userItems(Fixtures.log(10, rows)).transpose();
        int[] a = SwingRecaller.usersOf(iu, 0, 8, 99), b = SwingRecaller.usersOf(iu, 0, 8, 99);
        assertArrayEquals(a, b);
        assertEquals(8, a.length);
        for (int k = 1; k < a.length; k++) assertTrue(a[k] > a[k - 1], "sample sorted and distinct");
        assertFalse(Arrays.equals(a, SwingRecaller.usersOf(iu, 0, 8, 100)), "another seed draws another sample");
        assertEquals(iu.degree(1), SwingRecaller.usersOf(iu, 1, 1000, 99).length, "under the cap: all users");
        // the capped similarity is identical across thread counts and runs with the same seed
        SwingConfig capped = new SwingConfig(5, 1, true, 5, 8);
        SparseRows one = fit(rows, 10, capped, 1, 99).similarity();
        SparseRows three = fit(rows, 10, capped, 3, 99).similarity();
        assertArrayEquals(one.cols, three.cols);
        assertArrayEquals(one.values, three.values);
    }

    @Test
    void configParsingAndValidation() {
        ConfigBlock block = ConfigBlock.at(ConfigFactory.parseString(
                "recall.swing { alpha = 0.5, user-weighting = false, max-users-per-item = 50 }"), "recall.swing");
        assertEquals(new SwingConfig(100, 0.5, false, 5, 50), SwingConfig.from(block));
        block.finish();
        ConfigError e = assertThrows(ConfigError.class, () -> SwingConfig.from(ConfigBlock.at(
                ConfigFactory.parseString("recall.swing.max-users-per-item = 1"), "recall.swing")));
        assertTrue(e.getMessage().contains("recall.swing.max-users-per-item"), e.getMessage());
    }
}
