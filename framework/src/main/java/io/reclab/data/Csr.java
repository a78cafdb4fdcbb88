package io.reclab.data;

/**
 * Compressed sparse rows: row r owns positions {@code indptr[r] .. indptr[r+1]-1} of {@code indices} (column ids,
 * sorted ascending within a row) and {@code values}. {@code source[p]} is the row of the originating interaction in
 * the columnar log, so per-interaction data (time) can be reached from the matrix.
 * Arrays are exposed for speed in hot loops; callers must treat them as read-only.
 */
public final class Csr implements java.io.Serializable {
    public final int rows;
    public final int cols;
    public final int[] indptr;
    public final int[] indices;
    public final float[] values;
    public final int[] source;

    public Csr(int rows, int cols, int[] indptr, int[] indices, float[] values, int[] source) {
        if (indptr.length != rows + 1) throw new IllegalArgumentException("indptr length " + indptr.length + " != rows+1 " + (rows + 1));
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.values = values;
        this.source = source;
    }

    /**
     * Builds a CSR from coordinate lists; duplicates are kept as separate entries (dedupe before if needed).
     * Two stable counting sorts (by column, then by row) give rows sorted by column in O(n + rows + cols),
     * with ties in original order so that the result is deterministic.
     */
    public static Csr fromCoo(int rows, int cols, int[] r, int[] c, float[] v) {
        int n = r.length;
        int[] colPtr = new int[cols + 1];
        for (int i = 0; i < n; i++) colPtr[c[i] + 1]++;
        for (int i = 0; i < cols; i++) colPtr[i + 1] += colPtr[i];
        int[] byCol = new int[n];
        for (int i = 0; i < n; i++) byCol[colPtr[c[i]]++] = i;
        int[] indptr = new int[rows + 1];
        for (int i = 0; i < n; i++) indptr[r[i] + 1]++;
        for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
        int[] fill = indptr.clone();
        int[] idx = new int[n];
        float[] val = new float[n];
        int[] src = new int[n];
        for (int k = 0; k < n; k++) {
            int i = byCol[k];
            int p = fill[r[i]]++;
            idx[p] = c[i];
            val[p] = v == null ? 1f : v[i];
            src[p] = i;
        }
        return new Csr(rows, cols, indptr, idx, val, src);
    }

    public int rowStart(int r) { return indptr[r]; }
    public int rowEnd(int r) { return indptr[r + 1]; }

    /** End of the run of equal column indices that starts at {@code p} (rows list repeated columns next to each other). */
    public int runEnd(int p, int rowEnd) {
        int q = p + 1;
        while (q < rowEnd && indices[q] == indices[p]) q++;
        return q;
    }
    public int rowLength(int r) { return indptr[r + 1] - indptr[r]; }
    public int nnz() { return indptr[rows]; }

    /** True if (r, c) is stored; binary search over the sorted row. */
    public boolean contains(int r, int c) {
        return java.util.Arrays.binarySearch(indices, indptr[r], indptr[r + 1], c) >= 0;
    }

    /** Copy of row r's column ids. */
    public int[] row(int r) { return java.util.Arrays.copyOfRange(indices, indptr[r], indptr[r + 1]); }
}
