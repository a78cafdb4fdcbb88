package io.reclab.recall.embedding;

import io.reclab.ann.AnnIndex;
import io.reclab.recall.DotProductScorer;
import io.reclab.data.Interactions;
import io.reclab.recall.Diagnosable;
import io.reclab.recall.FittedRecaller;

import java.util.Map;

/**
 * A fitted embedding recall model (MF, BPR, LightGCN, ...): user vectors {@code p_u}, item vectors {@code q_i} and an
 * optional item bias, scoring {@code s(u, i) = <p_u, q_i> + b_i}. Full ranking goes through the blocked
 * {@link DotProductScorer}; {@link #recall} uses an HNSW index when built with {@code retrieval = hnsw}.
 * Immutable: the arrays are owned by this object (callers hand over copies) and never written after construction.
 */
public final class EmbeddingRecaller implements FittedRecaller, Diagnosable {
    /** Users sampled to measure the ANN index against exact retrieval. */
    private static final int ANN_SAMPLE_USERS = 500;
    private static final int ANN_K = 10;

    private final int dim;
    private final float[] userVecs;
    private final float[] itemVecs;
    private final float[] itemBias;
    private final DotProductScorer scorer;
    private final Retrieval retrieval;
    private final AnnIndex index;

    /**
     * @param userVecs row-major numUsers × dim, taken over (not copied)
     * @param itemVecs row-major numItems × dim, taken over
     * @param itemBias per-item bias or null, taken over
     * @param threads  threads used to build the HNSW index (if any)
     */
    public EmbeddingRecaller(int dim, float[] userVecs, float[] itemVecs, float[] itemBias, Retrieval retrieval, int threads) {
        this.dim = dim;
        this.userVecs = userVecs;
        this.itemVecs = itemVecs;
        this.itemBias = itemBias;
        this.scorer = new DotProductScorer(dim, userVecs, itemVecs, itemBias);
        this.retrieval = retrieval;
        this.index = retrieval.approximate() ? AnnIndex.build(dim, itemVecs, itemBias, retrieval.hnsw(), threads) : null;
    }

    /** An exact-retrieval model (e.g. a per-epoch snapshot for validation). */
    public static EmbeddingRecaller exact(int dim, float[] userVecs, float[] itemVecs, float[] itemBias) {
        return new EmbeddingRecaller(dim, userVecs, itemVecs, itemBias, Retrieval.EXACT, 1);
    }

    /** The same vectors with another retrieval mode (builds the index if needed). */
    public EmbeddingRecaller withRetrieval(Retrieval r, int threads) {
        return new EmbeddingRecaller(dim, userVecs, itemVecs, itemBias, r, threads);
    }

    /**
     * With {@code retrieval = hnsw}: recall@10 of the index against exact top-10 (training items excluded in both)
     * and the mean query latency of each, over up to 500 sampled users. Nothing for exact retrieval.
     */
    @Override
    public Map<String, Double> diagnostics(Interactions train, long seed) {
        if (index == null) return Map.of();
        return AnnQuality.measure(this, train.byUser(), ANN_K, ANN_SAMPLE_USERS, seed).extras();
    }

    public int dim() { return dim; }
    public int numUsers() { return scorer.numUsers(); }
    @Override public int numItems() { return scorer.numItems(); }
    public Retrieval retrieval() { return retrieval; }
    public boolean hasItemBias() { return itemBias != null; }

    /** Copies of the parameters (for inspection and tests). */
    public float[] userVector(int u) { return java.util.Arrays.copyOfRange(userVecs, u * dim, (u + 1) * dim); }
    public float[] itemVector(int i) { return java.util.Arrays.copyOfRange(itemVecs, i * dim, (i + 1) * dim); }
    public float itemBias(int i) { return itemBias == null ? 0f : itemBias[i]; }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        scorer.scoreBlock(users, from, to, out);
    }

    /** One score, with the same arithmetic as {@link #scoreBlock}. */
    public float score(int user, int item) { return scorer.score(user, item); }

    @Override
    public int[] recall(int user, int k, int[] excludeSorted) {
        if (index == null) return exactRecall(user, k, excludeSorted);
        return annRecall(user, k, excludeSorted);
    }

    @Override
    public boolean approximateRecall() { return index != null; }

    @Override
    public float[] scoreItems(int user, int[] items) {
        float[] out = new float[items.length];
        for (int j = 0; j < items.length; j++) out[j] = scorer.score(user, items[j]);
        return out;
    }

    /** Top-k by scoring every item, whatever the retrieval mode. */
    public int[] exactRecall(int user, int k, int[] excludeSorted) {
        return FittedRecaller.super.recall(user, k, excludeSorted);
    }

    /** Top-k from the HNSW index; requires {@code retrieval = hnsw}. */
    public int[] annRecall(int user, int k, int[] excludeSorted) {
        if (index == null) throw new IllegalStateException("no HNSW index: retrieval is " + retrieval.mode());
        return index.search(userVecs, user * dim, k, excludeSorted, item -> scorer.score(user, item));
    }
}
