package io.reclab.rank.dcn;

import io.reclab.config.ConfigBlock;
import io.reclab.nn.Activation;
import io.reclab.nn.MlpConfig;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.train.RankOptimizers;
import io.reclab.rank.train.TrainConfig;

import java.util.List;

/**
 * Hyperparameters of {@link Dcn}: {@code version} v1 | v2 (default v2), {@code cross-layers} 3,
 * {@code structure} parallel | stacked (default parallel; DCN v1 is parallel in its paper, DCN-V2 studies both),
 * {@code low-rank} 0 (= full-rank W_l; r &gt; 0 uses W_l = U_l V_l^T of rank r, v2 only), {@code embedding-dim}
 * 16, {@code init-std} 1e-4, deep MLP {@code hidden} [400, 400, 400] (BARS/FuxiCTR; an empty list gives the
 * cross network alone), {@code activation} relu, {@code dropout} 0, {@code norm} none; optimizer keys of
 * {@link OptimizerConfig} (adam, {@code learning-rate} 1e-3, {@code l2} 0; {@code epsilon} follows the optimizer,
 * see {@link RankOptimizers}); {@code epochs} 300 (a budget for early stopping on validation AUC),
 * {@code batch-size} 1024, {@code patience} 10. Embedding size, dropout, batch and learning rate come from a
 * validation search on RecBole's ml-100k CTR cut, for both versions; sources and figures: conf/rank/dcn.conf.
 */
public record DcnConfig(String version, int crossLayers, String structure, int lowRank, int embeddingDim,
                        double initStd, MlpConfig mlp, OptimizerConfig optimizer, TrainConfig train) {
    public static final List<String> VERSIONS = List.of("v1", "v2");
    public static final List<String> STRUCTURES = List.of("parallel", "stacked");
    public static final List<Integer> DEFAULT_HIDDEN = List.of(400, 400, 400);
    static final String VERSION = "v2";
    static final int CROSS_LAYERS = 3;
    static final String STRUCTURE = "parallel";
    static final int EMBEDDING_DIM = 16;
    static final double INIT_STD = 1e-4;
    static final double DROPOUT = 0.0;
    static final double LEARNING_RATE = 1e-3;
    static final TrainConfig TRAIN = new TrainConfig(300, 1024, 10);

    public DcnConfig {
        if (!VERSIONS.contains(version)) throw new IllegalArgumentException("version must be one of " + VERSIONS + ": " + version);
        if (!STRUCTURES.contains(structure))
            throw new IllegalArgumentException("structure must be one of " + STRUCTURES + ": " + structure);
        if (crossLayers <= 0) throw new IllegalArgumentException("cross-layers must be > 0: " + crossLayers);
        if (lowRank < 0) throw new IllegalArgumentException("low-rank must be >= 0: " + lowRank);
        if (lowRank > 0 && version.equals("v1")) throw new IllegalArgumentException("low-rank applies to version v2 only");
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0: " + embeddingDim);
    }

    public static DcnConfig defaults() {
        return new DcnConfig(VERSION, CROSS_LAYERS, STRUCTURE, 0, EMBEDDING_DIM, INIT_STD,
                new MlpConfig(DEFAULT_HIDDEN, Activation.RELU, DROPOUT, "none"),
                new OptimizerConfig("adam", LEARNING_RATE, 0, 0.9, 0.999, RankOptimizers.ADAM_EPSILON), TRAIN);
    }

    public static DcnConfig from(ConfigBlock b) {
        String version = b.getEnum("version", VERSION, VERSIONS);
        int lowRank = b.nonNegativeInt("low-rank", 0);
        if (lowRank > 0 && version.equals("v1"))
            throw new io.reclab.config.ConfigError("`" + b.path() + ".low-rank` = " + lowRank
                    + ": low-rank cross layers exist in version v2 only");
        return new DcnConfig(version, b.positiveInt("cross-layers", CROSS_LAYERS), b.getEnum("structure", STRUCTURE, STRUCTURES),
                lowRank, b.positiveInt("embedding-dim", EMBEDDING_DIM), b.nonNegative("init-std", INIT_STD),
                MlpConfig.from(b, DEFAULT_HIDDEN, DROPOUT),
                RankOptimizers.from(b, "adam", LEARNING_RATE, 0.0, RankOptimizers.ADAGRAD_EPSILON),
                TrainConfig.from(b, TRAIN));
    }
}
