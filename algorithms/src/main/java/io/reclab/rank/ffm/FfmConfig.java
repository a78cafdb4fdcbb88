package io.reclab.rank.ffm;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.TrainConfig;

/**
 * Hyperparameters of {@link Ffm}, defaults from Juan et al. (2016) and libffm: {@code embedding-dim} 4 (k),
 * {@code optimizer} adagrad with {@code learning-rate} 0.2 (eta) and {@code l2} 2e-5 (lambda),
 * {@code epsilon} 1.0 (added to sqrt(G) in the Adagrad denominator; this stands in for libffm starting its
 * squared-gradient sums at 1, which damps the first steps), {@code normalize} true (libffm's instance-wise
 * normalisation: the pairwise term is divided by ||x||^2), {@code linear} false (the paper's model has no bias
 * or linear term). Training: {@code epochs} 15 (libffm's default iterations), {@code batch-size} 128 (the paper
 * runs per-sample SGD; minibatches keep threads busy, and the gradient is summed over the batch, so each sample
 * contributes as in the online update), {@code patience} 2.
 */
public record FfmConfig(int embeddingDim, boolean normalize, boolean linear, OptimizerConfig optimizer, TrainConfig train) {
    public FfmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
    }

    public static FfmConfig defaults() {
        return new FfmConfig(4, true, false, new OptimizerConfig("adagrad", 0.2, 2e-5, 0.9, 0.999, 1.0),
                new TrainConfig(15, 128, 2));
    }

    public static FfmConfig from(ConfigBlock b) {
        OptimizerConfig opt = new OptimizerConfig(
                b.getEnum("optimizer", "adagrad", OptimizerConfig.NAMES),
                b.positive("learning-rate", 0.2),
                b.nonNegative("l2", 2e-5),
                b.inRange("beta1", 0.9, 0.0, 0.999999),
                b.inRange("beta2", 0.999, 0.0, 0.99999999),
                b.positive("epsilon", 1.0));
        return new FfmConfig(b.positiveInt("embedding-dim", 4), b.getBoolean("normalize", true),
                b.getBoolean("linear", false), opt, TrainConfig.from(b, 15, 128, 2));
    }
}
