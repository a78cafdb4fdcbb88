package io.reclab.recall.fmrecall;

import io.reclab.recall.embedding.EmbeddingRecaller;

/**
 * Splits a trained FM into two towers of (k+2)-dimensional vectors whose inner product is the full FM score:
 * {@code U_u = [s_u, 1, w0 + lin_u + intra_u]} and {@code I_i = [s_i, lin_i + intra_i, 1]}, where {@code s} is a
 * side's sum of v_j x_j, {@code lin} its linear terms and {@code intra} its intra-side pairwise interactions. Then
 * {@code <U_u, I_i> = w0 + lin_u + lin_i + intra_u + intra_i + <s_u, s_i> = y(u, i)} exactly, so full ranking, and
 * the maximum-inner-product (HNSW) index of an {@link EmbeddingRecaller}, rank as the FM does.
 */
final class FmVectors {
    private FmVectors() {}

    /** The exact-retrieval model of the current parameters (copies: later training does not change it). */
    static EmbeddingRecaller of(FmParams p, FmFeatures f) {
        int k = p.k, d = k + 2;
        float[] u = new float[f.numUsers * d];
        float[] it = new float[f.numItems * d];
        for (int e = 0; e < f.numUsers; e++) {
            double t = p.side(f.uPtr, f.uIdx, f.uVal, e, u, e * d);
            u[e * d + k] = 1f;
            u[e * d + k + 1] = (float) (p.w0[0] + t);
        }
        for (int e = 0; e < f.numItems; e++) {
            double t = p.side(f.iPtr, f.iIdx, f.iVal, e, it, e * d);
            it[e * d + k] = (float) t;
            it[e * d + k + 1] = 1f;
        }
        return EmbeddingRecaller.exact(d, u, it, null);
    }
}
