package io.reclab.ann;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Approximate maximum-inner-product search over item vectors with an HNSW graph (jelmerk hnswlib-core).
 * <p>HNSW needs a proper distance to build a good graph, and the inner product is not one (an item is not its own
 * nearest neighbour). We therefore use the MIPS-to-nearest-neighbour reduction of Bachrach et al. 2014 ("Speeding
 * Up the Xbox Recommender System Using a Euclidean Transformation for Inner-Product Spaces", RecSys): with
 * {@code x_i = [q_i, b_i]} (the item bias, if any, becomes one more coordinate; the query gets a 1 there) and
 * {@code Φ = max ||x_i||}, each item becomes the unit vector {@code [x_i, sqrt(Φ² - ||x_i||²)] / Φ} and a query
 * {@code [p_u, 1, 0]}. All items then have norm 1, so ranking by the augmented inner product (hnswlib's
 * {@code 1 - <a, b>} distance) equals ranking by Euclidean distance (graph construction is metric) and, for the
 * query, equals ranking by the original score {@code <p_u, q_i> + b_i} (the extra coordinate meets a 0).
 * <p>Candidates returned by the graph are re-scored exactly by the caller-supplied scorer, so scores, and ties
 * broken by item id, match exact retrieval. hnswlib draws node levels from {@code ThreadLocalRandom} and inserts
 * concurrently, so the graph (and hence which near-neighbours are found) is not reproducible run to run; exact
 * retrieval remains the default for that reason.
 */
public final class AnnIndex {
    /** Exact score of one item for the current query, used to re-rank candidates. */
    @FunctionalInterface
    public interface ItemScorer {
        float score(int item);
    }

    private final HnswIndex<Integer, float[], Node, Float> index;
    private final int dim;
    private final boolean hasBias;
    private final int numItems;
    private final HnswParams params;

    private record Node(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override public int dimensions() { return vector.length; }
    }

    private AnnIndex(HnswIndex<Integer, float[], Node, Float> index, int dim, boolean hasBias, int numItems, HnswParams params) {
        this.index = index;
        this.dim = dim;
        this.hasBias = hasBias;
        this.numItems = numItems;
        this.params = params;
    }

    /**
     * Builds the index over {@code itemVecs} (row-major numItems × dim) and optional {@code itemBias}, inserting
     * with {@code threads} threads.
     */
    public static AnnIndex build(int dim, float[] itemVecs, float[] itemBias, HnswParams params, int threads) {
        int n = itemVecs.length / dim;
        float[][] aug = augmentItems(dim, itemVecs, itemBias);
        int augDim = aug.length == 0 ? dim + (itemBias != null ? 2 : 1) : aug[0].length;
        HnswIndex<Integer, float[], Node, Float> idx = HnswIndex
                .newBuilder(augDim, DistanceFunctions.FLOAT_INNER_PRODUCT, Math.max(1, n))
                .withM(params.m()).withEfConstruction(params.efConstruction()).withEf(params.ef())
                .build();
        List<Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) nodes.add(new Node(i, aug[i]));
        try {
            idx.addAll(nodes, Math.max(1, threads), (done, max) -> { }, Integer.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the HNSW index", e);
        }
        return new AnnIndex(idx, dim, itemBias != null, n, params);
    }

    /** The augmented unit-norm item vectors described in the class comment. */
    static float[][] augmentItems(int dim, float[] itemVecs, float[] itemBias) {
        int n = itemVecs.length / dim;
        int d = dim + (itemBias != null ? 1 : 0);
        double[] norm2 = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < dim; k++) s += (double) itemVecs[i * dim + k] * itemVecs[i * dim + k];
            if (itemBias != null) s += (double) itemBias[i] * itemBias[i];
            norm2[i] = s;
            max = Math.max(max, s);
        }
        double phi = max > 0 ? Math.sqrt(max) : 1;
        float[][] out = new float[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) out[i][k] = (float) (itemVecs[i * dim + k] / phi);
            if (itemBias != null) out[i][dim] = (float) (itemBias[i] / phi);
            out[i][d] = (float) (Math.sqrt(Math.max(0, max - norm2[i])) / phi);
        }
        return out;
    }

    /** The augmented query {@code [p_u, 1 if bias, 0]}. */
    float[] augmentQuery(float[] query, int off) {
        float[] q = new float[dim + (hasBias ? 2 : 1)];
        System.arraycopy(query, off, q, 0, dim);
        if (hasBias) q[dim] = 1f;
        return q;
    }

    public int numItems() { return numItems; }
    public HnswParams params() { return params; }

    /**
     * The (approximately) best {@code k} items for the query {@code query[off .. off+dim)}, skipping
     * {@code excludeSorted}; best first by {@code exact} scores, ties by smaller id.
     * <p>hnswlib has no filtered search, so excluded items are over-fetched and dropped. Asking for
     * {@code k + |exclude|} results always suffices but widens the search beam to that size (a heavy user's
     * hundreds of training items made every query search most of a small graph). The search beam is at least
     * {@code ef} anyway, so the first query asks for {@code max(ef, 2k)} results, which costs no more than a
     * plain top-k query; only if fewer than {@code k} survive the exclusions is the query repeated with
     * {@code k + |exclude|}.
     */
    public int[] search(float[] query, int off, int k, int[] excludeSorted, ItemScorer exact) {
        int sufficient = Math.min(numItems, k + excludeSorted.length);
        if (sufficient <= 0 || k <= 0) return new int[0];
        float[] q = augmentQuery(query, off);
        int want = Math.min(sufficient, Math.max(params.ef(), 2 * k));
        while (true) {
            List<SearchResult<Node, Float>> found = index.findNearest(q, want);
            int[] ids = new int[found.size()];
            float[] scores = new float[found.size()];
            int n = 0;
            for (SearchResult<Node, Float> r : found) {
                int id = r.item().id();
                if (Arrays.binarySearch(excludeSorted, id) >= 0) continue;
                ids[n] = id;
                scores[n++] = exact.score(id);
            }
            if (n >= k || want >= sufficient)
                return io.reclab.util.TopK.selectAmong(Arrays.copyOf(ids, n), Arrays.copyOf(scores, n), k);
            want = sufficient;
        }
    }
}
