package io.reclab.rank.ffm;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

/**
 * Hyperparameters of {@link Ffm}. Model as Juan et al. (2016) and libffm define it: {@code normalize} true
 * (libffm's instance-wise normalisation: the pairwise term is divided by ||x||^2), {@code linear} false (the
 * paper's model has no bias or linear term). Defaults of the rest from a validation search (conf/rank/ffm.conf has
 * the grid), where RecBole's settings beat libffm's (k 4, AdaGrad lr 0.2, lambda 2e-5, batch 128):
 * {@code embedding-dim} 16 (k), {@code optimizer} adam, {@code learning-rate} 1e-3, {@code l2} 0,
 * {@code epsilon} following the optimizer ({@link RankOptimizers}: Adam's 1e-8; for adagrad
 * {@link #LIBFFM_ADAGRAD_EPSILON}); {@code epochs} 300 (a budget), {@code batch-size} 2048, {@code patience} 10.
 * With adagrad the gradient is summed over the batch, so each sample contributes as in libffm's online update.
 */
public record FfmConfig(int embeddingDim, boolean normalize, boolean linear, OptimizerConfig optimizer, TrainConfig train) {
    /**
     * Adagrad's epsilon for FFM, 1: it stands in for libffm starting its squared-gradient sums at 1, which damps the
     * first steps (added to sqrt(G) in the denominator).
     */
    public static final double LIBFFM_ADAGRAD_EPSILON = 1.0;
    static final int EMBEDDING_DIM = 16;
    static final double LEARNING_RATE = 1e-3;
    static final TrainConfig TRAIN = new TrainConfig(300, 2048, 10);

    public FfmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
    }

    public static FfmConfig defaults() {
        return new FfmConfig(EMBEDDING_DIM, true, false,
                new OptimizerConfig("adam", LEARNING_RATE, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), TRAIN);
    }

    public static FfmConfig from(ConfigBlock b) {
        // an unset epsilon follows the optimizer chosen: libffm's 1 for adagrad would keep Adam from moving
        OptimizerConfig opt = RankOptimizers.from(b, "adam", LEARNING_RATE, 0.0, LIBFFM_ADAGRAD_EPSILON);
        return new FfmConfig(b.positiveInt("embedding-dim", EMBEDDING_DIM), b.getBoolean("normalize", true),
                b.getBoolean("linear", false), opt, TrainConfig.from(b, TRAIN));
    }
}
