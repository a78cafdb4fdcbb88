package io.reclab.recall.itemcf;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link ItemCfRecaller} (block {@code recall.itemcf}).
 *
 * @param neighbors most similar items kept per item (default 100). Sarwar et al. report accuracy levelling off once the
 *                  neighbourhood holds a few dozen items; 100 keeps a margin above that (top-N recall draws on more
 *                  neighbours than rating prediction) while bounding scoring cost to 100 additions per history item
 * @param shrinkage added to the cosine denominator (default 0: the plain cosine of Sarwar et al.). A positive
 *                  value (e.g. 10, as in Bell and Koren 2007) damps similarities supported by one or two co-raters
 *                  between rare items; on MovieLens 100K (random 80/20 split, NeighborhoodBenchmark) shrinkage 10
 *                  did not help (Recall@10 0.183 vs 0.185 at 0), so the paper's formula is the default. Try it on
 *                  sparser data
 * @param iuf       inverse user frequency: each co-rating user u contributes {@code 1 / log(1 + |I_u|)} instead of 1
 *                  (Breese, Heckerman, Kadie 1998; Karypis 2001), down-weighting heavy users (default false)
 * @param normalize divide each item's neighbour row by its largest similarity ("ItemCF-Norm"), so every history
 *                  item contributes on the same scale (default false)
 */
public record ItemCfConfig(int neighbors, double shrinkage, boolean iuf, boolean normalize) {
    public static final ItemCfConfig DEFAULTS = new ItemCfConfig(100, 0.0, false, false);

    public ItemCfConfig {
        if (neighbors <= 0) throw new IllegalArgumentException("neighbors must be positive: " + neighbors);
        if (!(shrinkage >= 0)) throw new IllegalArgumentException("shrinkage must be >= 0: " + shrinkage);
    }

    public static ItemCfConfig from(ConfigBlock block) {
        return new ItemCfConfig(
                block.positiveInt("neighbors", DEFAULTS.neighbors),
                block.nonNegative("shrinkage", DEFAULTS.shrinkage),
                block.getBoolean("iuf", DEFAULTS.iuf),
                block.getBoolean("normalize", DEFAULTS.normalize));
    }
}
