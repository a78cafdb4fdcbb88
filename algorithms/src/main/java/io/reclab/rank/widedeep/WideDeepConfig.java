package io.reclab.rank.widedeep;

import io.reclab.config.ConfigBlock;
import io.reclab.nn.Activation;
import io.reclab.nn.MlpConfig;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

import java.util.List;

/**
 * Hyperparameters of {@link WideDeep}. Deep part: {@code embedding-dim} 10, {@code init-std} 1e-4 (FuxiCTR),
 * MLP {@code hidden} [400, 400, 400] (BARS/FuxiCTR on Criteo; the paper used [1024, 512, 256] at Google Play
 * scale), {@code activation} relu, {@code dropout} 0, {@code norm} none; {@code deep-optimizer} adam (the paper
 * used AdaGrad; adagrad and sgd are accepted), {@code learning-rate} 1e-3, {@code l2} 0, {@code beta1},
 * {@code beta2}, {@code epsilon} (following the optimizer, see {@link RankOptimizers}). Wide part: FTRL-Proximal with L1 as in the paper, {@code wide-alpha} 0.05,
 * {@code wide-beta} 1, {@code wide-l1} 1, {@code wide-l2} 1 (McMahan et al.'s parameterisation; the wide
 * gradient is summed over the batch, so these keep their per-sample meaning). Training: {@code epochs} 10,
 * {@code batch-size} 4096, {@code patience} 2.
 */
public record WideDeepConfig(int embeddingDim, double initStd, MlpConfig mlp, OptimizerConfig deepOptimizer,
                             double wideAlpha, double wideBeta, double wideL1, double wideL2, TrainConfig train) {
    public WideDeepConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
        if (!(wideAlpha > 0) || !(wideBeta >= 0) || !(wideL1 >= 0) || !(wideL2 >= 0))
            throw new IllegalArgumentException("FTRL needs wide-alpha > 0 and wide-beta, wide-l1, wide-l2 >= 0");
    }

    public static final List<Integer> DEFAULT_HIDDEN = List.of(400, 400, 400);

    public static WideDeepConfig defaults() {
        return new WideDeepConfig(10, 1e-4, new MlpConfig(DEFAULT_HIDDEN, Activation.RELU, 0, "none"),
                new OptimizerConfig("adam", 1e-3, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), 0.05, 1, 1, 1, new TrainConfig(10, 4096, 2));
    }

    public static WideDeepConfig from(ConfigBlock b) {
        OptimizerConfig opt = RankOptimizers.from(b, "deep-optimizer", "adam", 1e-3, 0.0, RankOptimizers.ADAGRAD_EPSILON);
        return new WideDeepConfig(b.positiveInt("embedding-dim", 10), b.nonNegative("init-std", 1e-4),
                MlpConfig.from(b, DEFAULT_HIDDEN, 0.0), opt,
                b.positive("wide-alpha", 0.05), b.nonNegative("wide-beta", 1.0),
                b.nonNegative("wide-l1", 1.0), b.nonNegative("wide-l2", 1.0), TrainConfig.from(b, 10, 4096, 2));
    }
}
