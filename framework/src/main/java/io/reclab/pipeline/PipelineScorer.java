package io.reclab.pipeline;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;
import io.reclab.rank.features.SampleBuilder;
import io.reclab.rank.features.SampleConfig;
import io.reclab.util.TopK;

/**
 * Scores (user, candidate) pairs with a fitted ranker and re-ranks each user's candidates. Pairs become feature rows
 * exactly as training rows do: an {@link Interactions} log of the pairs goes through the rank stage's
 * {@link SampleBuilder} (same columns: ids, side features, history) and its {@link FittedFeaturePipeline}, with
 * sampling switched off (0 negatives) since every pair is to be scored, not labelled.
 * <p>
 * Each pair is stamped with the user's latest training time + 1: "now", just after everything the ranker could
 * have seen, so a history column holds the user's whole training history (a training row only sees interactions
 * strictly before its own time). Rows are built and scored in blocks of users so memory stays bounded on large
 * catalogues.
 */
public final class PipelineScorer {
    /** Rows per scoring block; about 50 bytes per nonzero, so a few tens of MB per block. */
    static final int BLOCK_ROWS = 1 << 18;

    private final SampleBuilder builder;
    private final FittedFeaturePipeline features;
    private final FittedRanker ranker;
    private final FeatureTable userFeatures, itemFeatures;
    private final Interactions train;
    private final long[] now;
    private final int blockRows;

    /**
     * @param samples the rank stage's sample configuration (its history length is kept, its labelling ignored)
     * @param train   the training part: history for history columns and the source of each user's "now"
     */
    public PipelineScorer(SampleConfig samples, FittedFeaturePipeline features, FittedRanker ranker,
                          FeatureTable userFeatures, FeatureTable itemFeatures, Interactions train) {
        this(samples, features, ranker, userFeatures, itemFeatures, train, BLOCK_ROWS);
    }

    /** As above with the rows per block given (tests use tiny blocks). */
    PipelineScorer(SampleConfig samples, FittedFeaturePipeline features, FittedRanker ranker,
                   FeatureTable userFeatures, FeatureTable itemFeatures, Interactions train, int blockRows) {
        if (blockRows <= 0) throw new IllegalArgumentException("blockRows must be positive");
        this.blockRows = blockRows;
        this.builder = new SampleBuilder(new SampleConfig(SampleConfig.Label.IMPLICIT, samples.threshold(), 0,
                samples.historyLength()));
        this.features = features;
        this.ranker = ranker;
        this.userFeatures = userFeatures;
        this.itemFeatures = itemFeatures;
        this.train = train;
        long[] latest = new long[train.numUsers()];
        java.util.Arrays.fill(latest, Long.MIN_VALUE);
        for (int r = 0; r < train.size(); r++) latest[train.user(r)] = Math.max(latest[train.user(r)], train.time(r));
        this.now = new long[latest.length];
        // users without training rows have no history: any time will do
        for (int u = 0; u < latest.length; u++)
            now[u] = latest[u] == Long.MIN_VALUE ? 0L : latest[u] == Long.MAX_VALUE ? latest[u] : latest[u] + 1;
    }

    /** The time stamped on a user's candidate rows. */
    long now(int user) { return now[user]; }

    /** {@code scores[i][j]} = the ranker's probability for user {@code users[i]} and item {@code candidates[i][j]}. */
    public float[][] score(int[] users, int[][] candidates) {
        if (users.length != candidates.length) throw new IllegalArgumentException("users and candidates differ in length");
        float[][] out = new float[users.length][];
        int from = 0;
        while (from < users.length) {
            int to = from;
            long rows = 0;
            do {
                rows += candidates[to].length;
                to++;
            } while (to < users.length && rows + candidates[to].length <= blockRows);
            scoreBlock(users, candidates, from, to, (int) rows, out);
            from = to;
        }
        return out;
    }

    private void scoreBlock(int[] users, int[][] candidates, int from, int to, int rows, float[][] out) {
        int[] u = new int[rows], it = new int[rows];
        float[] v = new float[rows];
        long[] t = new long[rows];
        int r = 0;
        for (int i = from; i < to; i++) {
            for (int c : candidates[i]) {
                u[r] = users[i];
                it[r] = c;
                v[r] = 1f;
                t[r] = now[users[i]];
                r++;
            }
        }
        Interactions pairs = new Interactions(u, it, v, t, train.users(), train.items());
        RawTable table = builder.build(pairs, userFeatures, itemFeatures, train, 0L);
        Samples samples = features.transform(table);
        float[] p = ranker.predict(samples);
        if (p.length != rows) throw new IllegalStateException("ranker returned " + p.length + " scores for " + rows + " rows");
        r = 0;
        for (int i = from; i < to; i++) {
            out[i] = java.util.Arrays.copyOfRange(p, r, r + candidates[i].length);
            r += candidates[i].length;
        }
    }

    /** The best {@code k} of {@code items} by score, best first; equal scores go to the smaller item id. */
    public static int[] rerank(int[] items, float[] scores, int k) {
        return TopK.selectAmong(items, scores, k);
    }
}
