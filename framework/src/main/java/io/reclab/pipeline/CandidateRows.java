package io.reclab.pipeline;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.rank.features.FieldSpec;
import io.reclab.rank.features.RawTable;
import io.reclab.rank.features.SampleBuilder;
import io.reclab.rank.features.SampleConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * (user, candidate) rows for the pipeline's ranker, with the features that only a pipeline has: which channels
 * recalled the candidate ({@code channels}, multi-valued), its rank in each channel ({@code rank_<channel>},
 * bucketised on a log-like grid, its own bucket when the channel did not recall it) and its score min-max normalised
 * per channel and user ({@code score_<channel>}, a numeric value in [0, 1], absent when the channel did not recall it). The user and item fields and
 * the user's recent items ({@code history}, training items strictly before the row's time) come from the rank
 * stage's {@link SampleBuilder}, so the pipeline's ranker reads the same columns a plain rank model does.
 * <p>
 * Every row is stamped with its user's "now": just after the last interaction of the log the channels were fit on,
 * so a history never holds the items being labelled or served.
 */
public final class CandidateRows {
    public static final String CHANNELS = "channels";
    /** Rank buckets: edges on 0-based ranks, roughly doubling (1, 2, 3, 4-5, 6-10, ..., 201-500, beyond). */
    static final double[] RANK_EDGES = {1, 2, 3, 5, 10, 20, 50, 100, 200, 500};

    private final int channels;
    private int n;
    private int[] users = new int[1024], items = new int[1024], tags = new int[1024];
    private int[][] ranks;
    private float[][] scores;
    private float[] labels = new float[1024];

    public CandidateRows(int channels) {
        this.channels = channels;
        ranks = new int[channels][1024];
        scores = new float[channels][1024];
    }

    public int size() { return n; }

    public float[] labels() { return java.util.Arrays.copyOf(labels, n); }

    public int[] users() { return java.util.Arrays.copyOf(users, n); }

    /** Adds candidate {@code j} of user {@code user}'s merged list. */
    public void add(int user, CandidateMerger.Merged m, int j, float label) {
        grow();
        users[n] = user;
        items[n] = m.items()[j];
        tags[n] = m.tags()[j];
        for (int s = 0; s < channels; s++) {
            ranks[s][n] = m.ranks()[s][j];
            scores[s][n] = m.scores()[s][j];
        }
        labels[n++] = label;
    }

    /** Adds an item no channel recalled (a random negative): no tags, absent ranks and scores. */
    public void addUnrecalled(int user, int item, float label) {
        grow();
        users[n] = user;
        items[n] = item;
        tags[n] = 0;
        for (int s = 0; s < channels; s++) {
            ranks[s][n] = -1;
            scores[s][n] = Float.NaN;
        }
        labels[n++] = label;
    }

    private void grow() {
        if (n < users.length) return;
        int c = users.length * 2;
        users = java.util.Arrays.copyOf(users, c);
        items = java.util.Arrays.copyOf(items, c);
        tags = java.util.Arrays.copyOf(tags, c);
        labels = java.util.Arrays.copyOf(labels, c);
        for (int s = 0; s < channels; s++) {
            ranks[s] = java.util.Arrays.copyOf(ranks[s], c);
            scores[s] = java.util.Arrays.copyOf(scores[s], c);
        }
    }

    /**
     * The rows as a raw table.
     *
     * @param names   channel names (column suffixes), aligned with the merge's channels
     * @param history the log histories are read from (the one the channels were fit on)
     * @param now     per user, the time stamped on their rows
     * @param historyLength recent items in the {@code history} column (0 = none)
     */
    public RawTable table(List<String> names, FeatureTable userFeatures, FeatureTable itemFeatures, Interactions history,
                          long[] now, int historyLength) {
        int[] u = java.util.Arrays.copyOf(users, n), it = java.util.Arrays.copyOf(items, n);
        float[] v = new float[n];
        long[] t = new long[n];
        for (int r = 0; r < n; r++) {
            v[r] = 1f;
            t[r] = now[u[r]];
        }
        Interactions pairs = new Interactions(u, it, v, t, history.users(), history.items());
        // 0 negatives: every pair becomes one row, in order; the labels are set below
        RawTable base = new SampleBuilder(new SampleConfig(SampleConfig.Label.IMPLICIT, 0, 0, historyLength))
                .build(pairs, userFeatures, itemFeatures, history, 0L);
        List<RawTable.Column> cols = new ArrayList<>(base.columns());
        RawTable.StringColumnBuilder tagCol = new RawTable.StringColumnBuilder(CHANNELS);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < n; r++) {
            sb.setLength(0);
            for (int s = 0; s < channels; s++) {
                if ((tags[r] & (1 << s)) == 0) continue;
                if (sb.length() > 0) sb.append(SampleBuilder.SEPARATOR);
                sb.append(names.get(s));
            }
            tagCol.add(sb.toString());
        }
        cols.add(tagCol.build());
        for (int s = 0; s < channels; s++) {
            float[] rk = new float[n], sc = new float[n];
            for (int r = 0; r < n; r++) {
                rk[r] = ranks[s][r] < 0 ? Float.NaN : ranks[s][r];
                sc[r] = scores[s][r];
            }
            cols.add(new RawTable.FloatColumn(rankColumn(names.get(s)), rk));
            cols.add(new RawTable.FloatColumn(scoreColumn(names.get(s)), sc));
        }
        return new RawTable(cols, java.util.Arrays.copyOf(labels, n), base.users(), t);
    }

    public static String rankColumn(String channel) { return "rank_" + channel; }

    public static String scoreColumn(String channel) { return "score_" + channel; }

    /**
     * The experiment's fields plus the pipeline's: channel tags, per-channel rank and score, and the history
     * sequence when {@code historyLength} > 0 and the experiment does not declare one.
     */
    public static List<FieldSpec> fields(List<FieldSpec> experiment, List<String> names, int historyLength) {
        List<FieldSpec> out = new ArrayList<>(experiment);
        out.add(new FieldSpec.Multi(CHANNELS, CHANNELS, SampleBuilder.SEPARATOR, FieldSpec.Pooling.SUM, 1));
        for (String c : names) {
            out.add(new FieldSpec.Numeric(rankColumn(c), rankColumn(c), FieldSpec.Transform.BUCKETIZE, RANK_EDGES, 0));
            out.add(new FieldSpec.Numeric(scoreColumn(c), scoreColumn(c), FieldSpec.Transform.NONE, new double[0], 0));
        }
        boolean declared = false;
        for (FieldSpec f : experiment) declared |= column(f).equals(SampleBuilder.HISTORY);
        if (historyLength > 0 && !declared)
            out.add(new FieldSpec.Sequence(SampleBuilder.HISTORY, SampleBuilder.HISTORY, SampleBuilder.SEPARATOR,
                    FieldSpec.Pooling.MEAN, 1, historyLength));
        return out;
    }

    private static String column(FieldSpec f) {
        if (f instanceof FieldSpec.Categorical c) return c.column();
        if (f instanceof FieldSpec.Numeric c) return c.column();
        if (f instanceof FieldSpec.Multi c) return c.column();
        if (f instanceof FieldSpec.Sequence c) return c.column();
        return f.name();
    }
}
