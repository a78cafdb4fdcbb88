package io.reclab.rank.lr;

import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;

/** A trained logistic regression: p = sigmoid(bias + sum_j w_j x_j). Immutable. */
public final class FittedLr implements FittedRanker {
    private final float[] weights;
    private final float bias;

    public FittedLr(float[] weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public float bias() { return bias; }

    public float weight(int feature) { return weights[feature]; }

    public int numFeatures() { return weights.length; }

    /** Number of exactly-zero weights (FTRL's L1 sparsity). */
    public int zeros() {
        int z = 0;
        for (float w : weights) if (w == 0f) z++;
        return z;
    }

    public double margin(Samples s, int row) {
        double m = bias;
        int[] ids = s.featIds();
        float[] vals = s.featVals();
        for (int p = s.rowPtr()[row]; p < s.rowPtr()[row + 1]; p++) m += weights[ids[p]] * vals[p];
        return m;
    }

    @Override
    public float[] predict(Samples samples) {
        if (samples.numFeatures() > weights.length)
            throw new IllegalArgumentException("samples have " + samples.numFeatures() + " features, model " + weights.length);
        float[] out = new float[samples.size()];
        for (int r = 0; r < out.length; r++) out[r] = (float) LogisticLoss.sigmoid(margin(samples, r));
        return out;
    }
}
