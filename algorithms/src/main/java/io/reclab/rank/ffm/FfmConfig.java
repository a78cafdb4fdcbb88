package io.reclab.rank.ffm;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

/**
 * Hyperparameters of {@link Ffm}, defaults from Juan et al. (2016) and libffm: {@code embedding-dim} 4 (k),
 * {@code optimizer} adagrad with {@code learning-rate} 0.2 (eta) and {@code l2} 2e-5 (lambda),
 * {@code epsilon} {@link #LIBFFM_ADAGRAD_EPSILON} for adagrad (another optimizer takes its own, see
 * {@link RankOptimizers}), {@code normalize} true (libffm's instance-wise
 * normalisation: the pairwise term is divided by ||x||^2), {@code linear} false (the paper's model has no bias
 * or linear term). Training: {@code epochs} 15 (libffm's default iterations), {@code batch-size} 128 (the paper
 * runs per-sample SGD; minibatches keep threads busy, and the gradient is summed over the batch, so each sample
 * contributes as in the online update), {@code patience} 2.
 */
public record FfmConfig(int embeddingDim, boolean normalize, boolean linear, OptimizerConfig optimizer, TrainConfig train) {
    /**
     * Adagrad's epsilon for FFM, 1: it stands in for libffm starting its squared-gradient sums at 1, which damps the
     * first steps (added to sqrt(G) in the denominator).
     */
    public static final double LIBFFM_ADAGRAD_EPSILON = 1.0;

    public FfmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
    }

    public static FfmConfig defaults() {
        return new FfmConfig(4, true, false, new OptimizerConfig("adagrad", 0.2, 2e-5, 0.9, 0.999, LIBFFM_ADAGRAD_EPSILON),
                new TrainConfig(15, 128, 2));
    }

    public static FfmConfig from(ConfigBlock b) {
        // an unset epsilon follows the optimizer chosen: libffm's 1 for adagrad would keep Adam from moving
        OptimizerConfig opt = RankOptimizers.from(b, "adagrad", 0.2, 2e-5, LIBFFM_ADAGRAD_EPSILON);
        return new FfmConfig(b.positiveInt("embedding-dim", 4), b.getBoolean("normalize", true),
                b.getBoolean("linear", false), opt, TrainConfig.from(b, 15, 128, 2));
    }
}
