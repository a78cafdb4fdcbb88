package io.reclab.recall.bpr;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;
import io.reclab.train.PairSampler;

/**
 * Hyperparameters of BPR-MF (Rendle et al. 2009). Keys and defaults, each with its source:
 * <ul>
 *   <li>{@code factors = 64}, {@code optimizer = adam}, {@code learning-rate = 0.001}, {@code batch-size = 2048}:
 *       RecBole's BPR and the MF-BPR baseline of the LightGCN paper (He et al. 2020, §4.1). Rendle's original used
 *       per-sample SGD, available as {@code optimizer = sgd} (raise {@code learning-rate}, use a small
 *       {@code batch-size}); {@code beta1}, {@code beta2}, {@code epsilon} as in {@link OptimizerConfig};</li>
 *   <li>{@code l2 = 1e-2}: the loss's term {@code (l2 / 2B) Σ_s (||p_u||² + ||q_i||² + ||q_j||²)} over the batch's
 *       samples (the LightGCN code's {@code decay}, which uses 1e-4; RecBole's BPR has none), so a row is
 *       regularised once per occurrence. Chosen by a validation search (train → valid only) on RecBole's ml-100k
 *       cut, ml-latest-small and Last.fm 2K over {1e-4, 1e-3, 3e-3, 5e-3, 1e-2, 3e-2, 1e-1}: 1e-2 was best on the
 *       two MovieLens sets and 1.1% below the best (3e-3) on Last.fm; 1e-4 was 3-5% lower on the MovieLens sets
 *       and level on Last.fm (tables in {@code conf/recall/bpr.conf});</li>
 *   <li>{@code weight-decay = 0} (opt-in): the optimizer's L2, {@code weight-decay · θ} added once per step to the
 *       gradient of every touched row (PyTorch Adam's {@code weight_decay}; RecBole's default is 0 too);</li>
 *   <li>{@code item-bias = false} (opt-in): x_ui = p_u·q_i as in the paper and RecBole; {@code true} adds b_i;</li>
 *   <li>{@code init-std = 0.03}: normal init of scale close to RecBole's Xavier-normal (sqrt(2 / (n + 64)), 0.03 to
 *       0.05 on ml-100k); 0.1 (the LightGCN code) lost 0.006 to 0.012 NDCG@10 on all three validation sets;</li>
 *   <li>{@code epochs = 500}: a budget, not a schedule: training validates every {@code valid-every = 5} epochs,
 *       stops after {@code patience = 10} validations (50 epochs) without improvement (RecBole's stopping step
 *       10) and returns the parameters of the best validation. On the three sets above the best epoch fell between
 *       145 and 325; with {@code valid-every = 2} (20 epochs of patience) runs stopped early on plateaus and lost
 *       up to 0.01. Splits without a validation part run all 500 epochs and return the last;</li>
 *   <li>{@code negative-sampling = uniform} (the paper) or {@code popularity} (count^0.75);</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: see {@link Retrieval}.</li>
 * </ul>
 * {@code conf/experiment/lightgcn-protocol.conf} sets the LightGCN paper's MF-BPR (l2 1e-4, 1000 epochs).
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
                OptimizerConfig.from(b, "adam", 0.001, 1e-2),
                b.positiveInt("batch-size", 2048),
                b.positiveInt("epochs", 500),
                b.getEnum("negative-sampling", "uniform", PairSampler.MODES),
                b.getBoolean("item-bias", false),
                b.positive("init-std", 0.03),
                EarlyStopping.Config.from(b, 10, 5),
                Retrieval.from(b),
                b.nonNegative("weight-decay", 0.0));
    }

    /** L2 coefficient of the loss (the optimizer's {@code l2} key). */
    public double l2() { return optimizer.l2(); }

    /** The optimizer itself, with {@code weight-decay} as its per-step L2 (the loss carries {@code l2}). */
    OptimizerConfig stepper() {
        return new OptimizerConfig(optimizer.name(), optimizer.learningRate(), weightDecay, optimizer.beta1(), optimizer.beta2(), optimizer.epsilon());
    }
}
