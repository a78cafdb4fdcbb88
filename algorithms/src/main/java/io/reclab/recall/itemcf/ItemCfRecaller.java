package io.reclab.recall.itemcf;

import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.NeighborSelection;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;

/**
 * Item-based collaborative filtering with cosine similarity (Sarwar, Karypis, Konstan, Riedl 2001,
 * "Item-based collaborative filtering recommendation algorithms", WWW), for top-N recall on implicit feedback:
 * the training log is read as a 0/1 matrix (any interaction = 1, values ignored).
 * <pre>
 *   sim(i, j) = c(i, j) / (sqrt(|U_i| |U_j|) + shrinkage),   c(i, j) = sum over u in U_i ∩ U_j of w_u
 *   w_u = 1, or 1 / log(1 + |I_u|) with iuf (Breese et al. 1998; Karypis 2001)
 * </pre>
 * Each item's similarity row is truncated to its {@code neighbors} best entries, giving S_k (row i = N_k(i)); the
 * {@linkplain ItemCfConfig#variant() variant} decides whose row that is when scoring:
 * <pre>
 *   candidate-topk (default):  score(u, i) = sum over j in I_u ∩ N_k(i) of sim(i, j)        = (X S_kᵀ)[u, i]
 *   history-topk:              score(u, i) = sum over j in I_u with i in N_k(j) of sim(j, i)  = (X S_k)[u, i]
 *   bars:                      score(u, i) = μ_i + sum over j in N_k(i) of S̄_ij (x_uj − μ_j),  S̄ = S_k L1-normalised by row
 * </pre>
 * Without truncation the first two agree (the cosine is symmetric). candidate-topk is RecBole's ItemKNN (whose
 * similarity matrix stores item i's top-k in column i and scores X·W) and the BARS ItemCF's neighbourhood; with it a
 * candidate is scored only by its own closest items, so a popular item cannot collect weak similarities from every
 * history item. For bars, μ_j = |U_j| / n_users is the mean of column j of the binary train matrix; the constant
 * part μ_i − Σ_j S̄_ij μ_j is precomputed per item, so scoring stays a sparse sum over the user's history.
 * Similarities are computed sparsely, one item row at a time in parallel: the row's co-counts are accumulated over
 * its users' item lists, then truncated to the best neighbours. Cost is the sum over users of |I_u|^2.
 * Deterministic and identical for any thread count.
 */
public final class ItemCfRecaller implements Recaller {
    private final ItemCfConfig config;

    public ItemCfRecaller(ItemCfConfig config) {
        this.config = config;
    }

    public ItemCfConfig config() { return config; }

    @Override
    public ItemNeighborhoodModel fit(TrainContext context) {
        SparsePattern userItems = SparsePattern.userItems(context.train());
        SparsePattern simItems = config.maxUserItems() > 0
                ? SparsePattern.userItems(latest(context.train(), config.maxUserItems())) : userItems;
        SparseRows topk = similarity(simItems, simItems.transpose(), config, context.threads());
        return assemble(config, userItems, topk);
    }

    /**
     * The fitted model from the truncated similarity rows S_k (row i = N_k(i), best first, not yet normalised), for
     * this class and for engines that compute S_k elsewhere (the Spark co-occurrence job): normalisation and the
     * variant are applied here, once.
     */
    public static ItemNeighborhoodModel assemble(ItemCfConfig config, SparsePattern userItems, SparseRows topk) {
        SparseRows s = config.normalize() ? topk.normalizeRowsByMax() : topk;
        return switch (config.variant()) {
            case ItemCfConfig.HISTORY_TOPK -> new ItemNeighborhoodModel(userItems, s);
            case ItemCfConfig.CANDIDATE_TOPK -> new ItemNeighborhoodModel(userItems, s.transpose());
            case ItemCfConfig.BARS -> bars(userItems, userItems.transpose(), s);
            default -> throw new IllegalStateException(config.variant());
        };
    }

    /**
     * Each user's {@code max} most recent rows (by time; among equal times the later row in log order counts as more
     * recent), users with fewer kept whole; the rows keep their log order.
     */
    public static io.reclab.data.Interactions latest(io.reclab.data.Interactions train, int max) {
        io.reclab.data.Csr byUser = train.byUser();
        long[] time = train.timeColumn();
        boolean[] keep = new boolean[train.size()];
        java.util.Arrays.fill(keep, true);
        for (int u = 0; u < byUser.rows; u++) {
            int len = byUser.rowLength(u);
            if (len <= max) continue;
            Integer[] rows = new Integer[len];
            for (int p = 0; p < len; p++) rows[p] = byUser.source[byUser.rowStart(u) + p];
            // oldest first: by time, then log order
            java.util.Arrays.sort(rows, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Integer.compare(a, b));
            for (int p = 0; p < len - max; p++) keep[rows[p]] = false;
        }
        int n = 0;
        for (boolean k : keep) if (k) n++;
        int[] rows = new int[n];
        for (int r = 0, m = 0; r < keep.length; r++) if (keep[r]) rows[m++] = r;
        return train.select(rows);
    }

    /** The BARS scorer: L1-normalised candidate rows S̄ plus the per-item constant μ_i − Σ_j S̄_ij μ_j. */
    static ItemNeighborhoodModel bars(SparsePattern userItems, SparsePattern itemUsers, SparseRows topk) {
        SparseRows s = topk.normalizeRowsL1();
        int items = itemUsers.rows;
        double users = Math.max(1, userItems.rows);
        double[] mu = new double[items];
        for (int i = 0; i < items; i++) mu[i] = itemUsers.degree(i) / users;
        float[] bias = new float[items];
        for (int i = 0; i < items; i++) {
            double c = mu[i];
            for (int p = s.indptr[i]; p < s.indptr[i + 1]; p++) c -= s.values[p] * mu[s.cols[p]];
            bias[i] = (float) c;
        }
        return new ItemNeighborhoodModel(userItems, s.transpose(), bias);
    }

    /** The truncated item-item cosine matrix S_k: row i holds N_k(i), best first (normalised later, in {@link #assemble}). */
    static SparseRows similarity(SparsePattern userItems, SparsePattern itemUsers, ItemCfConfig config, int threads) {
        return similarityRows(userItems, itemUsers, config, 0, itemUsers.rows, threads);
    }

    /**
     * Rows {@code [first, last)} of S_k (as rows 0 .. last-first): each item's row is computed on its own, so the
     * Spark engine hands item ranges to tasks and concatenates the matrix {@link #fit} computes, bit for bit.
     */
    public static SparseRows similarityRows(SparsePattern userItems, SparsePattern itemUsers, ItemCfConfig config,
                                            int first, int last, int threads) {
        double[] w = userWeights(userItems, config);
        NeighborSelection.Finisher cosine = cosine(itemUsers, config);
        return NeighborSelection.buildRange(first, last, itemUsers.rows, config.neighbors(), Math.max(1, threads),
                (i, acc) -> NeighborSelection.coOccurrence(itemUsers, userItems, w, i, acc), cosine);
    }

    /** Each user's weight w_u in the co-counts: null (all 1) or, with iuf, 1 / log(1 + |I_u|). */
    public static double[] userWeights(SparsePattern userItems, ItemCfConfig config) {
        if (!config.iuf()) return null;
        double[] weight = new double[userItems.rows];
        for (int u = 0; u < userItems.rows; u++) weight[u] = userWeight(userItems.degree(u));
        return weight;
    }

    /** w_u with iuf for a user of {@code degree} items (0 for an empty history). */
    public static double userWeight(int degree) {
        return degree == 0 ? 0 : 1.0 / Math.log(1.0 + degree);
    }

    /** sim(i, j) from the co-count c(i, j): c / (sqrt(|U_i| |U_j|) + shrinkage), with |U_i| the rows of {@code itemUsers}. */
    public static NeighborSelection.Finisher cosine(SparsePattern itemUsers, ItemCfConfig config) {
        int[] degree = new int[itemUsers.rows];
        for (int i = 0; i < itemUsers.rows; i++) degree[i] = itemUsers.degree(i);
        return cosine(degree, config);
    }

    /** As {@link #cosine(SparsePattern, ItemCfConfig)} from the item degrees |U_i| alone. */
    public static NeighborSelection.Finisher cosine(int[] itemDegree, ItemCfConfig config) {
        double[] root = new double[itemDegree.length];
        for (int i = 0; i < itemDegree.length; i++) root[i] = Math.sqrt(itemDegree[i]);
        double shrink = config.shrinkage();
        return (i, j, co) -> co / (root[i] * root[j] + shrink);
    }

    @Override
    public String toString() { return config.toString(); }
}
