package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.Interactions;

/**
 * Turns a part label per log row ({@link Dataset#TRAIN}, {@link Dataset#VALID}, {@link Dataset#TEST}) into a
 * {@link SplitResult}. Each part keeps the rows in log order and shares the log's id maps, so the parts partition
 * the log by construction.
 */
final class Parts {
    private Parts() {}

    static SplitResult build(Interactions x, byte[] part, String protocol) {
        int[] counts = new int[3];
        for (byte p : part) {
            if (p < 0 || p > 2) throw new IllegalArgumentException("part label " + p + " is not 0 (train), 1 (valid) or 2 (test)");
            counts[p]++;
        }
        int[][] rows = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
        int[] fill = new int[3];
        for (int r = 0; r < part.length; r++) rows[part[r]][fill[part[r]]++] = r;
        return new SplitResult(x.select(rows[0]), x.select(rows[1]), x.select(rows[2]), protocol);
    }

    /** "80/20" or "70/10/20" (train/valid/test percentages), for protocol lines. */
    static String ratios(double validRatio, double testRatio) {
        double train = 1 - validRatio - testRatio;
        return validRatio > 0 ? pct(train) + "/" + pct(validRatio) + "/" + pct(testRatio) : pct(train) + "/" + pct(testRatio);
    }

    static String pct(double f) {
        double p = Math.round(f * 1000) / 10.0;
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    /**
     * Per-user part sizes for a user with {@code n} interactions: test = round(n * testRatio) clamped to
     * [1, n - 1] when n >= 2 (0 when n < 2); valid = round(n * validRatio) clamped to [1, n - test - 1] when
     * validRatio > 0 and at least two rows remain after the test part (else 0). Train therefore keeps >= 1 row.
     * Rounding is half-up ({@link Math#round}). Returns {test, valid}.
     */
    static int[] perUserSizes(int n, double testRatio, double validRatio) {
        if (n < 2) return new int[]{0, 0};
        int test = (int) Math.max(1, Math.min(n - 1, Math.round(n * testRatio)));
        int valid = 0;
        if (validRatio > 0 && n - test >= 2)
            valid = (int) Math.max(1, Math.min(n - test - 1, Math.round(n * validRatio)));
        return new int[]{test, valid};
    }

    /** Validates a test/valid ratio pair read from the split block. */
    static void checkRatios(String path, double testRatio, double validRatio) {
        if (!(testRatio > 0 && testRatio < 1))
            throw new io.reclab.config.ConfigError("`" + path + ".test-ratio` = " + testRatio + ": expected a number in (0, 1)");
        if (!(validRatio >= 0 && validRatio < 1))
            throw new io.reclab.config.ConfigError("`" + path + ".valid-ratio` = " + validRatio + ": expected a number in [0, 1)");
        if (!(testRatio + validRatio < 1))
            throw new io.reclab.config.ConfigError("`" + path + ".test-ratio` + `valid-ratio` = " + (testRatio + validRatio)
                    + ": expected < 1 so that train is not empty");
    }
}
