package io.reclab.rank.gbdt;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;

/**
 * Hyperparameters of the histogram gradient-boosted trees (logistic loss, second-order leaves as in Chen &amp;
 * Guestrin 2016, "XGBoost: A Scalable Tree Boosting System", KDD).
 *
 * @param trees           boosting rounds (default 130)
 * @param depth           maximum tree depth (default 3)
 * @param leaves          maximum leaves per tree, grown best-gain first (default 32 >= 2^depth, so depth binds)
 * @param learningRate    shrinkage of every leaf value (default 0.057)
 * @param minChildWeight  minimum hessian sum in a child (default 1)
 * @param bins            maximum histogram bins per feature (default 64)
 * @param l2              L2 regularisation lambda of leaf values (default 1)
 * @param minSplitGain    gamma: minimum loss reduction to split (default 0)
 * @param patience        rounds without a better validation AUC before boosting stops and the ensemble is cut back
 *                        to its best round; 0 = grow all {@code trees} (default: {@link #PATIENCE})
 */
public record GbdtConfig(int trees, int depth, int leaves, double learningRate, double minChildWeight, int bins,
                         double l2, double minSplitGain, int patience) {
    /** The tree budget: an upper bound, validation decides (see the rank conf for where it comes from). */
    public static final int TREES = 130;
    public static final int PATIENCE = 10;

    public GbdtConfig {
        if (trees <= 0 || depth <= 0 || leaves < 2 || !(learningRate > 0) || !(minChildWeight >= 0) || bins < 2
                || !(l2 >= 0) || !(minSplitGain >= 0) || patience < 0)
            throw new IllegalArgumentException("invalid GBDT hyperparameters: " + this);
    }

    /** Without early stopping: all {@code trees} are grown. */
    public GbdtConfig(int trees, int depth, int leaves, double learningRate, double minChildWeight, int bins,
                      double l2, double minSplitGain) {
        this(trees, depth, leaves, learningRate, minChildWeight, bins, l2, minSplitGain, 0);
    }

    public static GbdtConfig defaults() { return new GbdtConfig(TREES, 3, 32, 0.057, 1, 64, 1, 0, PATIENCE); }

    public static GbdtConfig from(ConfigBlock b) {
        GbdtConfig d = defaults();
        int leaves = b.getInt("leaves", d.leaves);
        if (leaves < 2) throw new ConfigError("`" + b.path() + ".leaves` = " + leaves + ": expected an integer >= 2");
        int bins = b.getInt("bins", d.bins);
        if (bins < 2 || bins > 65536) throw new ConfigError("`" + b.path() + ".bins` = " + bins + ": expected an integer in [2, 65536]");
        return new GbdtConfig(b.positiveInt("trees", d.trees), b.positiveInt("depth", d.depth), leaves,
                b.positive("learning-rate", d.learningRate), b.nonNegative("min-child-weight", d.minChildWeight),
                bins, b.nonNegative("l2", d.l2), b.nonNegative("min-split-gain", d.minSplitGain),
                b.nonNegativeInt("patience", d.patience));
    }

    public GbdtConfig withTrees(int t) { return new GbdtConfig(t, depth, leaves, learningRate, minChildWeight, bins, l2, minSplitGain, patience); }

    public GbdtConfig withPatience(int p) { return new GbdtConfig(trees, depth, leaves, learningRate, minChildWeight, bins, l2, minSplitGain, p); }
}
