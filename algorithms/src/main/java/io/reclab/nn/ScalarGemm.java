package io.reclab.nn;

/**
 * Plain-Java {@link Gemm}, used when the Vector API module is not in the JVM. Rows of C are processed in tiles of
 * {@link #TILE}: for each k, every row of the tile gets the axpy {@code C(r,.) += A(r,k) B(k,.)}, so a row of B is
 * loaded once per tile rather than once per row, and the tile's C rows stay in L1. Terms with {@code A(r,k) == 0}
 * are skipped: ReLU outputs and the gradients behind inactive units are about half zeros.
 */
final class ScalarGemm extends Gemm {
    static final int TILE = 16;

    @Override
    void multiplyAdd(int m, int cols, int kLen, float[] a, int aOff, int aRs, int aKs,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        for (int r0 = 0; r0 < m; r0 += TILE) {
            int r1 = Math.min(m, r0 + TILE);
            for (int k = 0; k < kLen; k++) {
                int bo = bOff + k * ldb;
                for (int r = r0; r < r1; r++) {
                    float av = a[aOff + r * aRs + k * aKs];
                    if (av == 0f) continue;
                    int co = cOff + r * ldc;
                    for (int j = 0; j < cols; j++) c[co + j] = Math.fma(av, b[bo + j], c[co + j]);
                }
            }
        }
    }

    @Override
    void relu(float[] x, float[] y, int len) {
        for (int i = 0; i < len; i++) y[i] = Math.max(x[i], 0f);
    }

    @Override
    void reluBackward(float[] y, float[] dy, float[] dx, int len) {
        for (int i = 0; i < len; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }

    @Override
    void addColumnSums(float[] dy, int n, int cols, float[] g, int off) {
        for (int i = 0; i < n; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) g[off + j] += dy[o + j];
        }
    }

    @Override
    String name() { return "scalar (tiles of " + TILE + " rows)"; }
}
