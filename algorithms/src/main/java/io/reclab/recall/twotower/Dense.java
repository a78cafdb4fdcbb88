package io.reclab.recall.twotower;

/**
 * A fully connected layer {@code y = W x + b} (W row-major out × in) with explicit per-sample forward and backward
 * passes. Parameters live in plain arrays so the shared row optimizers can update them (W as {@code out} rows of
 * {@code in}, b as one row of {@code out}). Kept private to the two-tower package on purpose: small and exact.
 */
final class Dense {
    final int in;
    final int out;
    final float[] w;
    final float[] b;
    /** Wᵀ (in × out), the layout of {@link #forwardT}; valid after {@link #transpose()}. */
    final float[] wt;

    Dense(int in, int out) {
        this.in = in;
        this.out = out;
        this.w = new float[in * out];
        this.b = new float[out];
        this.wt = new float[in * out];
    }

    /** Copies W into {@link #wt}; call whenever W has changed and before {@link #forwardT}. */
    void transpose() {
        for (int r = 0; r < out; r++) {
            int wb = r * in;
            for (int c = 0; c < in; c++) wt[c * out + r] = w[wb + c];
        }
    }

    /**
     * The same y = W x + b as {@link #forward} (same summation order, so the same floats), computed from Wᵀ as
     * one multiply-add of a contiguous row of Wᵀ into y per input: that loop vectorises, unlike a dot product,
     * and zero inputs (ReLU cut-offs, about half of a hidden layer) are skipped outright.
     */
    void forwardT(float[] x, int xOff, float[] y, int yOff) {
        System.arraycopy(b, 0, y, yOff, out);
        for (int c = 0; c < in; c++) {
            float xc = x[xOff + c];
            if (xc == 0f) continue;
            int tb = c * out;
            for (int r = 0; r < out; r++) y[yOff + r] += xc * wt[tb + r];
        }
    }

    /**
     * y[yOff..yOff+out) = W x[xOff..xOff+in) + b, straight from W (the reference for {@link #forwardT}). Four
     * output rows at a time with independent accumulators: one dependent chain of float additions per dot
     * product would run at the adder's latency.
     */
    void forward(float[] x, int xOff, float[] y, int yOff) {
        int r = 0;
        for (; r + 3 < out; r += 4) {
            int w0 = r * in, w1 = w0 + in, w2 = w1 + in, w3 = w2 + in;
            float s0 = b[r], s1 = b[r + 1], s2 = b[r + 2], s3 = b[r + 3];
            for (int c = 0; c < in; c++) {
                float xc = x[xOff + c];
                s0 += w[w0 + c] * xc;
                s1 += w[w1 + c] * xc;
                s2 += w[w2 + c] * xc;
                s3 += w[w3 + c] * xc;
            }
            y[yOff + r] = s0; y[yOff + r + 1] = s1; y[yOff + r + 2] = s2; y[yOff + r + 3] = s3;
        }
        for (; r < out; r++) {
            float s = b[r];
            int wb = r * in;
            for (int c = 0; c < in; c++) s += w[wb + c] * x[xOff + c];
            y[yOff + r] = s;
        }
    }

    /**
     * Accumulates {@code gW += gy xᵀ}, {@code gb += gy}, and writes {@code gx = Wᵀ gy} (when gx is non-null).
     * Both updates of a row run in one pass over the inputs (two independent multiply-adds per element, which
     * the JIT vectorises); rows with a zero gradient (ReLU cut-offs) are skipped.
     */
    void backward(float[] x, int xOff, float[] gy, int gyOff, float[] gW, float[] gb, float[] gx, int gxOff) {
        if (gx != null) java.util.Arrays.fill(gx, gxOff, gxOff + in, 0f);
        for (int r = 0; r < out; r++) {
            float g = gy[gyOff + r];
            if (g == 0f) continue;
            gb[r] += g;
            int wb = r * in;
            if (gx == null) {
                for (int c = 0; c < in; c++) gW[wb + c] += g * x[xOff + c];
            } else {
                for (int c = 0; c < in; c++) {
                    gW[wb + c] += g * x[xOff + c];
                    gx[gxOff + c] += w[wb + c] * g;
                }
            }
        }
    }
}
