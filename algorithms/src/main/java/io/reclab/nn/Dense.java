package io.reclab.nn;

import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = x W + b} on a minibatch stored row-major: {@code x} is n x in,
 * {@code W} is in x out (row j holds input j's outgoing weights, so the forward pass is a sequence of
 * contiguous vectors), {@code y} is n x out. Weights live in the flat dense parameter vector; gradients are
 * accumulated (+=) into the matching offsets of a gradient vector. The products run on {@link Gemm#best()}.
 */
public final class Dense {
    private final int in;
    private final int out;
    private final int wOff;
    private final int bOff;
    private final Gemm gemm;

    /** @param bias whether the layer has a bias {@code b} (low-rank factors do not) */
    public Dense(ParamLayout layout, int in, int out, boolean bias) {
        this(layout, in, out, bias, Gemm.best());
    }

    /** With an explicit matrix-product implementation (tests compare the scalar and vector ones). */
    Dense(ParamLayout layout, int in, int out, boolean bias, Gemm gemm) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Dense needs in, out > 0: " + in + "x" + out);
        this.in = in;
        this.out = out;
        this.wOff = layout.dense(in * out);
        this.bOff = bias ? layout.dense(out) : -1;
        this.gemm = gemm;
    }

    public int in() { return in; }
    public int out() { return out; }

    /** Glorot/Xavier uniform weights (Glorot and Bengio 2010), zero bias. */
    public void init(float[] p, RandomGenerator rng) {
        double a = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < in * out; i++) p[wOff + i] = (float) ((rng.nextDouble() * 2 - 1) * a);
        if (bOff >= 0) for (int o = 0; o < out; o++) p[bOff + o] = 0f;
    }

    /** y[n x out] = x[n x in] W + b (see {@link Gemm} for the summation order, the same on every path). */
    public void forward(float[] p, float[] x, int n, float[] y) {
        gemm.forward(p, wOff, bOff, x, n, in, out, y);
    }

    /**
     * Given dL/dy, adds dL/dW = x^T dy and dL/db = column sums of dy into {@code g} and, if {@code dx} is not
     * null, writes dL/dx = dy W^T (n x in).
     */
    public void backward(float[] p, float[] x, float[] dy, int n, float[] dx, float[] g) {
        if (bOff >= 0) gemm.addColumnSums(dy, n, out, g, bOff);
        gemm.backwardWeights(x, dy, n, in, out, g, wOff);
        if (dx != null) gemm.backwardData(p, wOff, dy, n, in, out, dx);
    }

    /** Offset of weight (j, o) in the dense vector (for tests and diagnostics). */
    public int weightOffset(int j, int o) { return wOff + j * out + o; }

    /** Offset of bias o in the dense vector, or -1 without bias. */
    public int biasOffset(int o) { return bOff < 0 ? -1 : bOff + o; }
}
