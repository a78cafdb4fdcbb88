package io.reclab.rank.deepfm;

import io.reclab.config.ConfigBlock;
import io.reclab.nn.Activation;
import io.reclab.nn.MlpConfig;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

import java.util.List;

/**
 * Hyperparameters of {@link DeepFm}: {@code embedding-dim} 16, {@code init-std} 1e-4, MLP {@code hidden}
 * [400, 400, 400] (BARS/FuxiCTR, the paper's 400-400-400 "constant" shape; validation chose it over RecBole's
 * [128, 128, 128]), {@code activation} relu (the paper found relu best), {@code dropout} 0.2 (RecBole's; it won on
 * validation at this width), {@code norm} none;
 * optimizer keys of {@link OptimizerConfig} (adam, {@code learning-rate} 1e-3, {@code l2} 0; {@code epsilon}
 * follows the optimizer); {@code epochs} 300 (a budget), {@code batch-size} 2048, {@code patience} 10
 * (RecBole's). Sources and the search grid: conf/rank/deepfm.conf.
 */
public record DeepFmConfig(int embeddingDim, double initStd, MlpConfig mlp, OptimizerConfig optimizer, TrainConfig train) {
    public static final List<Integer> DEFAULT_HIDDEN = List.of(400, 400, 400);
    static final int EMBEDDING_DIM = 16;
    static final double DROPOUT = 0.2;
    static final double LEARNING_RATE = 1e-3;
    static final TrainConfig TRAIN = new TrainConfig(300, 2048, 10);

    public DeepFmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
        if (!(initStd >= 0)) throw new IllegalArgumentException("init-std must be >= 0: " + initStd);
    }

    public static DeepFmConfig defaults() {
        return new DeepFmConfig(EMBEDDING_DIM, 1e-4, new MlpConfig(DEFAULT_HIDDEN, Activation.RELU, DROPOUT, "none"),
                new OptimizerConfig("adam", LEARNING_RATE, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), TRAIN);
    }

    public static DeepFmConfig from(ConfigBlock b) {
        return new DeepFmConfig(b.positiveInt("embedding-dim", EMBEDDING_DIM), b.nonNegative("init-std", 1e-4),
                MlpConfig.from(b, DEFAULT_HIDDEN, DROPOUT),
                RankOptimizers.from(b, "adam", LEARNING_RATE, 0.0, RankOptimizers.ADAGRAD_EPSILON),
                TrainConfig.from(b, TRAIN));
    }
}
