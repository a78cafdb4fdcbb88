package io.reclab.rank.train;

import java.util.Arrays;

/**
 * Exact ROC AUC as the Mann-Whitney statistic: the probability that a random positive (label &gt; 0.5) scores above
 * a random negative, ties counting 1/2, computed from average ranks in O(n log n). Private to the trainer's early
 * stopping; the metric package owns the user-facing AUC.
 */
final class ExactAuc {
    private ExactAuc() {}

    /** NaN when either class is absent. */
    static double of(float[] scores, float[] labels) {
        int n = scores.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int b = Float.floatToIntBits(scores[i] == 0f ? 0f : scores[i]); // -0 ties with +0
            b ^= (b >> 31) & 0x7fffffff; // order-preserving map of float bits onto signed ints
            keys[i] = ((long) b << 32) | i;
        }
        Arrays.sort(keys);
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            int hi = (int) (keys[i] >> 32);
            while (j < n && (int) (keys[j] >> 32) == hi) j++;
            double avgRank = (i + 1 + j) / 2.0; // ranks i+1 .. j share their mean
            for (int t = i; t < j; t++) {
                if (labels[(int) keys[t]] > 0.5f) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
