package io.reclab.recall.twotower;

import io.reclab.optim.RowOptimizer;

import java.util.Arrays;

/**
 * Gradient of one embedding table over a minibatch: a dense buffer plus the list of touched rows, so merging
 * per-thread buffers and applying the optimizer cost O(touched rows), not O(table).
 */
final class EmbeddingGrad {
    final int dim;
    final float[] g;
    private final boolean[] mark;
    private int[] touched = new int[64];
    private int n;

    EmbeddingGrad(int rows, int dim) {
        this.dim = dim;
        this.g = new float[rows * dim];
        this.mark = new boolean[rows];
    }

    /** g[row] += w · v[off..off+dim). */
    void add(int row, float[] v, int off, float w) {
        if (!mark[row]) {
            mark[row] = true;
            if (n == touched.length) touched = Arrays.copyOf(touched, 2 * n);
            touched[n++] = row;
        }
        int b = row * dim;
        for (int k = 0; k < dim; k++) g[b + k] += w * v[off + k];
    }

    /** Adds this buffer into {@code o} and clears this one. */
    void moveInto(EmbeddingGrad o) {
        for (int q = 0; q < n; q++) {
            int r = touched[q];
            o.add(r, g, r * dim, 1f);
            Arrays.fill(g, r * dim, (r + 1) * dim, 0f);
            mark[r] = false;
        }
        n = 0;
    }

    /** One optimizer step on every touched row, then clears. Rows are independent, so order does not matter. */
    void applyAndClear(RowOptimizer opt) {
        for (int q = 0; q < n; q++) {
            int r = touched[q];
            opt.step(r, g, r * dim);
        }
        clear();
    }

    void clear() {
        for (int q = 0; q < n; q++) {
            int r = touched[q];
            Arrays.fill(g, r * dim, (r + 1) * dim, 0f);
            mark[r] = false;
        }
        n = 0;
    }
}
