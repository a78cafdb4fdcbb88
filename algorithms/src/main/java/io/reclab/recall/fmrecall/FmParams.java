package io.reclab.recall.fmrecall;

import io.reclab.nn.FmTerms;

/**
 * FM parameters (Rendle 2010): global bias {@code w0}, linear weights {@code w[n]}, factors {@code v[n×k]}
 * (row-major). Mutable during training only; fitted models copy what they need.
 */
final class FmParams {
    final int k;
    final float[] w0 = new float[1];
    final float[] w;
    final float[] v;

    FmParams(int numFeatures, int k) {
        this.k = k;
        this.w = new float[numFeatures];
        this.v = new float[numFeatures * k];
    }

    /**
     * One side's contribution: writes {@code s = sum_j v_j x_j} to {@code s[sOff..sOff+k)} and returns
     * {@code sum_j w_j x_j + (|s|^2 - sum_j |v_j|^2 x_j^2) / 2}, i.e. the side's linear terms plus all its
     * intra-side pairwise interactions, in O(k · nnz) ({@link FmTerms}).
     */
    double side(int[] ptr, int[] idx, float[] val, int e, float[] s, int sOff) {
        return FmTerms.terms(w, v, k, idx, val, ptr[e], ptr[e + 1], s, sOff);
    }

    /** y(u, i) = w0 + user-side terms + item-side terms + <s_u, s_i>. */
    double score(FmFeatures f, int u, int i, float[] scratch) {
        double a = side(f.uPtr, f.uIdx, f.uVal, u, scratch, 0);
        double b = side(f.iPtr, f.iIdx, f.iVal, i, scratch, k);
        double d = 0;
        for (int q = 0; q < k; q++) d += scratch[q] * scratch[k + q];
        return w0[0] + a + b + d;
    }
}
