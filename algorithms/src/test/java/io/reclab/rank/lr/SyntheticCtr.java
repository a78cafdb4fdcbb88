package io.reclab.rank.lr;

import io.reclab.rank.Samples;

import java.util.SplittableRandom;

/** Small synthetic CTR datasets for ranker tests. */
public final class SyntheticCtr {
    private SyntheticCtr() {}

    /**
     * Two binary fields a, b (one-hot: features 0/1 for a, 2/3 for b) plus {@code noiseFields} random one-hot
     * fields of 5 values each; click probability 0.85 when a XOR b, else 0.15. A linear model over the one-hots
     * cannot represent XOR (its AUC stays near 0.5); trees can.
     */
    public static Samples xor(int n, int noiseFields, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int fields = 2 + noiseFields;
        int[] ptr = new int[n + 1], ids = new int[n * fields], fl = new int[n * fields], users = new int[n];
        float[] vals = new float[n * fields], y = new float[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(2), b = rnd.nextInt(2);
            ids[p] = a; fl[p] = 0; vals[p++] = 1;
            ids[p] = 2 + b; fl[p] = 1; vals[p++] = 1;
            for (int f = 0; f < noiseFields; f++) {
                ids[p] = 4 + 5 * f + rnd.nextInt(5); fl[p] = 2 + f; vals[p++] = 1;
            }
            ptr[i + 1] = p;
            y[i] = rnd.nextDouble() < ((a ^ b) == 1 ? 0.85 : 0.15) ? 1 : 0;
            users[i] = i % 20;
        }
        String[] names = new String[fields];
        for (int f = 0; f < fields; f++) names[f] = "f" + f;
        return new Samples(fields, 4 + 5 * noiseFields, ptr, ids, vals, fl, y, users, names);
    }

    /** Linearly separable-ish data: logit = 2 x0 - 2 x1 + 0.5 * (numeric field value) with one-hot x0/x1 choices. */
    public static Samples linear(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ptr = new int[n + 1], ids = new int[2 * n], fl = new int[2 * n], users = new int[n];
        float[] vals = new float[2 * n], y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(3);        // category 0 (+2), 1 (-2), 2 (0)
            float x = (float) rnd.nextGaussian();
            ids[2 * i] = c; fl[2 * i] = 0; vals[2 * i] = 1;
            ids[2 * i + 1] = 3; fl[2 * i + 1] = 1; vals[2 * i + 1] = x;
            ptr[i + 1] = 2 * i + 2;
            double logit = (c == 0 ? 2 : c == 1 ? -2 : 0) + 1.5 * x;
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            users[i] = -1;
        }
        return new Samples(2, 4, ptr, ids, vals, fl, y, users, new String[]{"cat", "num"});
    }
}
