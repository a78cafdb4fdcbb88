package io.reclab.recall.content;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link ContentKnnRecaller}. Keys and defaults:
 * <ul>
 *   <li>{@code neighbors} = 100 — content neighbours kept per item, as ItemCF's default, so the two channels
 *       differ in the similarity only</li>
 *   <li>{@code shrinkage} = 0 — added to the cosine's denominator</li>
 *   <li>{@code idf} = true — weight each feature value by log(n_items / items with it) (Salton and Buckley 1988),
 *       so a rare tag says more than "Drama"</li>
 *   <li>{@code numeric-buckets} = 10 — equal-frequency buckets for numeric item features (year); 0 skips them</li>
 * </ul>
 */
public record ContentKnnConfig(int neighbors, double shrinkage, boolean idf, int numericBuckets) {
    public static final ContentKnnConfig DEFAULTS = new ContentKnnConfig(100, 0.0, true, 10);

    public ContentKnnConfig {
        if (neighbors <= 0) throw new IllegalArgumentException("neighbors must be > 0, got " + neighbors);
        if (!(shrinkage >= 0)) throw new IllegalArgumentException("shrinkage must be >= 0, got " + shrinkage);
        if (numericBuckets < 0) throw new IllegalArgumentException("numeric-buckets must be >= 0, got " + numericBuckets);
    }

    public static ContentKnnConfig from(ConfigBlock b) {
        ContentKnnConfig c = new ContentKnnConfig(b.positiveInt("neighbors", DEFAULTS.neighbors),
                b.nonNegative("shrinkage", DEFAULTS.shrinkage), b.getBoolean("idf", DEFAULTS.idf),
                b.nonNegativeInt("numeric-buckets", DEFAULTS.numericBuckets));
        return c;
    }
}
