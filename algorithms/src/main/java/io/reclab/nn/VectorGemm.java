package io.reclab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm} on the JDK's incubating Vector API ({@code jdk.incubator.vector}): a register-blocked micro-kernel
 * in the style of BLAS GEMM. The micro-kernel holds a 4-row x 4-vector tile of C ({@code 4 x 4L} floats, L = float
 * lanes of the preferred species, 16 with AVX-512) in 16 accumulators for a whole k block: per k it loads 4 vectors
 * of B's row k and broadcasts 4 entries of A, i.e. 8 loads per 16 FMAs. Edges use 4 x 3, 4 x 2, 4 x 1 and 1-row
 * variants of the same arithmetic and, for the last {@code cols mod L} columns, scalar {@link Math#fma} (same
 * result per element). Loops are blocked BLIS-style: k in blocks of {@link #KC}, rows in blocks of {@link #MC},
 * so the {@code KC x 4L} strip of B that a block of rows sweeps (64 KB) and the block's A (256 KB) stay in L2.
 * Measured on a shared 2-core AVX-512 (Zen 4) machine with a single-thread harness (now the benchmarks module's
 * {@code GemmBench}): ~35-45 G multiply-adds per CPU-second on the 400 x 400 layer, about 12x the
 * {@link ScalarGemm}; the block sizes (64 to 1024) made less difference than the machine's noise.
 * Load only when the module is present: this class links against it.
 */
final class VectorGemm extends Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 4 * L;
    static final int KC = 256;
    static final int MC = 256;

    static Gemm create() { return new VectorGemm(); }

    static int lanes() { return L; }

    @Override
    void multiplyAdd(int m, int cols, int kLen, float[] a, int aOff, int aRs, int aKs,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int vec = cols - cols % L, quads = vec / NR, rest = vec / L % 4;
        // the 1-3 vectors left over form one strip of 2 or 3 (a lone 4 x 1 tile runs at a third of the speed);
        // a single one after 4-vector strips gives one of those back to make 3 + 2
        if (rest == 1 && quads > 0) {
            quads--;
            rest = 5;
        }
        for (int k0 = 0; k0 < kLen; k0 += KC) {
            int k1 = Math.min(kLen, k0 + KC);
            for (int r0 = 0; r0 < m; r0 += MC) {
                int r1 = Math.min(m, r0 + MC);
                for (int j = 0; j < quads * NR; j += NR) {
                    int r = r0;
                    for (; r + 4 <= r1; r += 4) tile4x4(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                    for (; r < r1; r++) tile1x4(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                }
                for (int j = quads * NR, left = rest; left > 0; ) {
                    int v = left == 5 ? 3 : left;
                    int r = r0;
                    for (; r + 4 <= r1; r += 4) {
                        if (v == 3) tile4x3(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                        else if (v == 2) tile4x2(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                        else tile4x1(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                    }
                    for (; r < r1; r++)
                        for (int q = 0; q < v; q++) tile1x1(r, j + q * L, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                    j += v * L;
                    left -= v;
                }
                for (int j = vec; j < cols; j++) tailColumn(r0, r1, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
            }
        }
    }

    /**
     * One column narrower than a vector (a logit head has one), in scalar fma: four rows' chains interleaved, so
     * the fma latency of one chain hides behind the other three.
     */
    private static void tailColumn(int r0, int r1, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                   float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            int a0 = aOff + r * aRs, a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
            int c0 = cOff + r * ldc + j;
            float s0 = c[c0], s1 = c[c0 + ldc], s2 = c[c0 + 2 * ldc], s3 = c[c0 + 3 * ldc];
            for (int k = k0; k < k1; k++) {
                float bv = b[bOff + k * ldb + j];
                int ak = k * aKs;
                s0 = Math.fma(a[a0 + ak], bv, s0);
                s1 = Math.fma(a[a1 + ak], bv, s1);
                s2 = Math.fma(a[a2 + ak], bv, s2);
                s3 = Math.fma(a[a3 + ak], bv, s3);
            }
            c[c0] = s0;
            c[c0 + ldc] = s1;
            c[c0 + 2 * ldc] = s2;
            c[c0 + 3 * ldc] = s3;
        }
        for (; r < r1; r++) {
            int a0 = aOff + r * aRs, c0 = cOff + r * ldc + j;
            float s0 = c[c0];
            for (int k = k0; k < k1; k++) s0 = Math.fma(a[a0 + k * aKs], b[bOff + k * ldb + j], s0);
            c[c0] = s0;
        }
    }

    private static void tile4x4(int r, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + r * aRs, a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int c0 = cOff + r * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        FloatVector x00 = FloatVector.fromArray(S, c, c0), x01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector x02 = FloatVector.fromArray(S, c, c0 + 2 * L), x03 = FloatVector.fromArray(S, c, c0 + 3 * L);
        FloatVector x10 = FloatVector.fromArray(S, c, c1), x11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector x12 = FloatVector.fromArray(S, c, c1 + 2 * L), x13 = FloatVector.fromArray(S, c, c1 + 3 * L);
        FloatVector x20 = FloatVector.fromArray(S, c, c2), x21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector x22 = FloatVector.fromArray(S, c, c2 + 2 * L), x23 = FloatVector.fromArray(S, c, c2 + 3 * L);
        FloatVector x30 = FloatVector.fromArray(S, c, c3), x31 = FloatVector.fromArray(S, c, c3 + L);
        FloatVector x32 = FloatVector.fromArray(S, c, c3 + 2 * L), x33 = FloatVector.fromArray(S, c, c3 + 3 * L);
        for (int k = k0; k < k1; k++) {
            int bo = bOff + k * ldb + j, ak = k * aKs;
            FloatVector v0 = FloatVector.fromArray(S, b, bo);
            FloatVector v1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector v2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, b, bo + 3 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + ak]);
            x00 = v0.fma(s, x00); x01 = v1.fma(s, x01); x02 = v2.fma(s, x02); x03 = v3.fma(s, x03);
            s = FloatVector.broadcast(S, a[a1 + ak]);
            x10 = v0.fma(s, x10); x11 = v1.fma(s, x11); x12 = v2.fma(s, x12); x13 = v3.fma(s, x13);
            s = FloatVector.broadcast(S, a[a2 + ak]);
            x20 = v0.fma(s, x20); x21 = v1.fma(s, x21); x22 = v2.fma(s, x22); x23 = v3.fma(s, x23);
            s = FloatVector.broadcast(S, a[a3 + ak]);
            x30 = v0.fma(s, x30); x31 = v1.fma(s, x31); x32 = v2.fma(s, x32); x33 = v3.fma(s, x33);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
    }

    private static void tile4x3(int r, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + r * aRs, a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int c0 = cOff + r * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        FloatVector x00 = FloatVector.fromArray(S, c, c0), x01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector x02 = FloatVector.fromArray(S, c, c0 + 2 * L);
        FloatVector x10 = FloatVector.fromArray(S, c, c1), x11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector x12 = FloatVector.fromArray(S, c, c1 + 2 * L);
        FloatVector x20 = FloatVector.fromArray(S, c, c2), x21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector x22 = FloatVector.fromArray(S, c, c2 + 2 * L);
        FloatVector x30 = FloatVector.fromArray(S, c, c3), x31 = FloatVector.fromArray(S, c, c3 + L);
        FloatVector x32 = FloatVector.fromArray(S, c, c3 + 2 * L);
        for (int k = k0; k < k1; k++) {
            int bo = bOff + k * ldb + j, ak = k * aKs;
            FloatVector v0 = FloatVector.fromArray(S, b, bo);
            FloatVector v1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector v2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + ak]);
            x00 = v0.fma(s, x00); x01 = v1.fma(s, x01); x02 = v2.fma(s, x02);
            s = FloatVector.broadcast(S, a[a1 + ak]);
            x10 = v0.fma(s, x10); x11 = v1.fma(s, x11); x12 = v2.fma(s, x12);
            s = FloatVector.broadcast(S, a[a2 + ak]);
            x20 = v0.fma(s, x20); x21 = v1.fma(s, x21); x22 = v2.fma(s, x22);
            s = FloatVector.broadcast(S, a[a3 + ak]);
            x30 = v0.fma(s, x30); x31 = v1.fma(s, x31); x32 = v2.fma(s, x32);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L);
    }

    private static void tile4x2(int r, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + r * aRs, a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int c0 = cOff + r * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        FloatVector x00 = FloatVector.fromArray(S, c, c0), x01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector x10 = FloatVector.fromArray(S, c, c1), x11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector x20 = FloatVector.fromArray(S, c, c2), x21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector x30 = FloatVector.fromArray(S, c, c3), x31 = FloatVector.fromArray(S, c, c3 + L);
        for (int k = k0; k < k1; k++) {
            int bo = bOff + k * ldb + j, ak = k * aKs;
            FloatVector v0 = FloatVector.fromArray(S, b, bo);
            FloatVector v1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + ak]);
            x00 = v0.fma(s, x00); x01 = v1.fma(s, x01);
            s = FloatVector.broadcast(S, a[a1 + ak]);
            x10 = v0.fma(s, x10); x11 = v1.fma(s, x11);
            s = FloatVector.broadcast(S, a[a2 + ak]);
            x20 = v0.fma(s, x20); x21 = v1.fma(s, x21);
            s = FloatVector.broadcast(S, a[a3 + ak]);
            x30 = v0.fma(s, x30); x31 = v1.fma(s, x31);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L);
    }

    private static void tile1x4(int r, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + r * aRs, c0 = cOff + r * ldc + j;
        FloatVector x0 = FloatVector.fromArray(S, c, c0), x1 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector x2 = FloatVector.fromArray(S, c, c0 + 2 * L), x3 = FloatVector.fromArray(S, c, c0 + 3 * L);
        for (int k = k0; k < k1; k++) {
            int bo = bOff + k * ldb + j;
            FloatVector s = FloatVector.broadcast(S, a[a0 + k * aKs]);
            x0 = FloatVector.fromArray(S, b, bo).fma(s, x0);
            x1 = FloatVector.fromArray(S, b, bo + L).fma(s, x1);
            x2 = FloatVector.fromArray(S, b, bo + 2 * L).fma(s, x2);
            x3 = FloatVector.fromArray(S, b, bo + 3 * L).fma(s, x3);
        }
        x0.intoArray(c, c0); x1.intoArray(c, c0 + L); x2.intoArray(c, c0 + 2 * L); x3.intoArray(c, c0 + 3 * L);
    }

    private static void tile4x1(int r, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + r * aRs, a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int c0 = cOff + r * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        FloatVector x0 = FloatVector.fromArray(S, c, c0), x1 = FloatVector.fromArray(S, c, c1);
        FloatVector x2 = FloatVector.fromArray(S, c, c2), x3 = FloatVector.fromArray(S, c, c3);
        for (int k = k0; k < k1; k++) {
            FloatVector v = FloatVector.fromArray(S, b, bOff + k * ldb + j);
            int ak = k * aKs;
            x0 = v.fma(FloatVector.broadcast(S, a[a0 + ak]), x0);
            x1 = v.fma(FloatVector.broadcast(S, a[a1 + ak]), x1);
            x2 = v.fma(FloatVector.broadcast(S, a[a2 + ak]), x2);
            x3 = v.fma(FloatVector.broadcast(S, a[a3 + ak]), x3);
        }
        x0.intoArray(c, c0); x1.intoArray(c, c1); x2.intoArray(c, c2); x3.intoArray(c, c3);
    }

    private static void tile1x1(int r, int j, int k0, int k1, float[] a, int aOff, int aRs, int aKs,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int a0 = aOff + r * aRs, c0 = cOff + r * ldc + j;
        FloatVector x = FloatVector.fromArray(S, c, c0);
        for (int k = k0; k < k1; k++)
            x = FloatVector.fromArray(S, b, bOff + k * ldb + j).fma(FloatVector.broadcast(S, a[a0 + k * aKs]), x);
        x.intoArray(c, c0);
    }

    @Override
    void relu(float[] x, float[] y, int len) {
        int i = 0;
        for (int up = S.loopBound(len); i < up; i += L) FloatVector.fromArray(S, x, i).max(0f).intoArray(y, i);
        for (; i < len; i++) y[i] = Math.max(x[i], 0f);
    }

    @Override
    void reluBackward(float[] y, float[] dy, float[] dx, int len) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int up = S.loopBound(len); i < up; i += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), on).intoArray(dx, i);
        }
        for (; i < len; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }

    @Override
    void addColumnSums(float[] dy, int n, int cols, float[] g, int off) {
        int vec = cols - cols % L;
        // rows outer: one pass over dy, while the cols sums (a few KB) stay in L1
        for (int i = 0; i < n; i++) {
            int o = i * cols, j = 0;
            for (; j < vec; j += L)
                FloatVector.fromArray(S, g, off + j).add(FloatVector.fromArray(S, dy, o + j)).intoArray(g, off + j);
            for (; j < cols; j++) g[off + j] += dy[o + j];
        }
    }

    @Override
    String name() { return "vector (" + S + ", 4 rows x 4 vectors, KC " + KC + ", MC " + MC + ")"; }
}
