package io.reclab.recall.pop;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;

/**
 * Most-popular baseline: {@code score(u, i)} = number of training interactions of item {@code i}, the same for
 * every user. Counts log rows (repeated interactions count each time) and ignores interaction values. It is the
 * reference that personalised recallers must beat (e.g. Cremonesi, Koren, Turrin 2010, "Performance of recommender
 * algorithms on top-N recommendation tasks", RecSys).
 */
public final class PopRecaller implements Recaller {
    private final PopConfig config;

    public PopRecaller(PopConfig config) {
        this.config = config;
    }

    public PopConfig config() { return config; }

    @Override
    public Fitted fit(TrainContext context) {
        int[] counts = context.train().itemCounts();
        float[] scores = new float[counts.length];
        for (int i = 0; i < counts.length; i++) scores[i] = counts[i];
        return new Fitted(scores);
    }

    /** Fitted popularity: one score vector shared by all users. */
    public static final class Fitted implements FittedRecaller, java.io.Serializable {
        private final float[] scores;

        Fitted(float[] scores) {
            this.scores = scores;
        }

        /** The training count of {@code item}. */
        public float count(int item) { return scores[item]; }

        @Override
        public int numItems() { return scores.length; }

        @Override
        public void scoreBlock(int[] users, int from, int to, float[] out) {
            int n = scores.length;
            for (int b = 0; b < to - from; b++) System.arraycopy(scores, 0, out, b * n, n);
        }
    }

    @Override
    public String toString() { return "Pop"; }
}
