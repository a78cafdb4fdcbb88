package io.reclab.nn;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout (Srivastava et al. 2014, "Dropout: A Simple Way to Prevent Neural Networks from
 * Overfitting", JMLR): in training each unit is kept with probability 1 - rate and scaled by 1 / (1 - rate), so
 * inference is the identity. The mask is drawn from a caller-seeded generator, making training reproducible.
 */
public final class Dropout {
    private final float rate;
    private final float scale;

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        this.rate = (float) rate;
        this.scale = (float) (1.0 / (1.0 - rate));
    }

    public float rate() { return rate; }

    public boolean active() { return rate > 0f; }

    /** Fills {@code mask[0..len)} with 0 (dropped) or 1/(1-rate) (kept). */
    public void sampleMask(float[] mask, int len, RandomGenerator rng) {
        for (int i = 0; i < len; i++) mask[i] = rng.nextFloat() < rate ? 0f : scale;
    }

    /** y = x * mask (forward), and equally dx = dy * mask (backward); {@code y} may be {@code x}. */
    public static void apply(float[] x, float[] mask, float[] y, int len) {
        for (int i = 0; i < len; i++) y[i] = x[i] * mask[i];
    }
}
