package io.reclab.split;

import io.reclab.config.ConfigError;
import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Uses the split a dataset ships with (LightGCN's train.txt/test.txt, RecBole's .train/.valid/.test.inter), as
 * recorded in {@link Dataset#predefinedParts()}, so that numbers compare with published ones. When the files have
 * no validation part and {@code validRatio > 0}, a seeded {@code validRatio} of each user's training rows is
 * carved out as validation (users with fewer than two training rows keep them all), so that early stopping and
 * model choice can look at something other than test; with {@code refit} the final model is then fit on the whole
 * shipped training file.
 */
public final class PredefinedSplitter implements Splitter {
    /** Default share of each user's training rows carved out when the files ship no validation part. */
    public static final double DEFAULT_VALID_RATIO = 0.1;

    private final double validRatio;

    public PredefinedSplitter(double validRatio) {
        if (!(validRatio >= 0 && validRatio < 1))
            throw new ConfigError("`split.valid-ratio` = " + validRatio + ": expected a number in [0, 1)");
        this.validRatio = validRatio;
    }

    public PredefinedSplitter() { this(DEFAULT_VALID_RATIO); }

    @Override
    public SplitResult split(Dataset dataset, RandomGenerator rng) {
        byte[] shipped = dataset.predefinedParts();
        if (shipped == null)
            throw new ConfigError("dataset " + dataset.info().name() + " ships no split; use random, leave-one-out or temporal"
                    + " (split=random)");
        String protocol = "predefined (as shipped with " + dataset.info().name() + ")";
        byte[] parts = shipped;
        boolean hasValid = false;
        for (byte p : shipped) if (p == Dataset.VALID) { hasValid = true; break; }
        if (!hasValid && validRatio > 0) {
            parts = carve(dataset.interactions(), shipped, validRatio, rng);
            protocol += ", validation carved: " + Parts.pct(validRatio) + "% of each user's training rows (seeded)";
        }
        return Parts.build(dataset.interactions(), parts, protocol);
    }

    /** A copy of {@code parts} where round(n * ratio) (at least 1, at most n - 1) of each user's n >= 2 train rows are VALID. */
    static byte[] carve(Interactions x, byte[] parts, double ratio, RandomGenerator rng) {
        byte[] out = parts.clone();
        int[] trainRows = new int[x.size()];
        int n = 0;
        for (int r = 0; r < parts.length; r++) if (parts[r] == Dataset.TRAIN) trainRows[n++] = r;
        int[] rows = java.util.Arrays.copyOf(trainRows, n);
        RowOrder.Groups g = RowOrder.groupByUser(rows, x.userColumn(), x.numUsers());
        int[] grouped = g.rows();
        for (int u = 0; u < x.numUsers(); u++) {
            int s = g.start(u), m = g.size(u);
            if (m < 2) continue;
            int take = (int) Math.max(1, Math.min(m - 1, Math.round(m * ratio)));
            for (int i = 0; i < take; i++) {
                int j = i + rng.nextInt(m - i);
                int t = grouped[s + i]; grouped[s + i] = grouped[s + j]; grouped[s + j] = t;
                out[grouped[s + i]] = Dataset.VALID;
            }
        }
        return out;
    }
}
