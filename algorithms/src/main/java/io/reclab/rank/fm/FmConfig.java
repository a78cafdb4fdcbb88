package io.reclab.rank.fm;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

/**
 * Hyperparameters of {@link Fm}. Keys (defaults): {@code embedding-dim} (16, the factor dimension k),
 * {@code init-std} (0.01: factors start N(0, 0.01^2), small but not symmetric), optimizer keys of
 * {@link OptimizerConfig} ({@code optimizer} adam, {@code learning-rate} 1e-3, {@code l2} 0; {@code epsilon}
 * follows the optimizer, see {@link RankOptimizers}; Rendle's SGD is {@code optimizer = sgd}), and
 * {@link TrainConfig}'s {@code epochs} (300, a budget), {@code batch-size} (2048) and {@code patience} (10).
 * These are RecBole's context-aware settings, kept after a validation search (conf/rank/fm.conf has the grid).
 */
public record FmConfig(int embeddingDim, double initStd, OptimizerConfig optimizer, TrainConfig train) {
    static final int EMBEDDING_DIM = 16;
    static final double LEARNING_RATE = 1e-3;
    static final TrainConfig TRAIN = new TrainConfig(300, 2048, 10);

    public FmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
        if (!(initStd >= 0)) throw new IllegalArgumentException("init-std must be >= 0: " + initStd);
    }

    public static FmConfig defaults() {
        return new FmConfig(EMBEDDING_DIM, 0.01,
                new OptimizerConfig("adam", LEARNING_RATE, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), TRAIN);
    }

    public static FmConfig from(ConfigBlock b) {
        return new FmConfig(b.positiveInt("embedding-dim", EMBEDDING_DIM), b.nonNegative("init-std", 0.01),
                RankOptimizers.from(b, "adam", LEARNING_RATE, 0.0, RankOptimizers.ADAGRAD_EPSILON),
                TrainConfig.from(b, TRAIN));
    }
}
