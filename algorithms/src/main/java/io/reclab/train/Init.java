package io.reclab.train;

import java.util.SplittableRandom;

/** Seeded parameter initialisation for embedding tables. */
public final class Init {
    private Init() {}

    /** {@code n} values drawn from normal(0, std) with a stream seeded by {@code seed}. */
    public static float[] normal(int n, double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int t = 0; t < n; t++) a[t] = (float) (rng.nextGaussian() * std);
        return a;
    }
}
