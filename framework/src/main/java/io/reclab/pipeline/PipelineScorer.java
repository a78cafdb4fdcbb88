package io.reclab.pipeline;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;
import io.reclab.util.TopK;

import java.util.List;

/**
 * Scores each user's merged candidates with the pipeline's ranker. Candidates become feature rows exactly as the
 * ranker's training rows did ({@link CandidateRows}: user and item fields, history, channel tags, ranks and
 * normalised scores), stamped with the user's "now" (just after their last interaction in the serving log), and
 * are scored in blocks of users so memory stays bounded on large catalogues. Time spent building features and in
 * the ranker is accumulated separately for the per-stage latency figures.
 */
public final class PipelineScorer {
    /** Rows per scoring block; about 50 bytes per nonzero, so a few tens of MB per block. */
    static final int BLOCK_ROWS = 1 << 17;

    private final List<String> channels;
    private final FittedFeaturePipeline features;
    private final FittedRanker ranker;
    private final FeatureTable userFeatures, itemFeatures;
    private final Interactions history;
    private final long[] now;
    private final int historyLength;
    private final int blockRows;
    private double featureSeconds, rankSeconds;

    /**
     * @param history the serving log: histories are read from it and each user's "now" follows their last row
     */
    public PipelineScorer(List<String> channels, FittedFeaturePipeline features, FittedRanker ranker,
                          FeatureTable userFeatures, FeatureTable itemFeatures, Interactions history, int historyLength) {
        this(channels, features, ranker, userFeatures, itemFeatures, history, historyLength, BLOCK_ROWS);
    }

    PipelineScorer(List<String> channels, FittedFeaturePipeline features, FittedRanker ranker, FeatureTable userFeatures,
                   FeatureTable itemFeatures, Interactions history, int historyLength, int blockRows) {
        if (blockRows <= 0) throw new IllegalArgumentException("blockRows must be positive");
        this.channels = List.copyOf(channels);
        this.features = features;
        this.ranker = ranker;
        this.userFeatures = userFeatures;
        this.itemFeatures = itemFeatures;
        this.history = history;
        this.now = now(history);
        this.historyLength = historyLength;
        this.blockRows = blockRows;
    }

    /** The same rows scored by {@code model} (a scorer is built before its ranker to encode validation rows). */
    public PipelineScorer withRanker(FittedRanker model) {
        return new PipelineScorer(channels, features, model, userFeatures, itemFeatures, history, historyLength, blockRows);
    }

    /** Per user: one past the latest time in {@code log} (users without rows: 0). */
    public static long[] now(Interactions log) {
        long[] latest = new long[log.numUsers()];
        java.util.Arrays.fill(latest, Long.MIN_VALUE);
        for (int r = 0; r < log.size(); r++) latest[log.user(r)] = Math.max(latest[log.user(r)], log.time(r));
        for (int u = 0; u < latest.length; u++)
            latest[u] = latest[u] == Long.MIN_VALUE ? 0L : latest[u] == Long.MAX_VALUE ? latest[u] : latest[u] + 1;
        return latest;
    }

    /** Encodes rows with this scorer's fitted features (history and "now" of the serving log). */
    public Samples encode(CandidateRows rows) {
        RawTable t = rows.table(channels, userFeatures, itemFeatures, history, now, historyLength);
        return features.transform(t);
    }

    /** {@code scores[i][j]} = the ranker's probability for user {@code users[i]} and candidate j of {@code merged[i]}. */
    public float[][] score(int[] users, List<CandidateMerger.Merged> merged) {
        if (users.length != merged.size()) throw new IllegalArgumentException("users and candidates differ in length");
        float[][] out = new float[users.length][];
        int from = 0;
        while (from < users.length) {
            int to = from;
            long rows = 0;
            do {
                rows += merged.get(to).size();
                to++;
            } while (to < users.length && rows + merged.get(to).size() <= blockRows);
            long t0 = System.nanoTime();
            CandidateRows block = new CandidateRows(channels.size());
            for (int i = from; i < to; i++) {
                CandidateMerger.Merged m = merged.get(i);
                for (int j = 0; j < m.size(); j++) block.add(users[i], m, j, 0f);
            }
            Samples samples = encode(block);
            long t1 = System.nanoTime();
            float[] p = ranker.predict(samples);
            long t2 = System.nanoTime();
            featureSeconds += (t1 - t0) / 1e9;
            rankSeconds += (t2 - t1) / 1e9;
            if (p.length != rows) throw new IllegalStateException("ranker returned " + p.length + " scores for " + rows + " rows");
            int r = 0;
            for (int i = from; i < to; i++) {
                out[i] = java.util.Arrays.copyOfRange(p, r, r + merged.get(i).size());
                r += merged.get(i).size();
            }
            from = to;
        }
        return out;
    }

    /** Seconds spent building and encoding feature rows so far. */
    public double featureSeconds() { return featureSeconds; }

    /** Seconds spent in the ranker so far. */
    public double rankSeconds() { return rankSeconds; }

    /** The best {@code k} of {@code items} by score, best first; equal scores go to the smaller item id. */
    public static int[] rerank(int[] items, float[] scores, int k) {
        return TopK.selectAmong(items, scores, k);
    }
}
