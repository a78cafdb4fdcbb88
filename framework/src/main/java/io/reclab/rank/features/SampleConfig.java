package io.reclab.rank.features;

import io.reclab.config.ConfigBlock;

import java.util.List;

/**
 * How {@link SampleBuilder} turns an interaction log into labelled ranking rows.
 *
 * @param label         {@code threshold}: every interaction is a row, label 1 iff value >= threshold (explicit
 *                      ratings); {@code implicit}: every interaction is a positive, plus {@code negatives} sampled
 *                      items the user has not interacted with, label 0
 * @param threshold     rating threshold (default 4, the usual MovieLens CTR convention)
 * @param negatives     sampled negatives per positive in implicit mode (default 4)
 * @param historyLength length of the {@code history} column (the user's most recent items before the row's time);
 *                      0 (default) writes no history column
 */
public record SampleConfig(Label label, double threshold, int negatives, int historyLength) {
    /** Labelling mode. */
    public enum Label { THRESHOLD, IMPLICIT }

    public SampleConfig {
        if (negatives < 0) throw new IllegalArgumentException("negatives must be >= 0, got " + negatives);
        if (historyLength < 0) throw new IllegalArgumentException("history length must be >= 0, got " + historyLength);
    }

    public static SampleConfig threshold(double threshold) { return new SampleConfig(Label.THRESHOLD, threshold, 0, 0); }

    public static SampleConfig implicit(int negatives) { return new SampleConfig(Label.IMPLICIT, 0, negatives, 0); }

    public SampleConfig withHistory(int length) { return new SampleConfig(label, threshold, negatives, length); }

    /** Keys {@code label} (threshold | implicit), {@code threshold} 4, {@code negatives} 4, {@code history-length} 0. */
    public static SampleConfig from(ConfigBlock b) {
        Label l = Label.valueOf(b.getEnum("label", "threshold", List.of("threshold", "implicit")).toUpperCase(java.util.Locale.ROOT));
        return new SampleConfig(l, b.getDouble("threshold", 4.0), b.nonNegativeInt("negatives", 4), b.nonNegativeInt("history-length", 0));
    }
}
