package io.reclab.rank;

/**
 * Encoded samples for ranking (CTR) models, in a field-aware sparse layout: sample s owns nonzeros
 * {@code rowPtr[s] .. rowPtr[s+1]-1}; nonzero p is feature {@code featIds[p]} (global dense id in
 * {@code 0..numFeatures-1}) with value {@code featVals[p]} in field {@code featFields[p]} ({@code 0..numFields-1}).
 * A one-hot categorical field has one nonzero with value 1; a multi-valued field (genres) has several with values
 * 1/n (mean pooling) or 1 (sum pooling); a numeric field has one nonzero carrying the transformed number.
 * Within a sample, nonzeros are ordered by field. {@code users[s]} is the sample's user (for GAUC), or -1.
 *
 * @param fieldNames names of the fields, index = field id
 */
public record Samples(int numFields, int numFeatures, int[] rowPtr, int[] featIds, float[] featVals, int[] featFields,
                      float[] labels, int[] users, String[] fieldNames) {
    public Samples {
        int n = labels.length;
        if (rowPtr.length != n + 1) throw new IllegalArgumentException("rowPtr length " + rowPtr.length + " != samples+1 " + (n + 1));
        int nnz = rowPtr[n];
        if (featIds.length != nnz || featVals.length != nnz || featFields.length != nnz)
            throw new IllegalArgumentException("nonzero arrays must have length " + nnz);
        if (users.length != n) throw new IllegalArgumentException("users length " + users.length + " != samples " + n);
        if (fieldNames.length != numFields) throw new IllegalArgumentException("fieldNames length != numFields");
    }

    public int size() { return labels.length; }

    /** The samples listed (in that order), same feature space. */
    public Samples select(int[] rows) {
        int n = rows.length;
        int[] ptr = new int[n + 1];
        for (int i = 0; i < n; i++) ptr[i + 1] = ptr[i] + (rowPtr[rows[i] + 1] - rowPtr[rows[i]]);
        int nnz = ptr[n];
        int[] ids = new int[nnz], fl = new int[nnz];
        float[] vals = new float[nnz];
        float[] lab = new float[n];
        int[] us = new int[n];
        for (int i = 0; i < n; i++) {
            int r = rows[i], s = rowPtr[r], len = rowPtr[r + 1] - s;
            System.arraycopy(featIds, s, ids, ptr[i], len);
            System.arraycopy(featVals, s, vals, ptr[i], len);
            System.arraycopy(featFields, s, fl, ptr[i], len);
            lab[i] = labels[r];
            us[i] = users[r];
        }
        return new Samples(numFields, numFeatures, ptr, ids, vals, fl, lab, us, fieldNames);
    }
}
