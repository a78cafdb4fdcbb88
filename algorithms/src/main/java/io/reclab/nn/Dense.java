package io.reclab.nn;

import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = x W + b} on a minibatch stored row-major: {@code x} is n x in,
 * {@code W} is in x out (row j holds input j's outgoing weights, so the forward pass is a sequence of
 * contiguous axpy's), {@code y} is n x out. Weights live in the flat dense parameter vector; gradients are
 * accumulated (+=) into the matching offsets of a gradient vector.
 */
public final class Dense {
    /** Samples per tile: their output rows (TILE x out floats) stay in L1 while a weight row is applied. */
    static final int TILE = 16;
    private final int in;
    private final int out;
    private final int wOff;
    private final int bOff;

    /** @param bias whether the layer has a bias {@code b} (low-rank factors do not) */
    public Dense(ParamLayout layout, int in, int out, boolean bias) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Dense needs in, out > 0: " + in + "x" + out);
        this.in = in;
        this.out = out;
        this.wOff = layout.dense(in * out);
        this.bOff = bias ? layout.dense(out) : -1;
    }

    public int in() { return in; }
    public int out() { return out; }

    /** Glorot/Xavier uniform weights (Glorot and Bengio 2010), zero bias. */
    public void init(float[] p, RandomGenerator rng) {
        double a = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < in * out; i++) p[wOff + i] = (float) ((rng.nextDouble() * 2 - 1) * a);
        if (bOff >= 0) for (int o = 0; o < out; o++) p[bOff + o] = 0f;
    }

    /**
     * y[n x out] = x[n x in] W + b. Rows are processed in tiles of {@link #TILE} so each weight row is loaded
     * once per tile rather than once per sample (W of a 400x400 layer does not fit in L1/L2); the inner loops
     * are contiguous axpy's that the JIT vectorises.
     */
    public void forward(float[] p, float[] x, int n, float[] y) {
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int i = i0; i < i1; i++) {
                if (bOff >= 0) System.arraycopy(p, bOff, y, i * out, out);
                else java.util.Arrays.fill(y, i * out, i * out + out, 0f);
            }
            for (int j = 0; j < in; j++) {
                int wo = wOff + j * out;
                for (int i = i0; i < i1; i++) {
                    float xv = x[i * in + j];
                    if (xv == 0f) continue; // ReLU outputs and dropout leave many exact zeros
                    int yo = i * out;
                    for (int o = 0; o < out; o++) y[yo + o] += xv * p[wo + o];
                }
            }
        }
    }

    /**
     * Given dL/dy, adds dL/dW and dL/db into {@code g} and, if {@code dx} is not null, writes dL/dx (n x in).
     * dL/dx = dy W^T is computed against a transposed copy of W so that it, too, is a sum of contiguous axpy's
     * rather than dot products (which the JIT does not vectorise).
     */
    public void backward(float[] p, float[] x, float[] dy, int n, float[] dx, float[] g) {
        if (bOff >= 0) {
            for (int i = 0; i < n; i++) {
                int yo = i * out;
                for (int o = 0; o < out; o++) g[bOff + o] += dy[yo + o];
            }
        }
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int j = 0; j < in; j++) {
                int wo = wOff + j * out;
                for (int i = i0; i < i1; i++) {
                    float xv = x[i * in + j];
                    if (xv == 0f) continue;
                    int yo = i * out;
                    for (int o = 0; o < out; o++) g[wo + o] += xv * dy[yo + o];
                }
            }
        }
        if (dx == null) return;
        float[] wt = new float[in * out];
        for (int j = 0; j < in; j++) {
            int wo = wOff + j * out;
            for (int o = 0; o < out; o++) wt[o * in + j] = p[wo + o];
        }
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            java.util.Arrays.fill(dx, i0 * in, i1 * in, 0f);
            for (int o = 0; o < out; o++) {
                int to = o * in;
                for (int i = i0; i < i1; i++) {
                    float d = dy[i * out + o];
                    if (d == 0f) continue; // rows behind inactive ReLUs
                    int xo = i * in;
                    for (int j = 0; j < in; j++) dx[xo + j] += d * wt[to + j];
                }
            }
        }
    }

    /** Offset of weight (j, o) in the dense vector (for tests and diagnostics). */
    public int weightOffset(int j, int o) { return wOff + j * out + o; }

    /** Offset of bias o in the dense vector, or -1 without bias. */
    public int biasOffset(int o) { return bOff < 0 ? -1 : bOff + o; }
}
