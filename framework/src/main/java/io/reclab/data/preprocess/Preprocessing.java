package io.reclab.data.preprocess;

import io.reclab.config.ConfigBlock;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Cleaning steps applied to a loaded dataset, parsed from block {@code dataset.preprocess}. Applied by
 * {@link Preprocessor} in the order dedupe → min-rating → binarize → k-core (RecBole's order: a duplicate pair is
 * resolved before its surviving row is judged).
 *
 * @param minRating keep rows with value >= this (key {@code min-rating}; default: no filter)
 * @param binarize  set every kept value to 1 (key {@code binarize}; default false)
 * @param userCore  iteratively drop users with fewer rows (key {@code user-core}; default 0 = off)
 * @param itemCore  iteratively drop items with fewer rows (key {@code item-core}; default 0 = off)
 * @param dedupe    one row per (user, item): {@code none} (default), {@code first} or {@code last} by time, ties
 *                  by log order
 */
public record Preprocessing(OptionalDouble minRating, boolean binarize, int userCore, int itemCore, Dedupe dedupe) {
    /** How repeated (user, item) pairs are resolved. */
    public enum Dedupe { NONE, FIRST, LAST }

    public static final Preprocessing NONE = new Preprocessing(OptionalDouble.empty(), false, 0, 0, Dedupe.NONE);

    public Preprocessing {
        if (userCore < 0 || itemCore < 0) throw new IllegalArgumentException("core sizes must be >= 0");
    }

    /** True when {@link Preprocessor#apply} would change nothing. */
    public boolean isNoop() {
        return minRating.isEmpty() && !binarize && userCore <= 1 && itemCore <= 1 && dedupe == Dedupe.NONE;
    }

    /** Parses the {@code preprocess} child of a {@code dataset} block and rejects unknown keys in it. */
    public static Preprocessing fromDataset(ConfigBlock dataset) {
        return from(dataset.child("preprocess"));
    }

    /** Parses a {@code preprocess} block (absent keys take the defaults) and rejects unknown keys in it. */
    public static Preprocessing from(ConfigBlock b) {
        OptionalDouble min = b.has("min-rating") ? OptionalDouble.of(b.getDouble("min-rating", null)) : OptionalDouble.empty();
        boolean bin = b.getBoolean("binarize", false);
        int uc = b.nonNegativeInt("user-core", 0);
        int ic = b.nonNegativeInt("item-core", 0);
        String d = b.getEnum("dedupe", "none", List.of("none", "first", "last"));
        b.finish();
        return new Preprocessing(min, bin, uc, ic, Dedupe.valueOf(d.toUpperCase()));
    }
}
