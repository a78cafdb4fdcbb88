package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Random ratio split. Per user (default): each user's interactions are shuffled and the first
 * {@code round(n * testRatio)} go to test, the next {@code round(n * validRatio)} to validation, with the rounding
 * rules of {@link Parts#perUserSizes} (every user with n >= 2 keeps >= 1 row in train and gets >= 1 in test;
 * users with a single interaction stay in train). Global: all rows are shuffled once and cut at
 * {@code round(N * testRatio)} and {@code round(N * validRatio)}.
 */
public final class RandomSplitter implements Splitter {
    /**
     * @param testRatio  fraction of interactions for test, in (0, 1); default 0.1
     * @param validRatio fraction for validation, in [0, 1); default 0.1 (0 = no validation part)
     * @param perUser    split each user's interactions (true, default) or the whole log at once
     */
    public record Settings(double testRatio, double validRatio, boolean perUser) {
        public Settings {
            Parts.checkRatios("split", testRatio, validRatio);
        }
    }

    private final Settings settings;

    public RandomSplitter(Settings settings) { this.settings = settings; }

    public Settings settings() { return settings; }

    @Override
    public SplitResult split(Dataset dataset, RandomGenerator rng) {
        Interactions x = dataset.interactions();
        byte[] part = new byte[x.size()];
        if (settings.perUser()) {
            RowOrder.Groups g = RowOrder.groupByUser(x.userColumn(), x.numUsers());
            int[] counts = new int[x.numUsers()];
            for (int u = 0; u < counts.length; u++) counts[u] = g.size(u);
            PerUserDraw d = drawPerUser(counts, settings.testRatio(), settings.validRatio(), rng);
            int[] rows = g.rows();
            for (int u = 0; u < counts.length; u++) {
                int s = g.start(u);
                for (int p = d.offsets()[u]; p < d.offsets()[u + 1]; p++)
                    part[rows[s + d.positions()[p]]] = d.parts()[p];
            }
        } else {
            int n = x.size();
            int[] rows = RowOrder.identity(n);
            int test = (int) Math.round(n * settings.testRatio());
            int valid = (int) Math.round(n * settings.validRatio());
            shufflePrefix(rows, 0, n, test + valid, rng);
            for (int k = 0; k < test; k++) part[rows[k]] = Dataset.TEST;
            for (int k = test; k < test + valid; k++) part[rows[k]] = Dataset.VALID;
        }
        return fromParts(x, part);
    }

    /** The split whose row {@code r} goes to part {@code part[r]} (as {@link #split} assigns them), with its protocol line. */
    public SplitResult fromParts(Interactions x, byte[] part) {
        String protocol = "random " + Parts.ratios(settings.validRatio(), settings.testRatio())
                + (settings.perUser() ? " per user" : " global");
        return Parts.build(x, part, protocol);
    }

    /**
     * The held-out rows of a per-user split, as positions within each user's rows in log order: user u's are
     * {@code positions[offsets[u] .. offsets[u+1])} with parts {@code parts[...]} ({@link Dataset#TEST} or
     * {@link Dataset#VALID}); every other row is train.
     */
    public record PerUserDraw(int[] offsets, int[] positions, byte[] parts) implements java.io.Serializable {}

    /**
     * The random draws of the per-user split from each user's row count alone, users in dense-id order, one
     * generator for all: a partial Fisher-Yates over positions 0..n-1 per user. The in-process split applies it to
     * the rows it grouped; a cluster engine draws it on the driver from the per-user counts and assigns the rows
     * where they lie, so both give the same parts for the same seed.
     */
    public static PerUserDraw drawPerUser(int[] counts, double testRatio, double validRatio, RandomGenerator rng) {
        int[] offsets = new int[counts.length + 1];
        int max = 0;
        for (int u = 0; u < counts.length; u++) {
            int[] sizes = Parts.perUserSizes(counts[u], testRatio, validRatio);
            offsets[u + 1] = offsets[u] + sizes[0] + sizes[1];
            max = Math.max(max, counts[u]);
        }
        int[] positions = new int[offsets[counts.length]];
        byte[] parts = new byte[positions.length];
        int[] scratch = new int[max];
        for (int u = 0; u < counts.length; u++) {
            int n = counts[u];
            int[] sizes = Parts.perUserSizes(n, testRatio, validRatio);
            if (sizes[0] == 0) continue;
            for (int k = 0; k < n; k++) scratch[k] = k;
            shufflePrefix(scratch, 0, n, sizes[0] + sizes[1], rng);
            int o = offsets[u];
            for (int k = 0; k < sizes[0] + sizes[1]; k++) {
                positions[o + k] = scratch[k];
                parts[o + k] = k < sizes[0] ? Dataset.TEST : Dataset.VALID;
            }
        }
        return new PerUserDraw(offsets, positions, parts);
    }

    /** Partial Fisher-Yates: a uniformly random {@code m}-subset lands in {@code a[from .. from+m)}. */
    private static void shufflePrefix(int[] a, int from, int n, int m, RandomGenerator rng) {
        for (int i = 0; i < m && i < n - 1; i++) {
            int j = i + rng.nextInt(n - i);
            int t = a[from + i]; a[from + i] = a[from + j]; a[from + j] = t;
        }
    }
}
