package io.reclab.recall.item2vec;

import io.reclab.recall.fmrecall.SideFeatures;

/**
 * Skip-gram parameters: input (centre) id vectors, input feature-value vectors (side information) and output
 * (context) vectors, each row-major with {@code dim} columns, plus the SGNS step on one (centre, context,
 * negatives) tuple. With side information the centre's input vector is the mean of its id row and its
 * feature rows (EGES average), so the gradient on h is shared equally among those rows.
 */
final class SgnsParams {
    final int dim;
    final float[] inId;
    final float[] inFeat;
    final float[] out;
    final SideFeatures features; // null without side information

    SgnsParams(int dim, float[] inId, float[] inFeat, float[] out, SideFeatures features) {
        this.dim = dim;
        this.inId = inId;
        this.inFeat = inFeat;
        this.out = out;
        this.features = features;
    }

    SgnsParams copy() {
        return new SgnsParams(dim, inId.clone(), inFeat.clone(), out.clone(), features);
    }

    void copyFrom(SgnsParams o) {
        System.arraycopy(o.inId, 0, inId, 0, inId.length);
        System.arraycopy(o.inFeat, 0, inFeat, 0, inFeat.length);
        System.arraycopy(o.out, 0, out, 0, out.length);
    }

    /** Writes the centre's input vector h into {@code h}. */
    void input(int item, float[] h) {
        int b = item * dim;
        System.arraycopy(inId, b, h, 0, dim);
        if (features == null) return;
        int s = features.entityStart(item), e = features.entityEnd(item);
        if (e == s) return;
        int[] ids = features.ids();
        for (int q = s; q < e; q++) {
            int fb = ids[q] * dim;
            for (int k = 0; k < dim; k++) h[k] += inFeat[fb + k];
        }
        float inv = 1f / (1 + e - s);
        for (int k = 0; k < dim; k++) h[k] *= inv;
    }

    /**
     * One SGD step of skip-gram with negative sampling on loss
     * {@code L = -log σ(h·o_{t0}) - Σ_{t≥1} log σ(-h·o_t)}, {@code t0 = targets[0]} the true context and the rest
     * negatives (distinct rows). Output rows move by {@code -lr ∂L/∂o_t}, evaluated before any update; the centre's
     * rows then move by {@code -lr ∂L/∂h / (1 + #features)}. Returns L.
     * @param h scratch, dim; @param gh scratch, dim
     */
    double step(int centre, int[] targets, int n, float lr, float[] h, float[] gh) {
        input(centre, h);
        java.util.Arrays.fill(gh, 0f);
        double loss = 0;
        for (int t = 0; t < n; t++) {
            int ob = targets[t] * dim;
            float dot = 0;
            for (int k = 0; k < dim; k++) dot += h[k] * out[ob + k];
            float label = t == 0 ? 1f : 0f;
            double sig = sigmoid(dot);
            // -log σ(dot) for the context, -log σ(-dot) = -log(1 - σ(dot)) for negatives; one exp, one log
            loss -= Math.log(Math.max(t == 0 ? sig : 1 - sig, 1e-12));
            float g = (float) (label - sig); // = -dL/d(dot)
            for (int k = 0; k < dim; k++) {
                gh[k] += g * out[ob + k];
                out[ob + k] += lr * g * h[k];
            }
        }
        int cb = centre * dim;
        if (features == null) {
            for (int k = 0; k < dim; k++) inId[cb + k] += lr * gh[k];
            return loss;
        }
        int s = features.entityStart(centre), e = features.entityEnd(centre);
        float scale = lr / (1 + e - s);
        for (int k = 0; k < dim; k++) inId[cb + k] += scale * gh[k];
        int[] ids = features.ids();
        for (int q = s; q < e; q++) {
            int fb = ids[q] * dim;
            for (int k = 0; k < dim; k++) inFeat[fb + k] += scale * gh[k];
        }
        return loss;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
