package io.reclab.recall.lightgcn;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;
import io.reclab.train.PairSampler;

/**
 * Hyperparameters of LightGCN (He et al. 2020). Defaults follow the paper (§4.1) and its official PyTorch code
 * except {@code refresh-every}; training is bounded by the paper's 1000 epochs and ended by early stopping on the
 * validation metric, which returns the best validation epoch's parameters.
 * <ul>
 *   <li>{@code factors = 64} embedding size; {@code layers = 3} propagation layers (K);</li>
 *   <li>{@code optimizer = adam}, {@code learning-rate = 0.001}, {@code batch-size = 2048};</li>
 *   <li>{@code l2 = 1e-4} (the paper): the coefficient of {@code (l2 / 2B) Σ ||e⁰||²} over the batch's layer-0
 *       rows (the code's {@code decay}; the optimizer itself gets no weight decay). With 1e-4 quality peaks and
 *       then declines slowly, so it needs early stopping; a split without a validation part runs all 1000 epochs
 *       and returns the last (see {@code conf/recall/lightgcn.conf} for the validation figures);</li>
 *   <li>{@code init-std = 0.1}: normal init of E⁰, as the official PyTorch code (the paper's TensorFlow code used
 *       Xavier; both are small symmetric inits);</li>
 *   <li>{@code epochs = 1000} (the paper's budget), validated every {@code valid-every = 10} epochs (as the
 *       official code evaluates), stopping after {@code patience = 5} validations without improvement (50
 *       epochs);</li>
 *   <li>{@code refresh-every = 8}: how the propagation is scheduled. {@code 1} is the official semantics: every
 *       batch propagates the current E⁰ through the whole graph (forward and backward). {@code c > 1} recomputes
 *       the neighbourhood terms {@code Σ_{l=1..K} Â^l E⁰} once every c batches (and at each epoch start) and
 *       reuses them in between, while the layer-0 term and the backward pass {@code Σ_l Â^l G} stay exact. The
 *       stale part lags by at most c − 1 optimizer steps; since {@code ||Â||₂ = 1} its error in F is at most
 *       {@code (K/(K+1)) ||E⁰_now − E⁰_refresh||_F}, and Adam moves each coordinate by about {@code learning-rate}
 *       per step. About 2× faster epochs; same quality as exact on the synthetic data (NDCG@10 0.4087 vs 0.4083,
 *       100 epochs);</li>
 *   <li>{@code negative-sampling = uniform} (or {@code popularity});</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: see {@link Retrieval}.</li>
 * </ul>
 */
public record LightGcnConfig(int factors, int layers, OptimizerConfig optimizer, int batchSize, int epochs,
                             String negativeSampling, double initStd, EarlyStopping.Config stopping, Retrieval retrieval,
                             int refreshEvery) {
    /** The official per-batch full propagation. */
    public static final int EXACT_REFRESH = 1;

    public LightGcnConfig {
        if (refreshEvery < 1) throw new IllegalArgumentException("refresh-every must be >= 1, got " + refreshEvery);
        if (factors < 1) throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        if (layers < 0) throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        if (batchSize < 1) throw new IllegalArgumentException("batch-size must be >= 1, got " + batchSize);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (!PairSampler.MODES.contains(negativeSampling))
            throw new IllegalArgumentException("negative-sampling must be one of " + PairSampler.MODES + ", got " + negativeSampling);
        if (!(initStd > 0)) throw new IllegalArgumentException("init-std must be > 0, got " + initStd);
    }

    public static LightGcnConfig from(ConfigBlock b) {
        return new LightGcnConfig(
                b.positiveInt("factors", 64),
                b.nonNegativeInt("layers", 3),
                OptimizerConfig.from(b, "adam", 0.001, 1e-4),
                b.positiveInt("batch-size", 2048),
                b.positiveInt("epochs", 1000),
                b.getEnum("negative-sampling", "uniform", PairSampler.MODES),
                b.positive("init-std", 0.1),
                EarlyStopping.Config.from(b, 5, 10),
                Retrieval.from(b),
                b.positiveInt("refresh-every", DEFAULT_REFRESH));
    }

    /** Default {@code refresh-every}. */
    public static final int DEFAULT_REFRESH = 8;

    public double l2() { return optimizer.l2(); }

    OptimizerConfig stepper() {
        return new OptimizerConfig(optimizer.name(), optimizer.learningRate(), 0, optimizer.beta1(), optimizer.beta2(), optimizer.epsilon());
    }
}
