package io.reclab.recall.bpr;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;
import io.reclab.train.PairSampler;

/**
 * Hyperparameters of BPR-MF (Rendle et al. 2009). Keys and defaults:
 * <ul>
 *   <li>{@code factors = 64};</li>
 *   <li>{@code optimizer = adam}, {@code learning-rate = 0.001}, {@code l2 = 1e-4}, {@code batch-size = 2048}:
 *       the MF-BPR baseline setting of the LightGCN paper (He et al. 2020, §4.1), which made BPR-MF a strong,
 *       comparable baseline. Rendle's original used per-sample SGD, available as {@code optimizer = sgd}
 *       (raise {@code learning-rate}, e.g. 0.05, and use a small {@code batch-size}). {@code l2} is the
 *       coefficient of the loss's L2 term {@code (l2 / 2B) Σ (||p_u||² + ||q_i||² + ||q_j||²)} on the rows a
 *       batch touches (LightGCN's {@code decay}), not an extra weight decay in the optimizer;
 *       {@code beta1}, {@code beta2}, {@code epsilon} as in {@link OptimizerConfig};</li>
 *   <li>{@code epochs = 300} with {@code patience = 10} validations, {@code valid-every = 5} (RecBole's epoch
 *       budget and stopping step);</li>
 *   <li>{@code negative-sampling = uniform} (the paper) or {@code popularity} (count^0.75);</li>
 *   <li>{@code item-bias = false}: the paper's MF has no bias; {@code true} adds b_i to x_ui;</li>
 *   <li>{@code init-std = 0.1}: normal init as in the LightGCN PyTorch code for MF;</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: see {@link Retrieval}.</li>
 * </ul>
 */
public record BprConfig(int factors, OptimizerConfig optimizer, int batchSize, int epochs, String negativeSampling,
                        boolean itemBias, double initStd, EarlyStopping.Config stopping, Retrieval retrieval) {
    public BprConfig {
        if (factors < 1) throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        if (batchSize < 1) throw new IllegalArgumentException("batch-size must be >= 1, got " + batchSize);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (!PairSampler.MODES.contains(negativeSampling))
            throw new IllegalArgumentException("negative-sampling must be one of " + PairSampler.MODES + ", got " + negativeSampling);
        if (!(initStd > 0)) throw new IllegalArgumentException("init-std must be > 0, got " + initStd);
    }

    public static BprConfig from(ConfigBlock b) {
        return new BprConfig(
                b.positiveInt("factors", 64),
                OptimizerConfig.from(b, "adam", 0.001, 1e-4),
                b.positiveInt("batch-size", 2048),
                b.positiveInt("epochs", 300),
                b.getEnum("negative-sampling", "uniform", PairSampler.MODES),
                b.getBoolean("item-bias", false),
                b.positive("init-std", 0.1),
                EarlyStopping.Config.from(b, 10, 5),
                Retrieval.from(b));
    }

    /** L2 coefficient of the loss (the optimizer's {@code l2} key). */
    public double l2() { return optimizer.l2(); }

    /** The optimizer itself, without weight decay (the loss carries the L2 term). */
    OptimizerConfig stepper() {
        return new OptimizerConfig(optimizer.name(), optimizer.learningRate(), 0, optimizer.beta1(), optimizer.beta2(), optimizer.epsilon());
    }
}
