package io.reclab.recall.rp3beta;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link Rp3BetaRecaller} (block {@code recall.rp3beta}).
 *
 * @param neighbors item neighbours kept per item (default 100, as ItemCF)
 * @param alpha     exponent on the transition probabilities (default 1.0: the plain 3-step random-walk
 *                  transition probabilities, which alpha = 1 leaves unchanged)
 * @param beta      popularity penalty exponent on the target item's degree (default 0.6, the default of widely used
 *                  baseline implementations such as Elliot and irspack; Paudel et al. tune beta per data set, and it
 *                  should be tuned here too). beta = 0 gives P3alpha
 * @param normalize divide each item row by its sum (L1) after truncation, as the reference implementations'
 *                  {@code normalize_similarity} option (default false)
 */
public record Rp3BetaConfig(int neighbors, double alpha, double beta, boolean normalize) {
    public static final Rp3BetaConfig DEFAULTS = new Rp3BetaConfig(100, 1.0, 0.6, false);

    public Rp3BetaConfig {
        if (neighbors <= 0) throw new IllegalArgumentException("neighbors must be positive: " + neighbors);
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0: " + alpha);
        if (!(beta >= 0)) throw new IllegalArgumentException("beta must be >= 0: " + beta);
    }

    public static Rp3BetaConfig from(ConfigBlock block) {
        return new Rp3BetaConfig(
                block.positiveInt("neighbors", DEFAULTS.neighbors),
                block.nonNegative("alpha", DEFAULTS.alpha),
                block.nonNegative("beta", DEFAULTS.beta),
                block.getBoolean("normalize", DEFAULTS.normalize));
    }
}
