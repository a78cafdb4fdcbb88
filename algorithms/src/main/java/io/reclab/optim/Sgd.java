package io.reclab.optim;

/** Plain stochastic gradient descent: w -= lr * (g + l2 * w). */
public final class Sgd implements RowOptimizer {
    private final float[] table;
    private final int dim;
    private final float lr;
    private final float l2;

    public Sgd(float[] table, int dim, float lr, float l2) {
        this.table = table;
        this.dim = dim;
        this.lr = lr;
        this.l2 = l2;
    }

    @Override
    public void step(int row, float[] grad, int off) {
        int base = row * dim;
        for (int k = 0; k < dim; k++) {
            float w = table[base + k];
            table[base + k] = w - lr * (grad[off + k] + l2 * w);
        }
    }

    @Override public float[] table() { return table; }
    @Override public int dim() { return dim; }
}
