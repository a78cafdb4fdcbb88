package io.reclab.recall.item2vec;

import io.reclab.config.ConfigBlock;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;

import java.util.List;

/**
 * Hyperparameters of {@link Item2Vec}; defaults follow Barkan and Koenigstein 2016 and word2vec (Mikolov et al. 2013)
 * except where a recommendation catalogue differs from a text corpus (each such default says why):
 * <ul>
 *   <li>{@code factors} = 64 — embedding dimension</li>
 *   <li>{@code window} = 20 — w &gt; 0: sliding window over the time-ordered sequence, effective half-width drawn
 *       uniformly from 1..w per centre (word2vec); 0: the whole user set is the context (the item2vec paper).
 *       20 from a validation search on three real data sets (figures in {@code conf/recall/item2vec.conf}): 5 and
 *       10 lost up to 10% and 5%, 50 lost 5% on ml-latest-small for 2.5x the CPU. Not the paper's whole set: it
 *       costs O(L²) pairs per user of history length L (about 7k pairs per ML-100K user, 14x the CPU of window
 *       10)</li>
 *   <li>{@code negatives} = 5 — negatives per pair, drawn from unigram^0.75</li>
 *   <li>{@code sample} = 0 — word2vec's subsampling threshold (P(keep) = (sqrt(f/t) + 1) t/f for relative
 *       frequency f); 0 = off. Off by default: the threshold 1e-3 was set for text vocabularies of 10^5+ words,
 *       where it touches only stop words, but in a catalogue of ~10^3 items almost every item's frequency exceeds
 *       1e-3, so it discards most events of the head items — exactly the signal a top-N list needs (quickstart
 *       NDCG@10 0.164 with 1e-3 vs 0.323 without, window 10, output scoring)</li>
 *   <li>{@code epochs} = 40, {@code learning-rate} = 0.025 (word2vec's rate) decaying linearly to
 *       {@code learning-rate} × 1e-4 over {@code decay-epochs} epochs and held there after. word2vec's 5 epochs
 *       lost 8-32% of validation NDCG@10 on the three data sets: validation quality rises mostly while the rate
 *       anneals, so the horizon, not early stopping, sets the quality (20 epochs lost up to 5%, 40 was best at its
 *       last epoch on all three; 0.05 was within 0.006 of 0.025 at 40 epochs)</li>
 *   <li>{@code decay-epochs} = {@code epochs} unless set — the horizon of the learning-rate decay, fixed in
 *       advance so that a run early stopping ends at epoch e has had the same rates as any other run up to e,
 *       whatever its budget (word2vec decays over its whole {@code iter}, which is this default)</li>
 *   <li>{@code history} = 50 — the user vector averages the vectors of the user's last {@code history} items</li>
 *   <li>{@code similarity} = conditional — how a user (mean input vector h̄ of the recent items) scores item i:
 *       <ul>
 *         <li>{@code conditional}: {@code h̄·o_i + prior-weight · log Pn(i)}, o_i the output (context) vector and
 *             Pn ∝ count^0.75 the negative-sampling distribution. SGNS converges to
 *             {@code h·o_c = log P(c | h) - log Pn(c) - log k} (Levy and Goldberg 2014, "Neural Word Embedding as
 *             Implicit Matrix Factorization", NIPS), a popularity-free PMI; adding log Pn back turns it into the
 *             conditional log-probability of the next item, which is what a top-N list ranks. Items never seen
 *             in training score -∞ (they were never a context; under {@code retrieval = hnsw} a finite floor below
 *             every seen item's score instead, see {@link Item2VecVectors})</li>
 *         <li>{@code cosine}: mean over history items h of cos(h, i) on input vectors (the paper's item-item
 *             similarity). It ignores popularity entirely, and rare items whose vectors are still near their
 *             random start get arbitrary cosines after normalisation, so it is a similarity, not a recaller
 *             (quickstart NDCG@10 0.026 vs popularity 0.189)</li>
 *         <li>{@code input}: dot product of input vectors; {@code output}: h̄·o_i without the prior</li>
 *       </ul></li>
 *   <li>{@code prior-weight} = 0.75 — weight of log Pn(i) under {@code conditional}. 1 would be the average over
 *       history items of log P(i | h); averaging log-probabilities (a geometric mixture) understates the
 *       evidence of a whole history relative to the prior (a product of the h-experts would count it |H| times),
 *       so the weight lies between 1/|H| and 1. 0.75 from the validation search (0.25 / 0.5 / 1 lost up to 14% /
 *       5.5% / 10%; figures in {@code conf/recall/item2vec.conf})</li>
 *   <li>{@code side-info} = false — EGES-style (Wang et al. 2018) item input vector = mean of its id embedding
 *       and its feature-value embeddings; items without training interactions get the mean of their feature
 *       embeddings (scored under {@code cosine} / {@code input} only: they have no output vector)</li>
 *   <li>{@code numeric-buckets} = 10 — equal-frequency buckets for numeric item features (0 = skip)</li>
 *   <li>{@code patience} = 40, {@code valid-every} = 1 — early stopping when a validator exists
 *       ({@link EarlyStopping}: validations without improvement before stopping, at least 1). 40 = the budget: the
 *       validation curve oscillates while the rate is high (up to 19 epochs without a new best on ml-latest-small
 *       before rising to its best at the last epoch), and patience 3 ended 20- and 40-epoch runs after 4-9 epochs
 *       at 25-40% less NDCG@10; the best validated epoch is still the one returned</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: how {@code recall} is served, see {@link Retrieval}</li>
 * </ul>
 */
public record Item2VecConfig(int factors, int window, int negatives, double sample, int epochs, double learningRate,
                             int history, String similarity, double priorWeight, boolean sideInfo, int numericBuckets,
                             EarlyStopping.Config stopping, Retrieval retrieval, int decayEpochs) {
    /** The record with the learning rate decaying over the whole budget ({@code decay-epochs = epochs}). */
    public Item2VecConfig(int factors, int window, int negatives, double sample, int epochs, double learningRate,
                          int history, String similarity, double priorWeight, boolean sideInfo, int numericBuckets,
                          EarlyStopping.Config stopping, Retrieval retrieval) {
        this(factors, window, negatives, sample, epochs, learningRate, history, similarity, priorWeight, sideInfo,
                numericBuckets, stopping, retrieval, epochs);
    }

    public static final List<String> SIMILARITIES = List.of("conditional", "cosine", "input", "output");

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
        if (!(priorWeight >= 0) || Double.isInfinite(priorWeight))
            throw new IllegalArgumentException("prior-weight must be finite and >= 0, got " + priorWeight);
        if (numericBuckets < 0) throw new IllegalArgumentException("numeric-buckets must be >= 0, got " + numericBuckets);
        if (stopping == null) throw new IllegalArgumentException("stopping must not be null");
        if (retrieval == null) throw new IllegalArgumentException("retrieval must not be null");
        if (decayEpochs <= 0) throw new IllegalArgumentException("decay-epochs must be > 0, got " + decayEpochs);
    }

    public static Item2VecConfig defaults() {
        return new Item2VecConfig(64, 20, 5, 0.0, 40, 0.025, 50, "conditional", 0.75, false, 10,
                new EarlyStopping.Config(40, 1), Retrieval.EXACT);
    }

    public static Item2VecConfig from(ConfigBlock b) {
        Item2VecConfig d = defaults();
        int epochs = b.positiveInt("epochs", d.epochs);
        return new Item2VecConfig(
                b.positiveInt("factors", d.factors),
                b.nonNegativeInt("window", d.window),
                b.positiveInt("negatives", d.negatives),
                b.nonNegative("sample", d.sample),
                epochs,
                b.positive("learning-rate", d.learningRate),
                b.positiveInt("history", d.history),
                b.getEnum("similarity", d.similarity, SIMILARITIES),
                b.nonNegative("prior-weight", d.priorWeight),
                b.getBoolean("side-info", d.sideInfo),
                b.nonNegativeInt("numeric-buckets", d.numericBuckets),
                EarlyStopping.Config.from(b, d.stopping.patience(), d.stopping.validEvery()),
                Retrieval.from(b),
                // follows the epochs actually configured, so `epochs = 20` alone decays over 20, not over 5
                b.positiveInt("decay-epochs", epochs));
    }
}
