package io.reclab.recall.item2vec;

import io.reclab.config.ConfigBlock;

import java.util.List;

/**
 * Hyperparameters of {@link Item2Vec}; defaults follow Barkan and Koenigstein 2016 and word2vec (Mikolov et al. 2013):
 * <ul>
 *   <li>{@code factors} = 64 — embedding dimension</li>
 *   <li>{@code window} = 0 — 0: the whole user set is the context (item2vec); w &gt; 0: sliding window over the
 *       time-ordered sequence, effective half-width drawn uniformly from 1..w per centre (word2vec)</li>
 *   <li>{@code negatives} = 5 — negatives per pair, drawn from unigram^0.75</li>
 *   <li>{@code sample} = 1e-3 — subsampling threshold of frequent items (0 = off)</li>
 *   <li>{@code epochs} = 5 (word2vec's {@code iter}), {@code learning-rate} = 0.025 decaying linearly to
 *       {@code learning-rate} × 1e-4 over all epochs</li>
 *   <li>{@code history} = 50 — the user vector averages the vectors of the user's last {@code history} items</li>
 *   <li>{@code similarity} = cosine — {@code cosine}: score = mean over history items h of cos(h, i) on input
 *       vectors (the paper's item similarity); {@code input}: dot product of input vectors; {@code output}:
 *       user's mean input vector · the item's output (context) vector, the SGNS co-occurrence score</li>
 *   <li>{@code side-info} = false — EGES-style (Wang et al. 2018) item input vector = mean of its id embedding
 *       and its feature-value embeddings; items without training interactions get the mean of their feature
 *       embeddings</li>
 *   <li>{@code numeric-buckets} = 10 — equal-frequency buckets for numeric item features (0 = skip)</li>
 *   <li>{@code eval-every} = 1, {@code patience} = 3 (evaluations without improvement; 0 = never stop early)</li>
 * </ul>
 */
public record Item2VecConfig(int factors, int window, int negatives, double sample, int epochs, double learningRate,
                             int history, String similarity, boolean sideInfo, int numericBuckets,
                             int evalEvery, int patience) {
    public static final List<String> SIMILARITIES = List.of("cosine", "input", "output");

    public Item2VecConfig {
        if (factors <= 0) throw new IllegalArgumentException("factors must be > 0, got " + factors);
        if (window < 0) throw new IllegalArgumentException("window must be >= 0, got " + window);
        if (negatives <= 0) throw new IllegalArgumentException("negatives must be > 0, got " + negatives);
        if (!(sample >= 0)) throw new IllegalArgumentException("sample must be >= 0, got " + sample);
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning-rate must be > 0, got " + learningRate);
        if (history <= 0) throw new IllegalArgumentException("history must be > 0, got " + history);
        if (!SIMILARITIES.contains(similarity))
            throw new IllegalArgumentException("similarity " + similarity + " not one of " + SIMILARITIES);
        if (numericBuckets < 0) throw new IllegalArgumentException("numeric-buckets must be >= 0, got " + numericBuckets);
        if (evalEvery <= 0) throw new IllegalArgumentException("eval-every must be > 0, got " + evalEvery);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }

    public static Item2VecConfig defaults() {
        return new Item2VecConfig(64, 0, 5, 1e-3, 5, 0.025, 50, "cosine", false, 10, 1, 3);
    }

    public static Item2VecConfig from(ConfigBlock b) {
        Item2VecConfig d = defaults();
        return new Item2VecConfig(
                b.positiveInt("factors", d.factors),
                b.nonNegativeInt("window", d.window),
                b.positiveInt("negatives", d.negatives),
                b.nonNegative("sample", d.sample),
                b.positiveInt("epochs", d.epochs),
                b.positive("learning-rate", d.learningRate),
                b.positiveInt("history", d.history),
                b.getEnum("similarity", d.similarity, SIMILARITIES),
                b.getBoolean("side-info", d.sideInfo),
                b.nonNegativeInt("numeric-buckets", d.numericBuckets),
                b.positiveInt("eval-every", d.evalEvery),
                b.nonNegativeInt("patience", d.patience));
    }
}
