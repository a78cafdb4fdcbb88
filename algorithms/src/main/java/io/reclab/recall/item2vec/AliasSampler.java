package io.reclab.recall.item2vec;

import java.util.SplittableRandom;

/**
 * O(1) sampling from a fixed discrete distribution by Vose's alias method (Vose 1991, "A Linear Algorithm for
 * Generating Random Numbers with a Given Distribution", IEEE TSE). Used for word2vec's unigram^0.75 negatives.
 */
final class AliasSampler {
    private final double[] prob;
    private final int[] alias;

    /** @param weights non-negative, not all zero */
    AliasSampler(double[] weights) {
        int n = weights.length;
        double sum = 0;
        for (double w : weights) sum += w;
        if (!(sum > 0)) throw new IllegalArgumentException("alias sampler needs a positive total weight");
        prob = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n], large = new int[n];
        int ns = 0, nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) small[ns++] = i; else large[nl++] = i;
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns], l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) small[ns++] = l; else large[nl++] = l;
        }
        while (nl > 0) prob[large[--nl]] = 1;
        while (ns > 0) prob[small[--ns]] = 1; // rounding leftovers
    }

    int sample(SplittableRandom rng) {
        int i = rng.nextInt(prob.length);
        return rng.nextDouble() < prob[i] ? i : alias[i];
    }
}
