package io.reclab.recall.usercf;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link UserCfRecaller} (block {@code recall.usercf}).
 *
 * @param neighbors most similar users kept per user (default 50). Herlocker et al. 1999 found prediction accuracy
 *                  rising up to roughly 20-60 neighbours and flat or slightly worse beyond; 50 sits in that range
 * @param shrinkage added to the cosine denominator (default 0, the plain cosine). As for ItemCF, a positive value
 *                  damps similarities between users who share only one or two items; on MovieLens 100K (random
 *                  80/20 split) shrinkage 10 did not help (Recall@10 0.213 vs 0.215 at 0)
 */
public record UserCfConfig(int neighbors, double shrinkage) {
    public static final UserCfConfig DEFAULTS = new UserCfConfig(50, 0.0);

    public UserCfConfig {
        if (neighbors <= 0) throw new IllegalArgumentException("neighbors must be positive: " + neighbors);
        if (!(shrinkage >= 0)) throw new IllegalArgumentException("shrinkage must be >= 0: " + shrinkage);
    }

    public static UserCfConfig from(ConfigBlock block) {
        return new UserCfConfig(
                block.positiveInt("neighbors", DEFAULTS.neighbors),
                block.nonNegative("shrinkage", DEFAULTS.shrinkage));
    }
}
