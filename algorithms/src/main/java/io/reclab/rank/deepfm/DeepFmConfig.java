package io.reclab.rank.deepfm;

import io.reclab.config.ConfigBlock;
import io.reclab.nn.Activation;
import io.reclab.nn.MlpConfig;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

import java.util.List;

/**
 * Hyperparameters of {@link DeepFm}: {@code embedding-dim} 10, {@code init-std} 1e-4, MLP {@code hidden}
 * [400, 400, 400] (the paper's 400-400-400 "constant" shape; BARS/FuxiCTR on Criteo), {@code activation} relu
 * (the paper found relu best), {@code dropout} 0 (the paper's 0.5 keep-rate study is a tuning result, set it
 * here), {@code norm} none; optimizer keys of {@link OptimizerConfig} (adam, {@code learning-rate} 1e-3,
 * {@code l2} 0; {@code epsilon}
 * follows the optimizer, see {@link RankOptimizers}); {@code epochs} 10, {@code batch-size} 4096, {@code patience} 2.
 */
public record DeepFmConfig(int embeddingDim, double initStd, MlpConfig mlp, OptimizerConfig optimizer, TrainConfig train) {
    public static final List<Integer> DEFAULT_HIDDEN = List.of(400, 400, 400);

    public DeepFmConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
        if (!(initStd >= 0)) throw new IllegalArgumentException("init-std must be >= 0: " + initStd);
    }

    public static DeepFmConfig defaults() {
        return new DeepFmConfig(10, 1e-4, new MlpConfig(DEFAULT_HIDDEN, Activation.RELU, 0, "none"),
                new OptimizerConfig("adam", 1e-3, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), new TrainConfig(10, 4096, 2));
    }

    public static DeepFmConfig from(ConfigBlock b) {
        return new DeepFmConfig(b.positiveInt("embedding-dim", 10), b.nonNegative("init-std", 1e-4),
                MlpConfig.from(b, DEFAULT_HIDDEN, 0.0), RankOptimizers.from(b, "adam", 1e-3, 0.0, RankOptimizers.ADAGRAD_EPSILON),
                TrainConfig.from(b, 10, 4096, 2));
    }
}
