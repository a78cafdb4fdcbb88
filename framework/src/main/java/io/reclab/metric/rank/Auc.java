package io.reclab.metric.rank;

import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.MetricResult;

import java.util.Arrays;

/**
 * Area under the ROC curve: the Mann-Whitney probability that a random positive outscores a random negative, ties
 * counting one half. Computed exactly in O(n log n) from rank sums: AUC = (R+ - P(P+1)/2) / (P N), where R+ sums the
 * (tie-averaged) ascending ranks of the P positives among the P + N samples. NaN when a class is absent.
 */
public final class Auc implements ScoreMetric {
    public static final String ID = "auc";

    @Override public String id() { return ID; }
    @Override public boolean higherIsBetter() { return true; }

    @Override
    public MetricResult compute(ScoreContext c) {
        return new MetricResult(ID, auc(c.scores(), c.labels(), c.size()), null);
    }

    /** AUC of the first {@code n} entries; labels >= 0.5 are positive. */
    public static double auc(float[] scores, float[] labels, int n) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = ((long) sortableBits(scores[i]) << 32) | i;
        Arrays.sort(keys);
        double rankSumPos = 0;
        long pos = 0;
        for (int a = 0; a < n; ) {
            int bits = (int) (keys[a] >> 32);
            int b = a;
            int posInGroup = 0;
            while (b < n && (int) (keys[b] >> 32) == bits) {
                if (labels[(int) keys[b]] >= 0.5f) posInGroup++;
                b++;
            }
            // ranks a+1 .. b share their mean (a + 1 + b) / 2: this is what makes ties count one half
            rankSumPos += posInGroup * (a + 1 + b) / 2.0;
            pos += posInGroup;
            a = b;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    public static double auc(float[] scores, float[] labels) { return auc(scores, labels, scores.length); }

    /** Int bits ordered like the floats (signed compare); -0 and 0 map to the same key so they tie. */
    static int sortableBits(float f) {
        if (Float.isNaN(f)) throw new IllegalArgumentException("NaN score");
        if (f == 0f) f = 0f;
        int bits = Float.floatToIntBits(f);
        return bits < 0 ? bits ^ 0x7fffffff : bits;
    }
}
