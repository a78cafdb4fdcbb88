package io.reclab.recall.neighbors;

import io.reclab.data.Csr;
import io.reclab.data.Interactions;

/**
 * The 0/1 pattern of a sparse matrix in CSR form: row {@code r} holds the distinct column ids
 * {@code indices[indptr[r] .. indptr[r+1])}, ascending. Neighbourhood models read the training log as implicit
 * feedback through this type: repeated interactions of a user with an item collapse to one, and values are ignored.
 * Immutable; arrays are exposed for hot loops and must be treated as read-only.
 */
public final class SparsePattern implements java.io.Serializable {
    public final int rows;
    public final int cols;
    public final int[] indptr;
    public final int[] indices;

    public SparsePattern(int rows, int cols, int[] indptr, int[] indices) {
        if (indptr.length != rows + 1)
            throw new IllegalArgumentException("indptr length " + indptr.length + " != rows+1 " + (rows + 1));
        if (indptr[rows] != indices.length)
            throw new IllegalArgumentException("indptr[rows] " + indptr[rows] + " != indices length " + indices.length);
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
    }

    /** Users × items, duplicates removed (any interaction counts as 1). */
    public static SparsePattern userItems(Interactions log) {
        return dedupe(log.byUser());
    }

    /**
     * Drops repeated columns within each row. {@link Csr} rows are sorted by column, so duplicates are adjacent.
     */
    static SparsePattern dedupe(Csr csr) {
        int[] ptr = new int[csr.rows + 1];
        int[] idx = new int[csr.nnz()];
        int n = 0;
        for (int r = 0; r < csr.rows; r++) {
            int prev = -1;
            for (int p = csr.indptr[r]; p < csr.indptr[r + 1]; p++) {
                int c = csr.indices[p];
                if (c != prev) idx[n++] = c;
                prev = c;
            }
            ptr[r + 1] = n;
        }
        return new SparsePattern(csr.rows, csr.cols, ptr, n == idx.length ? idx : java.util.Arrays.copyOf(idx, n));
    }

    /** Columns × rows; rows of the result stay sorted because rows are visited in order. */
    public SparsePattern transpose() {
        int[] ptr = new int[cols + 1];
        for (int c : indices) ptr[c + 1]++;
        for (int c = 0; c < cols; c++) ptr[c + 1] += ptr[c];
        int[] fill = java.util.Arrays.copyOf(ptr, cols);
        int[] idx = new int[indices.length];
        for (int r = 0; r < rows; r++)
            for (int p = indptr[r]; p < indptr[r + 1]; p++) idx[fill[indices[p]]++] = r;
        return new SparsePattern(cols, rows, ptr, idx);
    }

    public int degree(int r) { return indptr[r + 1] - indptr[r]; }

    public int nnz() { return indices.length; }

    /** Degrees of all rows. */
    public int[] degrees() {
        int[] d = new int[rows];
        for (int r = 0; r < rows; r++) d[r] = indptr[r + 1] - indptr[r];
        return d;
    }

    public int[] row(int r) { return java.util.Arrays.copyOfRange(indices, indptr[r], indptr[r + 1]); }
}
