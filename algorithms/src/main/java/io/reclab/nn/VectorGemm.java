package io.reclab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm} on the JDK's incubating Vector API ({@code jdk.incubator.vector}): a register-blocked micro-kernel
 * in the style of BLAS GEMM. The micro-kernel holds a 4-row x 4-vector tile of C ({@code 4 x 4L} floats, L = float
 * lanes of the preferred species, 16 with AVX-512) in 16 accumulators for a whole k block: per k it loads 4 vectors
 * of B's row k and broadcasts 4 entries of A, i.e. 8 loads per 16 FMAs. Edges use 1-row and 1-vector variants of
 * the same arithmetic and, for the last {@code cols mod L} columns, scalar {@link Math#fma} (same result per
 * element). Loops are blocked BLIS-style: k in blocks of {@link #KC}, rows in blocks of {@link #MC}, so the
 * {@code KC x 4L} strip of B a block of rows sweeps (32 KB) stays in L1 and the block's A (64 KB) in L2.
 * Load only when the module is present: this class links against it.
 */
final class VectorGemm extends Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 4 * L;
    static final int KC = 128;
    static final int MC = 128;

    static Gemm create() { return new VectorGemm(); }

    static int lanes() { return L; }

    @Override
    void multiplyAdd(int m, int cols, int kLen, float[] a, int aOff, int aRs, int aKs,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int wide = cols - cols % NR, vec = cols - cols % L;
        for (int k0 = 0; k0 < kLen; k0 += KC) {
            int k1 = Math.min(kLen, k0 + KC);
            for (int r0 = 0; r0 < m; r0 += MC) {
                int r1 = Math.min(m, r0 + MC);
                for (int j = 0; j < wide; j += NR) {
                    int r = r0;
                    for (; r + 4 <= r1; r += 4) tile4x4(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                    for (; r < r1; r++) tile1x4(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                }
                for (int j = wide; j < vec; j += L) {
                    int r = r0;
                    for (; r + 4 <= r1; r += 4) tile4x1(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                    for (; r < r1; r++) tile1x1(r, j, k0, k1, a, aOff, aRs, aKs, b, bOff, ldb, c, cOff, ldc);
                }
                if (vec < cols) {
                    for (int r = r0; r < r1; r++) {
                        int co = cOff + r * ldc, ao = aOff + r * aRs;
                        for (int jj = vec; jj < cols; jj++) {
                            float acc = c[co + jj];
                            for (int k = k0; k < k1; k++) acc = Math.fma(a[ao + k * aKs], b[bOff + k * ldb + jj], acc);
                            c[co + jj] = acc;
                        }
                    }
                }
            }
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
    String name() { return "vector (" + S + ", 4 rows x 4 vectors, KC " + KC + ", MC " + MC + ")"; }
}
