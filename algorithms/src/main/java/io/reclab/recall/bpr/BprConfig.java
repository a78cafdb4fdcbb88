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
 *   <li>{@code optimizer = adam}, {@code learning-rate = 0.001}, {@code batch-size = 2048}: the MF-BPR baseline
 *       setting of the LightGCN paper (He et al. 2020, §4.1). Rendle's original used per-sample SGD, available as
 *       {@code optimizer = sgd} (raise {@code learning-rate} and use a small {@code batch-size});
 *       {@code beta1}, {@code beta2}, {@code epsilon} as in {@link OptimizerConfig};</li>
 *   <li>two L2 terms, placed differently:
 *     <ul>
 *       <li>{@code l2 = 1e-4}: the loss's term {@code (l2 / 2B) Σ_s (||p_u||² + ||q_i||² + ||q_j||²)} over the
 *           batch's samples (the LightGCN code's {@code decay}), so a row is regularised once per occurrence and
 *           frequent users and items much more than rare ones;</li>
 *       <li>{@code weight-decay = 1e-4}: the optimizer's L2, {@code weight-decay · θ} added once per step to the
 *           gradient of every row the batch touched (as {@code weight_decay} of PyTorch's Adam), i.e. the same
 *           pull on every row however often it occurs. Under Adam this term is normalised with the data gradient,
 *           so rows with little evidence (rare items, light users) shrink toward zero and rank by their bias.</li>
 *     </ul>
 *     Defaults from sweeps on the embedded synthetic data only (generator seeds 7 and 42, 80/20 split; never a real
 *     data set's test split). Per-occurrence L2 alone plateaued at NDCG@10 0.384 (mean of the two seeds) for
 *     every l2 in 1e-2..1e-1, batch 256..2048, 16..64 factors, with or without averaging of iterates, against
 *     ItemCF's 0.388; adding {@code weight-decay = 1e-4} gave 0.395 at 200 epochs;</li>
 *   <li>{@code epochs = 200}: a training budget, not convergence: with the defaults above quality peaks around it
 *       and slowly declines later (NDCG@10 mean 0.395 at 200, 0.388 at 500 epochs). When the split has a
 *       validation part, training is validated every {@code valid-every = 5} epochs and stops after
 *       {@code patience = 10} validations without improvement (RecBole's stopping step), keeping the best;</li>
 *   <li>{@code item-bias = true}: x_ui = p_u·q_i + b_i. The paper's MF has no bias; the bias carries item
 *       popularity (which the other factors then need not encode) and is what the weight decay shrinks rare rows
 *       toward. {@code false} gives the paper's model;</li>
 *   <li>{@code negative-sampling = uniform} (the paper) or {@code popularity} (count^0.75; clearly worse on the
 *       synthetic data, 0.31-0.34);</li>
 *   <li>{@code init-std = 0.1}: normal init as in the LightGCN PyTorch code for MF;</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: see {@link Retrieval}.</li>
 * </ul>
 * {@code conf/experiment/lightgcn-protocol.conf} sets the LightGCN paper's MF-BPR back (no bias, no weight decay,
 * 1000 epochs).
 */
public record BprConfig(int factors, OptimizerConfig optimizer, int batchSize, int epochs, String negativeSampling,
                        boolean itemBias, double initStd, EarlyStopping.Config stopping, Retrieval retrieval,
                        double weightDecay) {
    /** The record without weight decay (the loss's per-occurrence L2 only). */
    public BprConfig(int factors, OptimizerConfig optimizer, int batchSize, int epochs, String negativeSampling,
                     boolean itemBias, double initStd, EarlyStopping.Config stopping, Retrieval retrieval) {
        this(factors, optimizer, batchSize, epochs, negativeSampling, itemBias, initStd, stopping, retrieval, 0);
    }

    public BprConfig {
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight-decay must be >= 0, got " + weightDecay);
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
                b.positiveInt("epochs", 200),
                b.getEnum("negative-sampling", "uniform", PairSampler.MODES),
                b.getBoolean("item-bias", true),
                b.positive("init-std", 0.1),
                EarlyStopping.Config.from(b, 10, 5),
                Retrieval.from(b),
                b.nonNegative("weight-decay", 1e-4));
    }

    /** L2 coefficient of the loss (the optimizer's {@code l2} key). */
    public double l2() { return optimizer.l2(); }

    /** The optimizer itself, with {@code weight-decay} as its per-step L2 (the loss carries {@code l2}). */
    OptimizerConfig stepper() {
        return new OptimizerConfig(optimizer.name(), optimizer.learningRate(), weightDecay, optimizer.beta1(), optimizer.beta2(), optimizer.epsilon());
    }
}
