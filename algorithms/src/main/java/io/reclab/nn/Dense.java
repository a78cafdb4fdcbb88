package io.reclab.nn;

import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = x W + b} on a minibatch stored row-major: {@code x} is n x in,
 * {@code W} is in x out (row j holds input j's outgoing weights, so the forward pass is a sequence of
 * contiguous axpy's), {@code y} is n x out. Weights live in the flat dense parameter vector; gradients are
 * accumulated (+=) into the matching offsets of a gradient vector.
 */
public final class Dense {
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

    /** y[n x out] = x[n x in] W + b. */
    public void forward(float[] p, float[] x, int n, float[] y) {
        for (int i = 0; i < n; i++) {
            int yo = i * out, xo = i * in;
            if (bOff >= 0) System.arraycopy(p, bOff, y, yo, out);
            else java.util.Arrays.fill(y, yo, yo + out, 0f);
            for (int j = 0; j < in; j++) {
                float xv = x[xo + j];
                if (xv == 0f) continue; // ReLU outputs and dropout leave many exact zeros
                int wo = wOff + j * out;
                for (int o = 0; o < out; o++) y[yo + o] += xv * p[wo + o];
            }
        }
    }

    /**
     * Given dL/dy, adds dL/dW and dL/db into {@code g} and, if {@code dx} is not null, writes dL/dx (n x in).
     */
    public void backward(float[] p, float[] x, float[] dy, int n, float[] dx, float[] g) {
        for (int i = 0; i < n; i++) {
            int yo = i * out, xo = i * in;
            if (bOff >= 0) for (int o = 0; o < out; o++) g[bOff + o] += dy[yo + o];
            for (int j = 0; j < in; j++) {
                float xv = x[xo + j];
                int wo = wOff + j * out;
                if (xv != 0f) for (int o = 0; o < out; o++) g[wo + o] += xv * dy[yo + o];
                if (dx != null) {
                    float s = 0f;
                    for (int o = 0; o < out; o++) s += dy[yo + o] * p[wo + o];
                    dx[xo + j] = s;
                }
            }
        }
    }

    /** Offset of weight (j, o) in the dense vector (for tests and diagnostics). */
    public int weightOffset(int j, int o) { return wOff + j * out + o; }

    /** Offset of bias o in the dense vector, or -1 without bias. */
    public int biasOffset(int o) { return bOff < 0 ? -1 : bOff + o; }
}
