package io.reclab.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both {@link Gemm} implementations against a naive double-precision reference, and against each other bit for
 * bit (the contract fixes the per-element fma order), on sizes that hit every edge of the vector kernel: fewer
 * columns than one vector, leftover vectors and leftover lanes, row counts not divisible by 4, and k and row
 * ranges that cross the cache blocks ({@link VectorGemm#KC}, {@link VectorGemm#MC}).
 */
class GemmTest {
    /** Small m, cols, k in every combination; then large shapes that cross the blocks and leave every edge. */
    private static final int[] SMALL = {1, 3, 4, 7, 17, 33};
    private static final int[][] LARGE = {{131, 67, 130}, {130, 131, 129}, {9, 80, 257}, {129, 400, 3}, {6, 50, 9}};

    @Test
    void vectorPathIsAvailableUnderTheBuild() {
        // surefire passes --add-modules jdk.incubator.vector; without it the fast path would silently be lost
        assertNotNull(Gemm.vector(), "Vector API not resolved; the build should pass --add-modules jdk.incubator.vector");
        assertEquals(Gemm.vector(), Gemm.best());
    }

    @Test
    void multiplyAddMatchesNaiveReferenceAndScalarEqualsVector() {
        SplittableRandom rng = new SplittableRandom(5);
        java.util.List<int[]> shapes = new java.util.ArrayList<>(java.util.List.of(LARGE));
        for (int m : SMALL) for (int cols : SMALL) for (int k : new int[]{1, 5}) shapes.add(new int[]{m, cols, k});
        for (int[] shape : shapes) {
            int m = shape[0], cols = shape[1], k = shape[2];
            boolean transposedA = rng.nextBoolean();
            // A(r, kk): row-major m x k, or stored as k x m (the X^T of backward-weights)
            int aOff = 3, aRs = transposedA ? 1 : k, aKs = transposedA ? m : 1;
            float[] a = randomWithZeros(aOff + m * k, rng);
            int bOff = 2, ldb = cols + 5; // padded rows: B need not be dense
            float[] b = random(bOff + k * ldb, rng);
            int cOff = 1, ldc = cols + 2;
            float[] c0 = random(cOff + m * ldc, rng);
            double[] want = new double[c0.length];
            for (int i = 0; i < c0.length; i++) want[i] = c0[i];
            for (int r = 0; r < m; r++)
                for (int j = 0; j < cols; j++)
                    for (int kk = 0; kk < k; kk++)
                        want[cOff + r * ldc + j] += (double) a[aOff + r * aRs + kk * aKs] * b[bOff + kk * ldb + j];
            float[] cs = c0.clone();
            Gemm.scalar().multiplyAdd(m, cols, k, a, aOff, aRs, aKs, b, bOff, ldb, cs, cOff, ldc);
            String what = m + "x" + cols + "x" + k + (transposedA ? " (A^T)" : "");
            for (int i = 0; i < cs.length; i++) {
                boolean inC = i >= cOff && (i - cOff) % ldc < cols;
                // float chains of up to 257 terms of size ~1 (sums ~16): rounding error ~257 * 16 * 6e-8, under 1e-3
                assertEquals(want[i], cs[i], inC ? 1e-3 : 0.0, what + " [" + i + "]");
            }
            if (Gemm.vector() != null) {
                float[] cv = c0.clone();
                Gemm.vector().multiplyAdd(m, cols, k, a, aOff, aRs, aKs, b, bOff, ldb, cv, cOff, ldc);
                assertArrayEquals(cs, cv, what + ": vector differs from scalar");
            }
        }
    }

    @Test
    void elementwiseLoopsMatchScalarSemanticsOnBothPaths() {
        int len = 53; // three 16-lane vectors and a 5-lane tail
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = random(len, rng), dy = random(len, rng);
        x[0] = -0f;
        x[1] = 0f;
        x[2] = Float.NaN;
        x[len - 1] = Float.NaN; // in the scalar tail too
        for (Gemm g : paths()) {
            float[] y = new float[len], dx = new float[len];
            g.relu(x, y, len);
            g.reluBackward(y, dy, dx, len);
            for (int i = 0; i < len; i++) {
                float want = Float.isNaN(x[i]) ? Float.NaN : x[i] > 0f ? x[i] : 0f; // +0 for -0 (Math.max)
                assertEquals(want, y[i], 0f, g.name() + " relu[" + i + "]");
                assertEquals(y[i] > 0f ? dy[i] : 0f, dx[i], 0f, g.name() + " relu'[" + i + "]");
            }
            assertEquals(0, Float.floatToRawIntBits(y[0]), "relu(-0) = +0");
            float[] inPlace = x.clone();
            g.relu(inPlace, inPlace, len);
            assertArrayEquals(y, inPlace);

            int n = 7, cols = 21;
            float[] m = random(n * cols, rng), gs = random(cols + 4, rng), g0 = gs.clone();
            g.addColumnSums(m, n, cols, gs, 2);
            for (int j = 0; j < cols; j++) {
                float s = g0[2 + j];
                for (int i = 0; i < n; i++) s += m[i * cols + j]; // same order: bit-identical
                assertEquals(s, gs[2 + j], 0f, g.name() + " colsum[" + j + "]");
            }
            assertEquals(g0[0], gs[0]);
            assertEquals(g0[cols + 3], gs[cols + 3]);
        }
    }

    private static java.util.List<Gemm> paths() {
        return Gemm.vector() == null ? java.util.List.of(Gemm.scalar()) : java.util.List.of(Gemm.scalar(), Gemm.vector());
    }

    @Test
    void transposeIsExact() {
        int in = 37, out = 45;
        float[] w = random(7 + in * out, new SplittableRandom(1));
        float[] t = new float[in * out];
        Gemm.transpose(w, 7, in, out, t);
        for (int j = 0; j < in; j++)
            for (int o = 0; o < out; o++) assertEquals(w[7 + j * out + o], t[o * in + j]);
    }

    @Test
    void denseOnBothPathsMatchesNaiveLayerAndEachOther() {
        assumeTrue(Gemm.vector() != null, "Vector API module absent; only the scalar path exists");
        for (int[] shape : new int[][]{{5, 1, 1}, {6, 19, 1}, {33, 17, 35}, {70, 80, 67}}) {
            int n = shape[0], in = shape[1], out = shape[2];
            float[][] ys = new float[2][], dxs = new float[2][], gs = new float[2][];
            for (int path = 0; path < 2; path++) {
                ParamLayout lay = new ParamLayout();
                lay.dense(3); // the layer does not start at offset 0
                Dense d = new Dense(lay, in, out, true, path == 0 ? Gemm.scalar() : Gemm.vector());
                float[] p = Fd.gaussian(lay.denseSize(), 21, 0.5);
                float[] x = Fd.gaussian(n * in, 22, 1.0), dy = Fd.gaussian(n * out, 23, 1.0);
                for (int i = 0; i < x.length; i += 3) x[i] = 0f; // ReLU-like zeros
                float[] y = new float[n * out], dx = new float[n * in], g = Fd.gaussian(p.length, 24, 0.1);
                float[] g0 = g.clone();
                d.forward(p, x, n, y);
                d.backward(p, x, dy, n, dx, g);
                for (int i = 0; i < n; i++) {
                    for (int o = 0; o < out; o++) {
                        double v = p[d.biasOffset(o)];
                        for (int j = 0; j < in; j++) v += (double) x[i * in + j] * p[d.weightOffset(j, o)];
                        assertEquals(v, y[i * out + o], 1e-4, "y");
                    }
                    for (int j = 0; j < in; j++) {
                        double v = 0;
                        for (int o = 0; o < out; o++) v += (double) dy[i * out + o] * p[d.weightOffset(j, o)];
                        assertEquals(v, dx[i * in + j], 1e-4, "dx");
                    }
                }
                for (int j = 0; j < in; j++) {
                    for (int o = 0; o < out; o++) {
                        double v = g0[d.weightOffset(j, o)];
                        for (int i = 0; i < n; i++) v += (double) x[i * in + j] * dy[i * out + o];
                        assertEquals(v, g[d.weightOffset(j, o)], 1e-4, "dW");
                    }
                }
                for (int o = 0; o < out; o++) {
                    double v = g0[d.biasOffset(o)];
                    for (int i = 0; i < n; i++) v += dy[i * out + o];
                    assertEquals(v, g[d.biasOffset(o)], 1e-4, "db");
                }
                for (int i = 0; i < 3; i++) assertEquals(g0[i], g[i]); // outside the layer: untouched
                ys[path] = y;
                dxs[path] = dx;
                gs[path] = g;
            }
            assertArrayEquals(ys[0], ys[1], "forward: scalar vs vector");
            assertArrayEquals(dxs[0], dxs[1], "dx: scalar vs vector");
            assertArrayEquals(gs[0], gs[1], "grads: scalar vs vector");
        }
    }

    private static float[] random(int n, SplittableRandom rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }

    private static float[] randomWithZeros(int n, SplittableRandom rng) {
        float[] a = random(n, rng);
        for (int i = 0; i < n; i++) if (rng.nextInt(3) == 0) a[i] = 0f;
        return a;
    }
}
