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
            int[] rows = g.rows();
            for (int u = 0; u < x.numUsers(); u++) {
                int s = g.start(u), n = g.size(u);
                int[] sizes = Parts.perUserSizes(n, settings.testRatio(), settings.validRatio());
                if (sizes[0] == 0) continue;
                shufflePrefix(rows, s, n, sizes[0] + sizes[1], rng);
                for (int k = 0; k < sizes[0]; k++) part[rows[s + k]] = Dataset.TEST;
                for (int k = sizes[0]; k < sizes[0] + sizes[1]; k++) part[rows[s + k]] = Dataset.VALID;
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
        String protocol = "random " + Parts.ratios(settings.validRatio(), settings.testRatio())
                + (settings.perUser() ? " per user" : " global");
        return Parts.build(x, part, protocol);
    }

    /** Partial Fisher-Yates: a uniformly random {@code m}-subset lands in {@code a[from .. from+m)}. */
    private static void shufflePrefix(int[] a, int from, int n, int m, RandomGenerator rng) {
        for (int i = 0; i < m && i < n - 1; i++) {
            int j = i + rng.nextInt(n - i);
            int t = a[from + i]; a[from + i] = a[from + j]; a[from + j] = t;
        }
    }
}
