package io.reclab.recall.rp3beta;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link Rp3BetaRecaller} (block {@code recall.rp3beta}).
 *
 * Defaults: {@code neighbors} as ItemCF; {@code alpha}, {@code beta} and {@code normalize} from a validation search
 * on three real data sets (Paudel et al. and the reference implementations tune them per data set; figures in
 * {@code conf/recall/rp3beta.conf}, never a test split).
 *
 * @param neighbors item neighbours kept per item (default 100, as ItemCF)
 * @param alpha     exponent on the transition probabilities (default 0.75; 1 = the plain 3-step random-walk
 *                  probabilities, which lost 6.5% of validation NDCG@10 on ml-latest-small)
 * @param beta      popularity penalty exponent on the target item's degree (default 0.4; the former 0.6, the
 *                  default of baseline implementations such as Elliot and irspack, boosts rare items so much on
 *                  long-tailed catalogues that it lost 23% on Last.fm 2K even with row normalisation). beta = 0
 *                  gives P3alpha
 * @param normalize divide each item row by its sum (L1) after truncation, as the reference implementations'
 *                  {@code normalize_similarity} option (default true: without it larger alpha and beta collapse on
 *                  ml-latest-small and Last.fm, e.g. alpha 1, beta 0.5: Last.fm .0899 against .1568 normalised)
 */
public record Rp3BetaConfig(int neighbors, double alpha, double beta, boolean normalize) {
    public static final Rp3BetaConfig DEFAULTS = new Rp3BetaConfig(100, 0.75, 0.4, true);

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
