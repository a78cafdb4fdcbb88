package io.reclab.nn;

/**
 * The factorization machine's arithmetic (Rendle 2010, "Factorization Machines", ICDM), shared by the CTR ranker
 * ({@code rank.fm}) and FM used for matching ({@code recall.fmrecall}), which train it differently (pointwise
 * log loss over samples; pairwise or sampled losses over a user side and an item side). Over a sparse input x:
 * {@code sum_{i<j} <v_i, v_j> x_i x_j = 1/2 sum_f [(sum_i v_if x_i)^2 - sum_i v_if^2 x_i^2]} in O(k nnz)
 * (Lemma 3.1), and {@code d/dv_if = x_i (S_f - v_if x_i)} with {@code S = sum_j v_j x_j} over the whole input.
 */
public final class FmTerms {
    private FmTerms() {}

    /**
     * Linear and pairwise terms of the features {@code ids[from..to)} with values {@code vals}: writes
     * {@code S = sum_j v_j x_j} to {@code s[sOff..sOff+k)} and returns {@code sum_j w_j x_j + (|S|^2 - sum_j |v_j x_j|^2) / 2}.
     */
    public static double terms(float[] w, float[] v, int k, int[] ids, float[] vals, int from, int to, float[] s, int sOff) {
        java.util.Arrays.fill(s, sOff, sOff + k, 0f);
        double lin = 0, sq = 0;
        for (int q = from; q < to; q++) {
            int j = ids[q], vo = j * k;
            float x = vals[q];
            lin += w[j] * x;
            for (int f = 0; f < k; f++) {
                float vx = v[vo + f] * x;
                s[sOff + f] += vx;
                sq += vx * vx;
            }
        }
        double ss = 0;
        for (int f = 0; f < k; f++) ss += s[sOff + f] * s[sOff + f];
        return lin + 0.5 * (ss - sq);
    }

    /**
     * Adds {@code c · dy/dv_j = c x (S - v_j x)} to {@code gv[go..go+k)} for feature row {@code vo / k} with value
     * {@code x}, where {@code S = s1[s1Off..] + s2[s2Off..]} (pass {@code s2 = null} when S is one array).
     */
    public static void addFactorGradient(float[] gv, int go, float[] v, int vo, int k, float c, float x,
                                         float[] s1, int s1Off, float[] s2, int s2Off) {
        float cx = c * x;
        if (s2 == null) {
            for (int f = 0; f < k; f++) gv[go + f] += cx * (s1[s1Off + f] - v[vo + f] * x);
        } else {
            for (int f = 0; f < k; f++) gv[go + f] += cx * (s1[s1Off + f] + s2[s2Off + f] - v[vo + f] * x);
        }
    }
}
