package io.reclab.rank.fm;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

/**
 * Hyperparameters of {@link Fm}. Keys (defaults): {@code embedding-dim} (10, the factor dimension k; BARS's
 * Criteo_x1 setting), {@code init-std} (0.01: factors start N(0, 0.01^2), small but not symmetric),
 * optimizer keys of {@link OptimizerConfig} ({@code optimizer} adam, {@code learning-rate} 1e-3, {@code l2} 0;
 * {@code epsilon} follows the optimizer, see {@link RankOptimizers} —
 * FuxiCTR's defaults; Rendle's SGD is {@code optimizer = sgd}), and {@link TrainConfig}'s {@code epochs} (10),
 * {@code batch-size} (4096) and {@code patience} (2).
 */
public record FmConfig(int embeddingDim, double initStd, OptimizerConfig optimizer, TrainConfig train) {
    public FmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
        if (!(initStd >= 0)) throw new IllegalArgumentException("init-std must be >= 0: " + initStd);
    }

    public static FmConfig defaults() {
        return new FmConfig(10, 0.01, new OptimizerConfig("adam", 1e-3, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), new TrainConfig(10, 4096, 2));
    }

    public static FmConfig from(ConfigBlock b) {
        return new FmConfig(b.positiveInt("embedding-dim", 10), b.nonNegative("init-std", 0.01),
                RankOptimizers.from(b, "adam", 1e-3, 0.0, RankOptimizers.ADAGRAD_EPSILON), TrainConfig.from(b, 10, 4096, 2));
    }
}
