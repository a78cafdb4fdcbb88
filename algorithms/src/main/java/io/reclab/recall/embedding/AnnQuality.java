package io.reclab.recall.embedding;

import io.reclab.data.Csr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures what approximate retrieval costs and saves: over a seeded sample of users (those with training items),
 * ANN recall@K = |HNSW top-K ∩ exact top-K| / |exact top-K| (training items excluded in both), and mean
 * single-query latency in microseconds of exact (score all items + partial sort) and HNSW retrieval (including
 * the exact re-scoring of its candidates), both measured on the calling thread after a warm-up pass, the fastest of
 * {@link #REPS} passes.
 */
public final class AnnQuality {
    /** Timed passes per side; the fastest is reported. */
    static final int REPS = 3;

    private AnnQuality() {}

    /** The measurement; {@link #extras()} gives the keys the runner writes to {@code RunRecord.extras}. */
    public record Report(int k, int users, double recall, double annLatencyUs, double exactLatencyUs) {
        public Map<String, Double> extras() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("ann.recall@" + k, recall);
            m.put("ann.latency_us", annLatencyUs);
            m.put("exact.latency_us", exactLatencyUs);
            return m;
        }
    }

    /**
     * @param model      a model built with {@code retrieval = hnsw}
     * @param train      training matrix by user, whose rows are excluded
     * @param maxUsers   sample size (all eligible users if fewer)
     */
    public static Report measure(EmbeddingRecaller model, Csr train, int k, int maxUsers, long seed) {
        int[] users = sampleUsers(train, model.numUsers(), maxUsers, seed);
        int[][] exclude = new int[users.length][];
        for (int a = 0; a < users.length; a++) exclude[a] = distinctRow(train, users[a]);
        // Fairness: both sides answer the same users with the same k and the same exclusions (training items),
        // single-threaded on the calling thread. One untimed pass of each warms the JIT and caches; then each
        // side is timed over REPS passes, alternating, and its fastest pass is kept (on a shared machine the
        // minimum is the least disturbed estimate of the cost).
        int[][] exact = new int[users.length][];
        int[][] ann = new int[users.length][];
        for (int a = 0; a < users.length; a++) {
            exact[a] = model.exactRecall(users[a], k, exclude[a]);
            ann[a] = model.annRecall(users[a], k, exclude[a]);
        }
        long bestExact = Long.MAX_VALUE, bestAnn = Long.MAX_VALUE;
        for (int rep = 0; rep < REPS; rep++) {
            long t0 = System.nanoTime();
            for (int a = 0; a < users.length; a++) exact[a] = model.exactRecall(users[a], k, exclude[a]);
            long t1 = System.nanoTime();
            for (int a = 0; a < users.length; a++) ann[a] = model.annRecall(users[a], k, exclude[a]);
            long t2 = System.nanoTime();
            bestExact = Math.min(bestExact, t1 - t0);
            bestAnn = Math.min(bestAnn, t2 - t1);
        }
        double recallSum = 0;
        int counted = 0;
        for (int a = 0; a < users.length; a++) {
            if (exact[a].length == 0) continue;
            recallSum += overlap(exact[a], ann[a]) / (double) exact[a].length;
            counted++;
        }
        int n = Math.max(1, users.length);
        return new Report(k, users.length, counted == 0 ? Double.NaN : recallSum / counted,
                bestAnn / 1e3 / n, bestExact / 1e3 / n);
    }

    static int overlap(int[] a, int[] b) {
        int c = 0;
        for (int x : a) for (int y : b) if (x == y) { c++; break; }
        return c;
    }

    static int[] distinctRow(Csr m, int u) {
        if (u >= m.rows) return new int[0];
        int from = m.indptr[u], to = m.indptr[u + 1];
        int[] out = new int[to - from];
        int n = 0;
        for (int q = from; q < to; q++) if (n == 0 || out[n - 1] != m.indices[q]) out[n++] = m.indices[q];
        return java.util.Arrays.copyOf(out, n);
    }

    /** Up to {@code max} users with training items, chosen by a seeded partial Fisher-Yates shuffle, ascending. */
    static int[] sampleUsers(Csr train, int numUsers, int max, long seed) {
        int rows = Math.min(numUsers, train.rows);
        int[] eligible = new int[rows];
        int n = 0;
        for (int u = 0; u < rows; u++) if (train.rowLength(u) > 0) eligible[n++] = u;
        int take = Math.min(n, Math.max(0, max));
        SplittableRandom rng = new SplittableRandom(seed);
        for (int a = 0; a < take; a++) {
            int r = a + rng.nextInt(n - a);
            int t = eligible[a]; eligible[a] = eligible[r]; eligible[r] = t;
        }
        int[] out = java.util.Arrays.copyOf(eligible, take);
        java.util.Arrays.sort(out);
        return out;
    }
}
