package io.reclab.rank.train;

import io.reclab.rank.Samples;

import java.util.SplittableRandom;

/**
 * A seeded synthetic CTR source for tests: six one-hot fields, one multi-valued field (1-3 distinct values,
 * each 1/n) and one numeric field (a single feature carrying a value in [0, 1)). Labels are Bernoulli draws
 * from a planted logistic model with pairwise interactions:
 * logit = b + sum_j w_j x_j + sum_{p<q} <u_p, u_q> x_p x_q, with u in R^3 per feature. Interactions carry most of
 * the signal, so models with pairwise terms beat a linear model. The planted model is fixed by the constructor's
 * seed; each {@link #samples} call draws fresh samples from it.
 */
public final class SyntheticCtr {
    public static final int[] ONE_HOT = {12, 16, 10, 20, 8, 14};
    public static final int MULTI = 10;
    public static final int NUM_FIELDS = ONE_HOT.length + 2;
    private final int[] fieldStart = new int[NUM_FIELDS];
    private final int numFeatures;
    private final float[] w;
    private final float[][] u;
    private final float bias;

    public SyntheticCtr(long seed, double linearStd, double latentStd) {
        int off = 0;
        for (int f = 0; f < ONE_HOT.length; f++) {
            fieldStart[f] = off;
            off += ONE_HOT[f];
        }
        fieldStart[ONE_HOT.length] = off;
        off += MULTI;
        fieldStart[ONE_HOT.length + 1] = off;
        off += 1;
        numFeatures = off;
        SplittableRandom r = new SplittableRandom(seed);
        w = new float[numFeatures];
        u = new float[numFeatures][3];
        for (int j = 0; j < numFeatures; j++) {
            w[j] = (float) (r.nextGaussian() * linearStd);
            for (int c = 0; c < 3; c++) u[j][c] = (float) (r.nextGaussian() * latentStd);
        }
        bias = -0.3f;
    }

    /** The default planted model of the tests. */
    public SyntheticCtr(long seed) { this(seed, 0.3, 0.55); }

    public int numFeatures() { return numFeatures; }

    public Samples samples(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int maxNnz = ONE_HOT.length + 3 + 1;
        int[] ptr = new int[n + 1];
        int[] ids = new int[n * maxNnz], fl = new int[n * maxNnz];
        float[] vals = new float[n * maxNnz], labels = new float[n];
        int[] users = new int[n];
        String[] names = new String[NUM_FIELDS];
        for (int f = 0; f < NUM_FIELDS; f++) names[f] = "f" + f;
        int p = 0;
        for (int s = 0; s < n; s++) {
            int start = p;
            for (int f = 0; f < ONE_HOT.length; f++) {
                ids[p] = fieldStart[f] + r.nextInt(ONE_HOT[f]);
                fl[p] = f;
                vals[p++] = 1f;
            }
            int m = 1 + r.nextInt(3);
            int mf = ONE_HOT.length, first = p;
            while (p - first < m) {
                int id = fieldStart[mf] + r.nextInt(MULTI);
                boolean dup = false;
                for (int q = first; q < p; q++) dup |= ids[q] == id;
                if (dup) continue;
                ids[p] = id;
                fl[p] = mf;
                vals[p++] = 1f / m;
            }
            ids[p] = fieldStart[mf + 1];
            fl[p] = mf + 1;
            vals[p++] = (float) r.nextDouble();
            double z = bias;
            for (int a = start; a < p; a++) {
                z += w[ids[a]] * vals[a];
                for (int b = a + 1; b < p; b++) {
                    double dot = 0;
                    for (int c = 0; c < 3; c++) dot += u[ids[a]][c] * u[ids[b]][c];
                    z += dot * vals[a] * vals[b];
                }
            }
            labels[s] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1f : 0f;
            users[s] = -1;
            ptr[s + 1] = p;
        }
        return new Samples(NUM_FIELDS, numFeatures, ptr, java.util.Arrays.copyOf(ids, p), java.util.Arrays.copyOf(vals, p),
                java.util.Arrays.copyOf(fl, p), labels, users, names);
    }
}
