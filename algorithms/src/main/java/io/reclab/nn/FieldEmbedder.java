package io.reclab.nn;

import io.reclab.rank.Samples;

/**
 * Turns field-aware sparse samples into a dense [batch x numFields x k] tensor: the embedding of field f is
 * sum over the sample's nonzeros p in f of value_p * row(feature_p). One-hot fields give their row; multi-valued
 * fields with values 1/n give the mean of their rows (mean pooling); a numeric field gives value x its row;
 * an absent field gives zeros.
 */
public final class FieldEmbedder {
    private final EmbeddingTable table;
    private final int numFields;

    public FieldEmbedder(EmbeddingTable table, int numFields) {
        this.table = table;
        this.numFields = numFields;
    }

    public int numFields() { return numFields; }
    public int dim() { return table.dim(); }
    public int width() { return numFields * table.dim(); }
    public EmbeddingTable table() { return table; }

    /** out[(i*F + f)*k + c] for samples rows[from..to) (i = 0-based position in the block). */
    public void forward(Params p, Samples s, int[] rows, int from, int to, float[] out) {
        int k = table.dim(), w = numFields * k;
        float[] e = p.tables[table.index()];
        int[] ptr = s.rowPtr(), ids = s.featIds(), fl = s.featFields();
        float[] vals = s.featVals();
        java.util.Arrays.fill(out, 0, (to - from) * w, 0f);
        for (int i = from; i < to; i++) {
            int r = rows[i], base = (i - from) * w;
            for (int q = ptr[r], end = ptr[r + 1]; q < end; q++) {
                int o = base + fl[q] * k, eo = ids[q] * k;
                float v = vals[q];
                for (int c = 0; c < k; c++) out[o + c] += v * e[eo + c];
            }
        }
    }

    /** Adds dL/d(row) = sum over uses of value * dL/d(field embedding) into the slot-major table gradient. */
    public void backward(Samples s, int[] rows, int from, int to, float[] dOut, Grads g) {
        int k = table.dim(), w = numFields * k;
        float[] gt = g.table(table.index());
        int[] ptr = s.rowPtr(), ids = s.featIds(), fl = s.featFields();
        float[] vals = s.featVals();
        for (int i = from; i < to; i++) {
            int r = rows[i], base = (i - from) * w;
            for (int q = ptr[r], end = ptr[r + 1]; q < end; q++) {
                int o = base + fl[q] * k, go = g.slot(ids[q]) * k;
                float v = vals[q];
                for (int c = 0; c < k; c++) gt[go + c] += v * dOut[o + c];
            }
        }
    }
}
