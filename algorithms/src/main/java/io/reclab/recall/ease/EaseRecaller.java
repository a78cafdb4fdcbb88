package io.reclab.recall.ease;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.util.Parallel;
import io.reclab.recall.neighbors.SparsePattern;

import java.util.Arrays;
import java.util.Locale;

/**
 * EASE^R, a linear item-item autoencoder with a closed-form solution (Steck 2019, "Embarrassingly Shallow
 * Autoencoders for Sparse Data", WWW). Implicit feedback: X is the 0/1 user-item matrix (values ignored).
 * <pre>
 *   minimise ||X - X B||_F^2 + lambda ||B||_F^2  subject to diag(B) = 0
 *   G = X^T X + lambda I,  P = G^-1,  B_ij = -P_ij / P_jj (i != j),  B_jj = 0
 *   score(u, :) = x_u B  (the sum of B's rows over the user's items)
 * </pre>
 * B is dense items × items: the Gram matrix is built row-parallel from the sparse data in float (co-counts are
 * exact integers below 2^24), inverted in place by {@link SpdInverse} (n^3 multiply-adds, parallel, double
 * arithmetic on float storage) and turned into B in the same array, so the fit holds one n × n float matrix. Fitting refuses catalogues whose
 * matrices exceed the memory limit instead of failing with an OutOfMemoryError halfway.
 * Deterministic and identical for any thread count.
 */
public final class EaseRecaller implements Recaller {
    private final EaseConfig config;

    public EaseRecaller(EaseConfig config) {
        this.config = config;
    }

    public EaseConfig config() { return config; }

    @Override
    public Fitted fit(TrainContext context) {
        SparsePattern userItems = SparsePattern.userItems(context.train());
        int n = userItems.cols;
        checkMemory(n, config);
        int threads = Math.max(1, context.threads());
        float[] g = gram(userItems, config.lambda(), threads);
        SpdInverse.invert(g, n, threads);
        toWeights(g, n);
        return new Fitted(userItems, g);
    }

    /**
     * Bytes the fit holds at its peak: one float n × n matrix (Gram, then its inverse, then B, in place), 4 bytes per
     * entry; the inverse's double block rows add 64 × n × 8 bytes. The limit is a fraction of the heap, which
     * leaves the headroom.
     */
    static long bytesNeeded(int n) {
        return (long) n * n * 4L + 64L * n * 8L;
    }

    static void checkMemory(int n, EaseConfig config) {
        long need = bytesNeeded(n), limit = config.limitBytes();
        if ((long) n * n > Integer.MAX_VALUE - 8)
            throw new IllegalStateException("EASE needs a dense N×N matrix: N=" + n + " has " + (long) n * n
                    + " entries, more than a Java array holds (N <= 46340); reduce the item catalogue or use itemcf.");
        if (need > limit)
            throw new IllegalStateException("EASE needs a dense N×N matrix: N=" + n + " needs " + human(need)
                    + "; limit " + human(limit) + " (recall.ease.max-memory-mb"
                    + (config.maxMemoryMb() > 0 ? " = " + config.maxMemoryMb() : ", default 60% of the max heap")
                    + "). Reduce the item catalogue (e.g. drop rare items), raise the limit or -Xmx, or use a sparse model such as itemcf.");
    }

    /** Decimal GB above 1e9 bytes, else MB, one decimal. */
    static String human(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** G = X^T X + lambda I, row-major; row i accumulates the item lists of i's users. */
    static float[] gram(SparsePattern userItems, double lambda, int threads) {
        int n = userItems.cols;
        SparsePattern itemUsers = userItems.transpose();
        float[] g = new float[n * n];
        int[] up = userItems.indptr, ui = userItems.indices, ip = itemUsers.indptr, iu = itemUsers.indices;
        Parallel.forChunks(n, threads, Parallel.chunk(n, threads), () -> null, (none, from, to) -> {
            for (int i = from; i < to; i++) {
                int ro = i * n;
                for (int p = ip[i]; p < ip[i + 1]; p++) {
                    int u = iu[p];
                    for (int q = up[u]; q < up[u + 1]; q++) g[ro + ui[q]] += 1f;
                }
                g[ro + i] = (float) (g[ro + i] + lambda);
            }
        });
        return g;
    }

    /** B from P = G^-1, in place: B_ij = -P_ij / P_jj, zero diagonal. */
    static void toWeights(float[] p, int n) {
        double[] invDiag = new double[n];
        for (int j = 0; j < n; j++) invDiag[j] = 1.0 / p[j * n + j];
        for (int i = 0; i < n; i++) {
            int ro = i * n;
            for (int j = 0; j < n; j++) p[ro + j] = (float) (-p[ro + j] * invDiag[j]);
            p[ro + i] = 0f;
        }
    }

    /** Fitted EASE: the dense item-item weights B. Immutable and thread-safe. */
    public static final class Fitted implements FittedRecaller {
        private final SparsePattern userItems;
        private final float[] b;
        private final int n;

        Fitted(SparsePattern userItems, float[] b) {
            this.userItems = userItems;
            this.b = b;
            this.n = userItems.cols;
        }

        /** B[i, j] (for tests and inspection). */
        public float weight(int i, int j) { return b[i * n + j]; }

        @Override
        public int numItems() { return n; }

        @Override
        public void scoreBlock(int[] users, int from, int to, float[] out) {
            int[] ptr = userItems.indptr, idx = userItems.indices;
            for (int r = 0; r < to - from; r++) {
                int off = r * n;
                Arrays.fill(out, off, off + n, 0f);
                int u = users[from + r];
                for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                    int ro = idx[p] * n;
                    for (int j = 0; j < n; j++) out[off + j] += b[ro + j];
                }
            }
        }
    }

    @Override
    public String toString() { return config.toString(); }
}
