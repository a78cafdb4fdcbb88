package io.reclab.optim;

/**
 * Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR) with lazy sparse updates: the
 * moments of a row advance only when the row receives a gradient, and bias correction uses that row's own step
 * count. For dense tables (every row updated every step) this is exactly Adam; for embeddings it is the "lazy
 * Adam" used by TensorFlow and PyTorch's SparseAdam, which avoids O(table) work per step.
 */
public final class Adam implements RowOptimizer {
    private final float[] table;
    private final float[] m;
    private final float[] v;
    private final int[] steps;
    private final int dim;
    private final float lr;
    private final float l2;
    private final float beta1;
    private final float beta2;
    private final float eps;
    /**
     * beta1^t and beta2^t by step count t, so a row's bias correction is two loads, not two {@code Math.pow} calls
     * (which were the bulk of a sparse step: a BPR batch touches thousands of rows). Filled with the same
     * {@code Math.pow} values, so results are unchanged; grown by whichever worker first needs a larger t and
     * published whole through the volatile field, so concurrent workers only ever read complete tables.
     */
    private volatile double[][] powers = {new double[0], new double[0]};

    public Adam(float[] table, int dim, float lr, float l2, float beta1, float beta2, float eps) {
        this.table = table;
        this.m = new float[table.length];
        this.v = new float[table.length];
        this.steps = new int[table.length / dim];
        this.dim = dim;
        this.lr = lr;
        this.l2 = l2;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step(int row, float[] grad, int off) {
        int t = ++steps[row];
        double[][] pw = powers;
        if (t >= pw[0].length) pw = grow(t);
        double c1 = 1 - pw[0][t];
        double c2 = 1 - pw[1][t];
        float stepSize = (float) (lr * Math.sqrt(c2) / c1);
        float epsHat = (float) (eps * Math.sqrt(c2));
        int base = row * dim;
        for (int k = 0; k < dim; k++) {
            int p = base + k;
            float g = grad[off + k] + l2 * table[p];
            m[p] = beta1 * m[p] + (1 - beta1) * g;
            v[p] = beta2 * v[p] + (1 - beta2) * g * g;
            table[p] -= stepSize * m[p] / ((float) Math.sqrt(v[p]) + epsHat);
        }
    }

    private double[][] grow(int t) {
        int n = Math.max(t + 1, 2 * powers[0].length);
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.pow(beta1, i);
            b[i] = Math.pow(beta2, i);
        }
        double[][] pw = {a, b};
        powers = pw;
        return pw;
    }

    @Override public float[] table() { return table; }
    @Override public int dim() { return dim; }
}
