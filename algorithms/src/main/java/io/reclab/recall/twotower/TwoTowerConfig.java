package io.reclab.recall.twotower;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;

import java.util.List;

/**
 * Hyperparameters of {@link TwoTower}. Keys and defaults:
 * <ul>
 *   <li>{@code embedding-dim} = 32 — size of every id / feature / history-item embedding (one input slot each)</li>
 *   <li>{@code hidden} = [128, 64] — ReLU hidden layers of each tower; {@code output-dim} = 64 — the linear output
 *       layer (the retrieval embedding)</li>
 *   <li>{@code user-id} = true — include a user-id embedding in the user tower</li>
 *   <li>{@code history} = 50 — mean-pooled most recent training items (YouTube DNN's last 50 watches)</li>
 *   <li>{@code normalize} = true, {@code temperature} = 0.05 — L2-normalised outputs with logits
 *       cos/τ, as Yi et al. 2019 (τ tuned around 0.05)</li>
 *   <li>{@code logq-correction} = true — subtract log Q(item) from in-batch logits</li>
 *   <li>{@code batch-size} = 256, {@code epochs} = 20, {@code eval-every} = 1, {@code patience} = 3</li>
 *   <li>{@code init-std} = 0.1 — embedding initialisation N(0, init-std²); dense layers use He initialisation</li>
 *   <li>{@code numeric-buckets} = 10 — equal-frequency buckets for numeric side features (0 = skip)</li>
 *   <li>optimizer keys ({@link OptimizerConfig}): {@code optimizer} = adam, {@code learning-rate} = 0.001,
 *       {@code l2} = 0 (Kingma and Ba's defaults)</li>
 * </ul>
 */
public record TwoTowerConfig(int embeddingDim, int[] hidden, int outputDim, boolean userId, int history,
                             boolean normalize, double temperature, boolean logqCorrection, int batchSize,
                             int epochs, int evalEvery, int patience, double initStd, int numericBuckets,
                             OptimizerConfig optimizer) {
    public TwoTowerConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0, got " + embeddingDim);
        hidden = hidden.clone();
        for (int h : hidden) if (h <= 0) throw new IllegalArgumentException("hidden sizes must be > 0, got " + h);
        if (outputDim <= 0) throw new IllegalArgumentException("output-dim must be > 0, got " + outputDim);
        if (history < 0) throw new IllegalArgumentException("history must be >= 0, got " + history);
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        if (batchSize < 2) throw new IllegalArgumentException("batch-size must be >= 2 (in-batch negatives), got " + batchSize);
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (evalEvery <= 0) throw new IllegalArgumentException("eval-every must be > 0, got " + evalEvery);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (!(initStd >= 0)) throw new IllegalArgumentException("init-std must be >= 0, got " + initStd);
        if (numericBuckets < 0) throw new IllegalArgumentException("numeric-buckets must be >= 0, got " + numericBuckets);
    }

    @Override public int[] hidden() { return hidden.clone(); }

    public static TwoTowerConfig defaults() {
        return new TwoTowerConfig(32, new int[]{128, 64}, 64, true, 50, true, 0.05, true, 256, 20, 1, 3, 0.1, 10,
                new OptimizerConfig("adam", 0.001, 0.0, 0.9, 0.999, 1e-8));
    }

    public static TwoTowerConfig from(ConfigBlock b) {
        TwoTowerConfig d = defaults();
        List<Integer> hid = b.getIntList("hidden", List.of(128, 64));
        int[] h = new int[hid.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = hid.get(i);
            if (h[i] <= 0) throw new io.reclab.config.ConfigError("`" + b.path() + ".hidden` = " + hid + ": expected positive layer sizes");
        }
        return new TwoTowerConfig(
                b.positiveInt("embedding-dim", d.embeddingDim),
                h,
                b.positiveInt("output-dim", d.outputDim),
                b.getBoolean("user-id", d.userId),
                b.nonNegativeInt("history", d.history),
                b.getBoolean("normalize", d.normalize),
                b.positive("temperature", d.temperature),
                b.getBoolean("logq-correction", d.logqCorrection),
                b.positiveInt("batch-size", d.batchSize),
                b.positiveInt("epochs", d.epochs),
                b.positiveInt("eval-every", d.evalEvery),
                b.nonNegativeInt("patience", d.patience),
                b.nonNegative("init-std", d.initStd),
                b.nonNegativeInt("numeric-buckets", d.numericBuckets),
                OptimizerConfig.from(b, d.optimizer.name(), d.optimizer.learningRate(), d.optimizer.l2()));
    }
}
