package io.reclab.recall.als;

import io.reclab.data.Csr;
import io.reclab.data.Interactions;

/**
 * The sparse part of implicit ALS's weights: for each observed pair, {@code c_ui - 1 = alpha * r_ui}, stored by
 * user and by item with duplicate pairs merged (values summed when {@code use-values}, else r = 1).
 * Unobserved pairs have c = 1 and preference 0 and are never stored.
 */
final class ConfidenceMatrix {
    final Csr byUser;
    final Csr byItem;

    private ConfidenceMatrix(Csr byUser, Csr byItem) {
        this.byUser = byUser;
        this.byItem = byItem;
    }

    static ConfidenceMatrix build(Interactions train, double alpha, boolean useValues) {
        Csr raw = train.byUser();
        int nnz = 0;
        int[] indptr = new int[raw.rows + 1];
        int[] idx = new int[raw.nnz()];
        float[] val = new float[raw.nnz()];
        for (int u = 0; u < raw.rows; u++) {
            for (int q = raw.indptr[u]; q < raw.indptr[u + 1]; q++) {
                float r = useValues ? raw.values[q] : 1f;
                if (useValues && !(r >= 0) || Float.isInfinite(r))
                    throw new IllegalArgumentException("implicit ALS with use-values needs finite values >= 0; user "
                            + train.users().external(u) + ", item " + train.items().external(raw.indices[q]) + " has " + r);
                if (nnz > indptr[u] && idx[nnz - 1] == raw.indices[q]) {
                    if (useValues) val[nnz - 1] += r;
                } else {
                    idx[nnz] = raw.indices[q];
                    val[nnz++] = r;
                }
            }
            indptr[u + 1] = nnz;
        }
        for (int p = 0; p < nnz; p++) val[p] = (float) (alpha * val[p]);
        int[] rows = new int[nnz];
        for (int u = 0; u < raw.rows; u++) for (int p = indptr[u]; p < indptr[u + 1]; p++) rows[p] = u;
        int[] cols = java.util.Arrays.copyOf(idx, nnz);
        float[] vals = java.util.Arrays.copyOf(val, nnz);
        Csr byUser = Csr.fromCoo(raw.rows, raw.cols, rows, cols, vals);
        Csr byItem = Csr.fromCoo(raw.cols, raw.rows, cols, rows, vals);
        return new ConfidenceMatrix(byUser, byItem);
    }
}
