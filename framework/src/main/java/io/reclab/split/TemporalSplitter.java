package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Time-ordered split. Rows are ordered by time, equal times by log row.
 * <ul>
 *   <li>{@code global}: the last {@code round(N * testRatio)} rows of that order (the times at or after the
 *       (1 - testRatio) quantile) go to test and the {@code round(N * validRatio)} rows just before them to
 *       validation, so no training interaction is later than any test interaction.</li>
 *   <li>{@code per-user}: each user's rows in time order; the last ones go to test (and the ones before to
 *       validation) with the sizes of {@link Parts#perUserSizes}, so every user with >= 2 rows is in train and test.</li>
 * </ul>
 * Deterministic: the generator is not used.
 */
public final class TemporalSplitter implements Splitter {
    public enum Mode { GLOBAL, PER_USER }

    /**
     * @param mode       global time cut or per-user (default global)
     * @param testRatio  in (0, 1), default 0.1
     * @param validRatio in [0, 1), default 0.1
     */
    public record Settings(Mode mode, double testRatio, double validRatio) {
        public Settings {
            Parts.checkRatios("split", testRatio, validRatio);
        }
    }

    private final Settings settings;

    public TemporalSplitter(Settings settings) { this.settings = settings; }

    @Override
    public SplitResult split(Dataset dataset, RandomGenerator rng) {
        Interactions x = dataset.interactions();
        int n = x.size();
        byte[] part = new byte[n];
        int[] order = RowOrder.byTime(x.timeColumn());
        String ratios = Parts.ratios(settings.validRatio(), settings.testRatio());
        if (settings.mode() == Mode.GLOBAL) {
            int test = (int) Math.round(n * settings.testRatio());
            int valid = (int) Math.round(n * settings.validRatio());
            for (int k = n - test; k < n; k++) part[order[k]] = Dataset.TEST;
            for (int k = Math.max(0, n - test - valid); k < n - test; k++) part[order[k]] = Dataset.VALID;
            String cut = test > 0 && test < n ? ", test from time " + x.time(order[n - test]) : "";
            return Parts.build(x, part, "temporal " + ratios + " global" + cut);
        }
        RowOrder.Groups g = RowOrder.groupByUser(order, x.userColumn(), x.numUsers());
        for (int u = 0; u < x.numUsers(); u++) {
            int[] sizes = Parts.perUserSizes(g.size(u), settings.testRatio(), settings.validRatio());
            int end = g.end(u);
            for (int k = end - sizes[0]; k < end; k++) part[g.rows()[k]] = Dataset.TEST;
            for (int k = end - sizes[0] - sizes[1]; k < end - sizes[0]; k++) part[g.rows()[k]] = Dataset.VALID;
        }
        return Parts.build(x, part, "temporal " + ratios + " per user");
    }
}
