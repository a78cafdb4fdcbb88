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

    Dense(int in, int out) {
        this.in = in;
        this.out = out;
        this.w = new float[in * out];
        this.b = new float[out];
    }

    /** y[yOff..yOff+out) = W x[xOff..xOff+in) + b. */
    void forward(float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0; r < out; r++) {
            float s = b[r];
            int wb = r * in;
            for (int c = 0; c < in; c++) s += w[wb + c] * x[xOff + c];
            y[yOff + r] = s;
        }
    }

    /**
     * Accumulates {@code gW += gy xᵀ}, {@code gb += gy}, and writes {@code gx = Wᵀ gy} (when gx is non-null).
     */
    void backward(float[] x, int xOff, float[] gy, int gyOff, float[] gW, float[] gb, float[] gx, int gxOff) {
        if (gx != null) java.util.Arrays.fill(gx, gxOff, gxOff + in, 0f);
        for (int r = 0; r < out; r++) {
            float g = gy[gyOff + r];
            if (g == 0f) continue;
            gb[r] += g;
            int wb = r * in;
            for (int c = 0; c < in; c++) gW[wb + c] += g * x[xOff + c];
            if (gx != null) for (int c = 0; c < in; c++) gx[gxOff + c] += w[wb + c] * g;
        }
    }
}
