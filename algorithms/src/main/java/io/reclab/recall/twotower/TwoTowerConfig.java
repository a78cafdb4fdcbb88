package io.reclab.recall.twotower;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;

import java.util.List;

/**
 * Hyperparameters of {@link TwoTower}. Keys and defaults. The sizes, batch, temperature and rate come from a
 * validation search (valid NDCG@10 only, test never read) on three catalogues of different shapes: RecBole's
 * ml-100k cut (944 users × 1.7k items, dense), MovieLens latest-small (610 × 9.7k, long tail) and Last.fm HetRec 2K
 * (1.9k × 17.6k, sparse users). Grid: embedding/output dim {32, 64} × batch {256, 1024} × temperature {0.05, 0.1}
 * × learning rate {1e-3, 3e-3}, each up to 100 epochs with patience 3. The shipped point was best on all three
 * (valid NDCG@10 0.2175 / 0.1911 / 0.1422, best epochs 7 / 7 / 4; the former 32 / 128 / 0.05 / 2 epochs gave
 * 0.1970 / 0.1708 / 0.1185):
 * <ul>
 *   <li>{@code embedding-dim} = 64 — size of every id / feature / history-item embedding (one input slot each)</li>
 *   <li>{@code hidden} = [64] — ReLU hidden layers of each tower; {@code output-dim} = 64 — the linear output
 *       layer (the retrieval embedding). Smaller than the web-scale [128, 64] towers of Covington et al. /
 *       Yi et al.: catalogues of 10^3–10^4 items and ~10^5 events do not feed them, and the per-sample cost is
 *       what bounds the fit time</li>
 *   <li>{@code user-id} = true — include a user-id embedding in the user tower</li>
 *   <li>{@code history} = 50 — mean-pooled most recent training items (YouTube DNN's last 50 watches)</li>
 *   <li>{@code normalize} = true, {@code temperature} = 0.1 — L2-normalised outputs with logits cos/τ, as
 *       Yi et al. 2019 (0.1 beat their 0.05 on all three catalogues above)</li>
 *   <li>{@code logq-correction} = true — subtract log Q(item) from in-batch logits (without it the model learns
 *       popularity-free scores and loses to Popularity: quickstart NDCG@10 0.050 vs 0.372 at 5 epochs)</li>
 *   <li>{@code batch-size} = 256 (in-batch negatives: 1024 gave more negatives but a quarter of the updates and
 *       lost on all three), {@code epochs} = 100, {@code patience} = 3, {@code valid-every} = 1. The epoch count
 *       is a budget for early stopping ({@link EarlyStopping}): ids and pooled histories let the towers memorise
 *       the training pairs within about ten epochs, and validation keeps the best one. Without a validation part
 *       the model would run all 100 epochs, so a split without one should set {@code epochs} itself</li>
 *   <li>{@code init-std} = 0.1 — embedding initialisation N(0, init-std²); dense layers use He initialisation</li>
 *   <li>{@code numeric-buckets} = 10 — equal-frequency buckets for numeric side features (0 = skip)</li>
 *   <li>optimizer keys ({@link OptimizerConfig}): {@code optimizer} = adam, {@code learning-rate} = 0.003
 *       (beat 0.001 in the search), {@code l2} = 0 (Kingma and Ba's betas and epsilon)</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: how {@code recall} is served, see {@link Retrieval}</li>
 * </ul>
 */
public record TwoTowerConfig(int embeddingDim, int[] hidden, int outputDim, boolean userId, int history,
                             boolean normalize, double temperature, boolean logqCorrection, int batchSize,
                             int epochs, EarlyStopping.Config stopping, double initStd, int numericBuckets,
                             OptimizerConfig optimizer, Retrieval retrieval) {
    public TwoTowerConfig {
        if (embeddingDim <= 0) throw new IllegalArgumentException("embedding-dim must be > 0, got " + embeddingDim);
        hidden = hidden.clone();
        for (int h : hidden) if (h <= 0) throw new IllegalArgumentException("hidden sizes must be > 0, got " + h);
        if (outputDim <= 0) throw new IllegalArgumentException("output-dim must be > 0, got " + outputDim);
        if (history < 0) throw new IllegalArgumentException("history must be >= 0, got " + history);
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        if (batchSize < 2) throw new IllegalArgumentException("batch-size must be >= 2 (in-batch negatives), got " + batchSize);
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (stopping == null) throw new IllegalArgumentException("stopping must not be null");
        if (!(initStd >= 0)) throw new IllegalArgumentException("init-std must be >= 0, got " + initStd);
        if (numericBuckets < 0) throw new IllegalArgumentException("numeric-buckets must be >= 0, got " + numericBuckets);
        if (optimizer == null) throw new IllegalArgumentException("optimizer must not be null");
        if (retrieval == null) throw new IllegalArgumentException("retrieval must not be null");
    }

    @Override public int[] hidden() { return hidden.clone(); }

    public static TwoTowerConfig defaults() {
        return new TwoTowerConfig(64, new int[]{64}, 64, true, 50, true, 0.1, true, 256, 100,
                new EarlyStopping.Config(3, 1), 0.1, 10, new OptimizerConfig("adam", 0.003, 0.0, 0.9, 0.999, 1e-8),
                Retrieval.EXACT);
    }

    public static TwoTowerConfig from(ConfigBlock b) {
        TwoTowerConfig d = defaults();
        List<Integer> hid = b.getIntList("hidden", List.of(64));
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
                EarlyStopping.Config.from(b, d.stopping.patience(), d.stopping.validEvery()),
                b.nonNegative("init-std", d.initStd),
                b.nonNegativeInt("numeric-buckets", d.numericBuckets),
                OptimizerConfig.from(b, d.optimizer.name(), d.optimizer.learningRate(), d.optimizer.l2()),
                Retrieval.from(b));
    }
}
