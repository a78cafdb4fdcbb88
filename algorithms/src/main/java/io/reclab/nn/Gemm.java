package io.reclab.nn;

/**
 * The matrix products behind {@link Dense}: forward {@code Y = X W + b}, backward {@code dX = dY W^T} and
 * {@code dW += X^T dY}, all on row-major float arrays, reduced to one primitive {@link #multiplyAdd}; plus the
 * element-wise loops around them that the JIT does not vectorise on its own (ReLU and its gradient, bias sums).
 * <p>
 * Contract shared by every implementation, so that they produce bit-identical floats (for finite inputs): each
 * element of C accumulates {@code c = fma(A(r,k), B(k,c), c)} over {@code k} ascending, starting from its current
 * value. An implementation may skip terms whose {@code A(r,k)} is exactly zero (that leaves c unchanged), and
 * may split the k range into blocks, storing and reloading c in between (which is exact). Results therefore never
 * depend on tiling, vector width or thread count.
 * <p>
 * {@link #best()} is the {@link VectorGemm} (JDK Vector API) when the incubator module was resolved at startup
 * ({@code --add-modules jdk.incubator.vector}, which the build and the {@code reclab} launcher pass), else the
 * {@link ScalarGemm}. This class never names a Vector API type, so it loads without the module.
 */
abstract class Gemm {
    private static final boolean VECTOR = probe();
    private static final Gemm BEST = VECTOR ? VectorGemm.create() : new ScalarGemm();
    private static final Gemm SCALAR = BEST instanceof ScalarGemm ? BEST : new ScalarGemm();

    /** Per-thread buffer for W^T (backward data): W changes every step, so it is transposed per call. */
    private static final ThreadLocal<float[]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[0]);

    private static boolean probe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            // narrower than 128 bits the register-blocked kernel has no advantage over the scalar one
            return VectorGemm.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The fastest available implementation. */
    static Gemm best() { return BEST; }

    /** The plain-Java implementation (the fallback, and the reference the vector one is tested against). */
    static Gemm scalar() { return SCALAR; }

    /** The Vector API implementation, or null when the module is absent. */
    static Gemm vector() { return VECTOR ? BEST : null; }

    /**
     * C += A B over an m x cols block of C, with k running over {@code kLen}:
     * {@code A(r,k) = a[aOff + r*aRs + k*aKs]}, {@code B(k,j) = b[bOff + k*ldb + j]},
     * {@code C(r,j) = c[cOff + r*ldc + j]}. A's strides are free (so X^T needs no copy); B's rows must be
     * contiguous, as they are what gets loaded as vectors.
     */
    abstract void multiplyAdd(int m, int cols, int kLen, float[] a, int aOff, int aRs, int aKs,
                              float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /** y = max(x, 0) element-wise (NaN stays NaN); {@code y} may be {@code x}. */
    abstract void relu(float[] x, float[] y, int len);

    /** dx = y &gt; 0 ? dy : 0 element-wise; {@code dx} may be {@code dy}. */
    abstract void reluBackward(float[] y, float[] dy, float[] dx, int len);

    /** g[off + j] += sum over rows i ascending of dy[i * cols + j] (a bias gradient). */
    abstract void addColumnSums(float[] dy, int n, int cols, float[] g, int off);

    /** A short name, for benchmark output. */
    abstract String name();

    /** y[n x out] = x[n x in] W + b, W = w[wOff ..] row-major in x out, bias at {@code bOff} (or none if -1). */
    final void forward(float[] w, int wOff, int bOff, float[] x, int n, int in, int out, float[] y) {
        for (int i = 0; i < n; i++) {
            if (bOff >= 0) System.arraycopy(w, bOff, y, i * out, out);
            else java.util.Arrays.fill(y, i * out, i * out + out, 0f);
        }
        multiplyAdd(n, out, in, x, 0, in, 1, w, wOff, out, y, 0, out);
    }

    /** dx[n x in] = dy[n x out] W^T. */
    final void backwardData(float[] w, int wOff, float[] dy, int n, int in, int out, float[] dx) {
        float[] wt = TRANSPOSED.get();
        if (wt.length < in * out) {
            wt = new float[in * out];
            TRANSPOSED.set(wt);
        }
        transpose(w, wOff, in, out, wt);
        java.util.Arrays.fill(dx, 0, n * in, 0f);
        multiplyAdd(n, in, out, dy, 0, out, 1, wt, 0, in, dx, 0, in);
    }

    /** g[wOff ..] (in x out) += x^T dy: the chain over samples runs in sample order. */
    final void backwardWeights(float[] x, float[] dy, int n, int in, int out, float[] g, int wOff) {
        multiplyAdd(in, out, n, x, 0, 1, in, dy, 0, out, g, wOff, out);
    }

    /** t[o * in + j] = w[wOff + j * out + o], in blocks so both sides stay in cache. */
    static void transpose(float[] w, int wOff, int in, int out, float[] t) {
        final int B = 32;
        for (int j0 = 0; j0 < in; j0 += B) {
            int j1 = Math.min(in, j0 + B);
            for (int o0 = 0; o0 < out; o0 += B) {
                int o1 = Math.min(out, o0 + B);
                for (int j = j0; j < j1; j++) {
                    int src = wOff + j * out;
                    for (int o = o0; o < o1; o++) t[o * in + j] = w[src + o];
                }
            }
        }
    }
}
