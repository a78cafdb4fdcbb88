package io.reclab.train;

import java.util.SplittableRandom;

/**
 * Walker's alias method (Vose's numerically stable construction): draws index i with probability
 * {@code w_i / sum(w)} in O(1) after O(n) set-up. Used for popularity-biased negative sampling.
 */
public final class AliasTable {
    private final double[] prob;
    private final int[] alias;

    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) throw new IllegalArgumentException("alias table needs at least one weight");
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            sum += w;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("weights sum to zero");
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
        while (nl > 0) { int l = large[--nl]; prob[l] = 1; alias[l] = l; }
        while (ns > 0) { int s = small[--ns]; prob[s] = 1; alias[s] = s; } // rounding leftovers
    }

    public int size() { return prob.length; }

    public int sample(SplittableRandom rng) {
        int i = rng.nextInt(prob.length);
        return rng.nextDouble() < prob[i] ? i : alias[i];
    }
}
