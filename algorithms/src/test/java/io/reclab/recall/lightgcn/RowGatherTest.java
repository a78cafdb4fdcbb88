package io.reclab.recall.lightgcn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both row kernels against hand values and a double-precision brute-force sum, over widths hitting every block/tail path. */
class RowGatherTest {
    private static List<RowGather> kernels() {
        List<RowGather> ks = new ArrayList<>();
        ks.add(new ScalarRowGather());
        ks.add(RowGather.best());
        return ks;
    }

    @Test
    void handValues() {
        // row with nonzeros 0.5 * in[1] + 2 * in[2], k = 2: in rows (1,2), (3,4), (5,6) → (0.5*3 + 2*5, 0.5*4 + 2*6) = (11.5, 14)
        int[] ix = {1, 2};
        float[] w = {0.5f, 2f};
        float[] in = {1, 2, 3, 4, 5, 6};
        for (RowGather g : kernels()) {
            float[] out = {9, 9, 9, 9};
            float[] acc = {1, 1, 1, 1};
            g.gather(ix, w, 0, 2, in, 2, out, 2, acc);
            assertEquals(9f, out[0], g.name());
            assertEquals(11.5f, out[2], g.name());
            assertEquals(14f, out[3], g.name());
            assertEquals(12.5f, acc[2], g.name());
            assertEquals(1f, acc[0], g.name());
            // acc = (base + row) * 0.5 with base (3, 5): ((3 + 11.5) / 2, (5 + 14) / 2) = (7.25, 9.5); null base: (5.75, 7)
            float[] base = {0, 0, 3, 5};
            g.gather(ix, w, 0, 2, in, 2, out, 2, acc, base, 0.5f);
            assertEquals(7.25f, acc[2], g.name());
            assertEquals(9.5f, acc[3], g.name());
            g.gather(ix, w, 0, 2, in, 2, out, 2, acc, null, 0.5f);
            assertEquals(5.75f, acc[2], g.name());
            assertEquals(7f, acc[3], g.name());
            // no accumulator; nonzeros [1, 2) only: (2*5, 2*6) = (10, 12)
            g.gather(ix, w, 1, 2, in, 2, out, 0, null);
            assertEquals(10f, out[0], g.name());
            assertEquals(12f, out[1], g.name());
        }
    }

    @Test
    void matchesBruteForceOnRandomRows() {
        SplittableRandom rng = new SplittableRandom(17);
        int[] widths = {1, 3, 4, 8, 15, 16, 17, 32, 48, 64, 65, 80, 128, 131};
        int nodes = 40;
        for (int k : widths) {
            float[] in = new float[nodes * k];
            for (int t = 0; t < in.length; t++) in[t] = (float) rng.nextGaussian();
            for (int nnz : new int[]{0, 1, 2, 5, 30}) {
                int[] ix = new int[nnz];
                float[] w = new float[nnz];
                for (int q = 0; q < nnz; q++) { ix[q] = rng.nextInt(nodes); w[q] = (float) rng.nextDouble(); }
                {
                    double[] ref = new double[k];
                    for (int q = 0; q < nnz; q++)
                        for (int t = 0; t < k; t++) ref[t] += (double) w[q] * in[ix[q] * k + t];
                    for (RowGather g : kernels()) {
                        float[] out = new float[3 * k];
                        java.util.Arrays.fill(out, 42f);   // stale contents must be overwritten, not added to
                        float[] acc = new float[3 * k];
                        java.util.Arrays.fill(acc, 1f);
                        g.gather(ix, w, 0, nnz, in, k, out, k, acc);
                        float[] scaled = new float[3 * k];
                        g.gather(ix, w, 0, nnz, in, k, new float[3 * k], k, scaled, acc, 0.25f);
                        for (int t = 0; t < k; t++)
                            assertEquals((acc[k + t] + ref[t]) * 0.25, scaled[k + t], 1e-5 * (2 + Math.abs(ref[t])) * Math.max(1, nnz),
                                    g.name() + " scaled k=" + k + " t=" + t);
                        for (int t = 0; t < k; t++) {
                            String what = g.name() + " k=" + k + " nnz=" + nnz + " t=" + t;
                            assertEquals(ref[t], out[k + t], 1e-5 * (1 + Math.abs(ref[t])) * Math.max(1, nnz), what);
                            assertEquals(1 + ref[t], acc[k + t], 1e-5 * (2 + Math.abs(ref[t])) * Math.max(1, nnz), what);
                            assertEquals(42f, out[t], what);
                            assertEquals(1f, acc[t], what);
                            assertEquals(1f, acc[2 * k + t], what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void skippingZeroRowsMatchesTheFullProductWhenUnmarkedRowsAreZero() {
        SplittableRandom rng = new SplittableRandom(23);
        int nodes = 30;
        for (int k : new int[]{5, 64}) {
            int[] mark = new int[nodes];
            float[] in = new float[nodes * k];
            for (int c = 0; c < nodes; c++) {
                mark[c] = rng.nextInt(3) == 0 ? 9 : 8;
                if (mark[c] == 9) for (int t = 0; t < k; t++) in[c * k + t] = (float) rng.nextGaussian();
            }
            int nnz = 25;
            int[] ix = new int[nnz];
            float[] w = new float[nnz];
            for (int q = 0; q < nnz; q++) { ix[q] = rng.nextInt(nodes); w[q] = (float) rng.nextDouble(); }
            for (RowGather g : kernels()) {
                float[] full = new float[k], skip = new float[k], accFull = new float[k], accSkip = new float[k];
                float[] base = new float[k];
                for (int t = 0; t < k; t++) base[t] = t;
                g.gather(ix, w, 0, nnz, in, k, full, 0, accFull, base, 0.5f);
                g.gatherSkippingZeroRows(ix, w, 0, nnz, in, k, skip, 0, accSkip, base, 0.5f, mark, 9);
                for (int t = 0; t < k; t++) {
                    assertEquals(full[t], skip[t], 1e-5 * (1 + Math.abs(full[t])), g.name() + " k=" + k + " t=" + t);
                    assertEquals(accFull[t], accSkip[t], 1e-5 * (1 + Math.abs(accFull[t])), g.name() + " k=" + k + " t=" + t);
                }
            }
        }
    }

    @Test
    void vectorKernelIsSelectedWhenTheModuleIsResolved() {
        boolean resolved = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        // the build passes --add-modules jdk.incubator.vector to surefire; without it the scalar kernel must be chosen
        assertTrue(resolved == RowGather.best().name().startsWith("vector") || Boolean.getBoolean("reclab.noVector"),
                RowGather.best().name());
    }
}
