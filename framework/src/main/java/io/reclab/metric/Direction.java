package io.reclab.metric;

import java.util.Locale;

/**
 * Which values of a metric are better: higher (recall, NDCG, AUC), lower (log loss, popularity bias), or closest
 * to 1 (the calibration ratio, bad whether a model over- or under-predicts). Each metric declares its own, and
 * run.json stores it beside the values, so reports never infer it from a name.
 */
public enum Direction {
    HIGHER("higher"), LOWER("lower"), CLOSEST_TO_ONE("closest-to-1");

    private final String key;

    Direction(String key) { this.key = key; }

    /** The word written to run.json. */
    public String key() { return key; }

    /** How far {@code value} is from the best: smaller is better, for sorting values of one metric. */
    public double badness(double value) {
        return switch (this) {
            case HIGHER -> -value;
            case LOWER -> value;
            case CLOSEST_TO_ONE -> Math.abs(value - 1);
        };
    }

    /** True when {@code a} is strictly better than {@code b}. NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return badness(a) < badness(b);
    }

    /** Parses {@link #key()} (case-insensitive). */
    public static Direction of(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (Direction d : values()) if (d.key.equals(k)) return d;
        throw new IllegalArgumentException("unknown metric direction `" + key + "`: expected higher, lower or closest-to-1");
    }
}
