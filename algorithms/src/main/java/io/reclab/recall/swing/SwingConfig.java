package io.reclab.recall.swing;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link SwingRecaller} (block {@code recall.swing}).
 *
 * @param neighbors         item neighbours kept per item (default 100, as ItemCF)
 * @param alpha             smoothing in {@code 1 / (alpha + |I_u ∩ I_v|)} (default 1, as in Yang et al. 2020)
 * @param userWeighting     weight each user by {@code w_u = (|I_u| + userOffset)^-0.5}, so heavy users count less
 *                          (default true, as in the paper); false gives {@code w_u = 1}
 * @param userOffset        the offset in {@code w_u} (default 5, the `userAlpha` default of Alibaba PAI/Alink Swing);
 *                          it keeps users with one or two items from dominating
 * @param maxUsersPerItem   at most this many users of an item enter its user-pair sum (default 100). The pair sum
 *                          costs O(|U_i|^2) pair intersections per item, so the most popular items would dominate
 *                          fit time; above the cap a uniform sample of users is drawn, deterministically from the
 *                          context seed and the item id. On MovieLens 100K (random 80/20 split) a cap of 100 was
 *                          both the fastest and the most accurate of 100/200/1000 (Recall@10 0.172/0.167/0.155), so
 *                          sampling costs nothing there. Raise it for exactness on small data
 */
public record SwingConfig(int neighbors, double alpha, boolean userWeighting, double userOffset, int maxUsersPerItem) {
    public static final SwingConfig DEFAULTS = new SwingConfig(100, 1.0, true, 5.0, 100);

    public SwingConfig {
        if (neighbors <= 0) throw new IllegalArgumentException("neighbors must be positive: " + neighbors);
        if (!(alpha > 0)) throw new IllegalArgumentException("alpha must be > 0: " + alpha);
        if (!(userOffset >= 0)) throw new IllegalArgumentException("user-offset must be >= 0: " + userOffset);
        if (maxUsersPerItem < 2) throw new IllegalArgumentException("max-users-per-item must be >= 2: " + maxUsersPerItem);
    }

    public static SwingConfig from(ConfigBlock block) {
        int neighbors = block.positiveInt("neighbors", DEFAULTS.neighbors);
        double alpha = block.positive("alpha", DEFAULTS.alpha);
        boolean weighting = block.getBoolean("user-weighting", DEFAULTS.userWeighting);
        double offset = block.nonNegative("user-offset", DEFAULTS.userOffset);
        int cap = block.getInt("max-users-per-item", DEFAULTS.maxUsersPerItem);
        if (cap < 2)
            throw new io.reclab.config.ConfigError("`" + block.path() + ".max-users-per-item` = " + cap
                    + ": expected an integer >= 2 (a pair of users is needed)");
        return new SwingConfig(neighbors, alpha, weighting, offset, cap);
    }
}
