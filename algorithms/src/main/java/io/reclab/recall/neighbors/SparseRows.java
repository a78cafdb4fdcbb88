package io.reclab.recall.neighbors;

/**
 * A sparse weighted matrix stored by rows, as produced by neighbour selection: row {@code r} holds
 * {@code cols[indptr[r] .. indptr[r+1])} with weights {@code values[...]}, best neighbour first (ties by smaller
 * column id). Used for item-item and user-user similarity matrices. Immutable; arrays are read-only.
 */
public final class SparseRows implements java.io.Serializable {
    public final int rows;
    public final int numCols;
    public final int[] indptr;
    public final int[] cols;
    public final float[] values;

    /** The matrix whose row r holds {@code cols[r]} with {@code values[r]} (a null row is empty). */
    public static SparseRows ofRows(int numCols, int[][] cols, float[][] values) {
        int rows = cols.length;
        int[] indptr = new int[rows + 1];
        for (int r = 0; r < rows; r++) indptr[r + 1] = indptr[r] + (cols[r] == null ? 0 : cols[r].length);
        int[] c = new int[indptr[rows]];
        float[] v = new float[indptr[rows]];
        for (int r = 0; r < rows; r++) {
            if (cols[r] == null) continue;
            System.arraycopy(cols[r], 0, c, indptr[r], cols[r].length);
            System.arraycopy(values[r], 0, v, indptr[r], values[r].length);
        }
        return new SparseRows(rows, numCols, indptr, c, v);
    }

    public SparseRows(int rows, int numCols, int[] indptr, int[] cols, float[] values) {
        if (indptr.length != rows + 1 || cols.length != values.length || indptr[rows] != cols.length)
            throw new IllegalArgumentException("inconsistent sparse rows");
        this.rows = rows;
        this.numCols = numCols;
        this.indptr = indptr;
        this.cols = cols;
        this.values = values;
    }

    public int rowLength(int r) { return indptr[r + 1] - indptr[r]; }

    public int nnz() { return cols.length; }

    /** The stored weight of (r, c), or 0 when (r, c) is not among r's neighbours. */
    public float get(int r, int c) {
        for (int p = indptr[r]; p < indptr[r + 1]; p++) if (cols[p] == c) return values[p];
        return 0f;
    }

    /** {@code out[off + c] += coeff * W[r, c]} over the stored entries of row r. */
    public void addRowTo(int r, float coeff, float[] out, int off) {
        int end = indptr[r + 1];
        for (int p = indptr[r]; p < end; p++) out[off + cols[p]] += coeff * values[p];
    }

    /** Each row divided by its largest weight, so every row's best neighbour weighs 1 (empty rows stay empty). */
    public SparseRows normalizeRowsByMax() {
        float[] v = values.clone();
        for (int r = 0; r < rows; r++) {
            float max = 0f;
            for (int p = indptr[r]; p < indptr[r + 1]; p++) max = Math.max(max, v[p]);
            if (max > 0f) for (int p = indptr[r]; p < indptr[r + 1]; p++) v[p] /= max;
        }
        return new SparseRows(rows, numCols, indptr, cols, v);
    }

    /** Each row divided by the sum of its absolute weights (L1), so rows are transition probabilities. */
    public SparseRows normalizeRowsL1() {
        float[] v = values.clone();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int p = indptr[r]; p < indptr[r + 1]; p++) sum += Math.abs(v[p]);
            if (sum > 0) for (int p = indptr[r]; p < indptr[r + 1]; p++) v[p] = (float) (v[p] / sum);
        }
        return new SparseRows(rows, numCols, indptr, cols, v);
    }

    /**
     * The transpose: row c of the result holds the entries (r, c) of this matrix, in ascending r (not best first).
     * Turns "row = the item whose neighbours were kept" into "row = the history item that adds to them".
     */
    public SparseRows transpose() {
        int[] ptr = new int[numCols + 1];
        for (int c : cols) ptr[c + 1]++;
        for (int c = 0; c < numCols; c++) ptr[c + 1] += ptr[c];
        int[] fill = java.util.Arrays.copyOf(ptr, numCols);
        int[] tc = new int[cols.length];
        float[] tv = new float[cols.length];
        for (int r = 0; r < rows; r++)
            for (int p = indptr[r]; p < indptr[r + 1]; p++) {
                int q = fill[cols[p]]++;
                tc[q] = r;
                tv[q] = values[p];
            }
        return new SparseRows(numCols, rows, ptr, tc, tv);
    }
}
