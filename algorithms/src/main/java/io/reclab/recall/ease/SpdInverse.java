package io.reclab.recall.ease;

import io.reclab.util.Parallel;

/**
 * In-place inverse of a dense symmetric positive-definite matrix (row-major {@code float[n*n]}) by the blocked
 * sweep operator (Gauss-Jordan elimination without pivoting, which is stable for SPD matrices: every pivot is a
 * diagonal entry of a Schur complement, hence positive). Sweeping block K updates
 * <pre>
 *   A_KK ← -A_KK^-1,   A_Kj ← A_KK^-1 A_Kj,   A_iK ← A_iK A_KK^-1,   A_ij ← A_ij - A_iK A_KK^-1 A_Kj
 * </pre>
 * and sweeping every index leaves {@code -A^-1}. Blocking turns the n rank-1 updates into n/b rank-b updates, so
 * each row of A streams through the cache n/b times instead of n; rows are updated in parallel. Cost n^3
 * multiply-adds. Each row's arithmetic does not depend on the thread count, so results are identical for any count.
 * <p>
 * The matrix is stored in float, so a catalogue of n items needs 4n² bytes rather than 8n². The pivot block, its
 * inverse and the block rows M are computed in double; the rank-b update of the other rows, the n^3 part, runs in
 * float (so at twice double's SIMD width). Errors stay at float precision times the matrix's conditioning (about
 * 1e-6 relative on the test matrices; EASE's top-K lists on MovieLens are unchanged), far below what changes a
 * ranking.
 */
final class SpdInverse {
    private static final int BLOCK = 64;

    private SpdInverse() {}

    /** Replaces {@code a} by its inverse. Throws if a pivot is not positive (matrix not positive definite). */
    static void invert(float[] a, int n, int threads) {
        if ((long) n * n != a.length) throw new IllegalArgumentException("matrix length " + a.length + " != " + n + "^2");
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK), b = k1 - k0;
            double[] dinv = new double[b * b];
            for (int p = 0; p < b; p++) for (int q = 0; q < b; q++) dinv[p * b + q] = a[(k0 + p) * n + k0 + q];
            invertSmall(dinv, b, k0);
            // M = D^-1 A_K,: (b × n), the new block rows
            double[] m = new double[b * n];
            for (int p = 0; p < b; p++) {
                int mo = p * n;
                for (int q = 0; q < b; q++) {
                    double d = dinv[p * b + q];
                    int ao = (k0 + q) * n;
                    for (int j = 0; j < n; j++) m[mo + j] += d * a[ao + j];
                }
            }
            // the rank-b update streams M in float, so the n^3 inner loop runs at float SIMD width
            float[] mf = new float[b * n];
            for (int j = 0; j < mf.length; j++) mf[j] = (float) m[j];
            final int fk0 = k0;
            Parallel.forChunks(n, threads, Math.max(8, Parallel.chunk(n, threads)), () -> new double[b], (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    if (i >= fk0 && i < fk0 + b) continue;
                    updateRow(a, n, i, fk0, b, mf, dinv, c);
                }
            });
            for (int p = 0; p < b; p++) {
                int ro = (k0 + p) * n;
                for (int j = 0; j < n; j++) a[ro + j] = (float) m[p * n + j];
                for (int q = 0; q < b; q++) a[ro + k0 + q] = (float) -dinv[p * b + q];
            }
        }
        for (int i = 0; i < a.length; i++) a[i] = -a[i];
    }

    /** Row i outside block K: A_i,: -= A_iK M, then A_iK ← A_iK D^-1 (from the saved A_iK in c). */
    private static void updateRow(float[] a, int n, int i, int k0, int b, float[] m, double[] dinv, double[] c) {
        int ro = i * n;
        for (int q = 0; q < b; q++) c[q] = a[ro + k0 + q];
        int p = 0;
        // four block rows per pass: one load/store of A_i,: feeds four multiply-adds
        for (; p + 3 < b; p += 4) {
            float c0 = (float) c[p], c1 = (float) c[p + 1], c2 = (float) c[p + 2], c3 = (float) c[p + 3];
            int m0 = p * n, m1 = m0 + n, m2 = m1 + n, m3 = m2 + n;
            for (int j = 0; j < n; j++)
                a[ro + j] -= c0 * m[m0 + j] + c1 * m[m1 + j] + c2 * m[m2 + j] + c3 * m[m3 + j];
        }
        for (; p < b; p++) {
            float cp = (float) c[p];
            int mo = p * n;
            for (int j = 0; j < n; j++) a[ro + j] -= cp * m[mo + j];
        }
        for (int q = 0; q < b; q++) {
            double s = 0;
            for (int r = 0; r < b; r++) s += c[r] * dinv[r * b + q];
            a[ro + k0 + q] = (float) s;
        }
    }

    /** Unblocked Gauss-Jordan inverse of a small SPD block (b × b, in place). */
    private static void invertSmall(double[] d, int b, int offset) {
        for (int k = 0; k < b; k++) {
            double piv = d[k * b + k];
            if (!(piv > 0))
                throw new ArithmeticException("matrix is not positive definite: pivot " + (offset + k) + " = " + piv);
            double inv = 1.0 / piv;
            for (int i = 0; i < b; i++) {
                if (i == k) continue;
                double f = d[i * b + k] * inv;
                if (f == 0) continue;
                for (int j = 0; j < b; j++) if (j != k) d[i * b + j] -= f * d[k * b + j];
            }
            for (int j = 0; j < b; j++) if (j != k) {
                d[k * b + j] *= inv;
                d[j * b + k] *= inv;
            }
            d[k * b + k] = -inv;
        }
        for (int i = 0; i < b * b; i++) d[i] = -d[i];
    }
}
