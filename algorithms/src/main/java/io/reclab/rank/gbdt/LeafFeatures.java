package io.reclab.rank.gbdt;

import io.reclab.rank.Samples;

/**
 * Turns samples into the input of GBDT+LR's linear model: field t = tree t with one nonzero (value 1) at the
 * sample's leaf (global id = leaf offset of t + leaf index), followed, when asked, by the original fields with their
 * feature ids shifted past the leaves.
 */
final class LeafFeatures {
    private LeafFeatures() {}

    static Samples transform(FittedGbdt gbdt, Samples s, boolean original) {
        int n = s.size(), nt = gbdt.trees().size(), leaves = gbdt.totalLeaves();
        int[] leaf = gbdt.leaves(s);
        int extraFields = original ? s.numFields() : 0;
        int nnz = n * nt + (original ? s.rowPtr()[n] : 0);
        int[] ptr = new int[n + 1], ids = new int[nnz], fields = new int[nnz];
        float[] vals = new float[nnz];
        int out = 0;
        for (int r = 0; r < n; r++) {
            for (int t = 0; t < nt; t++) {
                ids[out] = leaf[r * nt + t];
                fields[out] = t;
                vals[out] = 1f;
                out++;
            }
            if (original) {
                for (int p = s.rowPtr()[r]; p < s.rowPtr()[r + 1]; p++) {
                    ids[out] = leaves + s.featIds()[p];
                    fields[out] = nt + s.featFields()[p];
                    vals[out] = s.featVals()[p];
                    out++;
                }
            }
            ptr[r + 1] = out;
        }
        String[] names = new String[nt + extraFields];
        for (int t = 0; t < nt; t++) names[t] = "tree" + t;
        for (int f = 0; f < extraFields; f++) names[nt + f] = s.fieldNames()[f];
        return new Samples(nt + extraFields, leaves + (original ? s.numFeatures() : 0), ptr, ids, vals, fields,
                s.labels(), s.users(), names);
    }
}
