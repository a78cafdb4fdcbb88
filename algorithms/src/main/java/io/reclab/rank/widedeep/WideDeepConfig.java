package io.reclab.rank.widedeep;

import io.reclab.config.ConfigBlock;
import io.reclab.nn.Activation;
import io.reclab.nn.MlpConfig;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

import java.util.List;

/**
 * Hyperparameters of {@link WideDeep}. Deep part: {@code embedding-dim} 16 (RecBole), {@code init-std} 1e-4
 * (FuxiCTR), MLP {@code hidden} [400, 400, 400] (BARS/FuxiCTR on Criteo; validation chose it over RecBole's
 * [32, 16, 8]; the paper used [1024, 512, 256] at Google Play scale), {@code activation} relu, {@code dropout} 0,
 * {@code norm} none; {@code deep-optimizer} adam (the paper used AdaGrad; adagrad and sgd are accepted),
 * {@code learning-rate} 1e-3, {@code l2} 0, {@code beta1}, {@code beta2}, {@code epsilon} (following the
 * optimizer). Wide part: FTRL-Proximal with L1 as in the paper, {@code wide-alpha} 0.05,
 * {@code wide-beta} 1, {@code wide-l1} 1, {@code wide-l2} 1 (McMahan et al.'s parameterisation; the wide
 * gradient is summed over the batch, so these keep their per-sample meaning). Training: {@code epochs} 300
 * (a budget), {@code batch-size} 2048, {@code patience} 10 (RecBole's). Sources and grid: conf/rank/widedeep.conf.
 */
public record WideDeepConfig(int embeddingDim, double initStd, MlpConfig mlp, OptimizerConfig deepOptimizer,
                             double wideAlpha, double wideBeta, double wideL1, double wideL2, TrainConfig train) {
    public WideDeepConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
        if (!(wideAlpha > 0) || !(wideBeta >= 0) || !(wideL1 >= 0) || !(wideL2 >= 0))
            throw new IllegalArgumentException("FTRL needs wide-alpha > 0 and wide-beta, wide-l1, wide-l2 >= 0");
    }

    public static final List<Integer> DEFAULT_HIDDEN = List.of(400, 400, 400);
    static final int EMBEDDING_DIM = 16;
    static final TrainConfig TRAIN = new TrainConfig(300, 2048, 10);

    public static WideDeepConfig defaults() {
        return new WideDeepConfig(EMBEDDING_DIM, 1e-4, new MlpConfig(DEFAULT_HIDDEN, Activation.RELU, 0, "none"),
                new OptimizerConfig("adam", 1e-3, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), 0.05, 1, 1, 1, TRAIN);
    }

    public static WideDeepConfig from(ConfigBlock b) {
        OptimizerConfig opt = RankOptimizers.from(b, "deep-optimizer", "adam", 1e-3, 0.0, RankOptimizers.ADAGRAD_EPSILON);
        return new WideDeepConfig(b.positiveInt("embedding-dim", EMBEDDING_DIM), b.nonNegative("init-std", 1e-4),
                MlpConfig.from(b, DEFAULT_HIDDEN, 0.0), opt,
                b.positive("wide-alpha", 0.05), b.nonNegative("wide-beta", 1.0),
                b.nonNegative("wide-l1", 1.0), b.nonNegative("wide-l2", 1.0), TrainConfig.from(b, TRAIN));
    }
}
