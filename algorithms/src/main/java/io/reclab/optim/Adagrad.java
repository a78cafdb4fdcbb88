package io.reclab.optim;

/**
 * Adagrad (Duchi, Hazan, Singer 2011, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization", JMLR): per-coordinate step lr / sqrt(sum of squared gradients + eps).
 */
public final class Adagrad implements RowOptimizer {
    private final float[] table;
    private final float[] sumSq;
    private final int dim;
    private final float lr;
    private final float l2;
    private final float eps;

    public Adagrad(float[] table, int dim, float lr, float l2, float eps) {
        this.table = table;
        this.sumSq = new float[table.length];
        this.dim = dim;
        this.lr = lr;
        this.l2 = l2;
        this.eps = eps;
    }

    @Override
    public void step(int row, float[] grad, int off) {
        int base = row * dim;
        for (int k = 0; k < dim; k++) {
            int p = base + k;
            float g = grad[off + k] + l2 * table[p];
            sumSq[p] += g * g;
            table[p] -= lr * g / ((float) Math.sqrt(sumSq[p]) + eps);
        }
    }

    @Override public float[] table() { return table; }
    @Override public int dim() { return dim; }
}
