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
        SparsePattern itemUsers = userItems.transpose();
        SparseRows topk = similarity(userItems, itemUsers, config, context.threads());
        return switch (config.variant()) {
            case ItemCfConfig.HISTORY_TOPK -> new ItemNeighborhoodModel(userItems, topk);
            case ItemCfConfig.CANDIDATE_TOPK -> new ItemNeighborhoodModel(userItems, topk.transpose());
            case ItemCfConfig.BARS -> bars(userItems, itemUsers, topk);
            default -> throw new IllegalStateException(config.variant());
        };
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

    /** The truncated (and optionally normalised) item-item cosine matrix S_k: row i holds N_k(i), best first. */
    static SparseRows similarity(SparsePattern userItems, SparsePattern itemUsers, ItemCfConfig config, int threads) {
        double[] userWeight = null;
        if (config.iuf()) {
            userWeight = new double[userItems.rows];
            for (int u = 0; u < userItems.rows; u++) {
                int d = userItems.degree(u);
                userWeight[u] = d == 0 ? 0 : 1.0 / Math.log(1.0 + d);
            }
        }
        double[] root = new double[itemUsers.rows];
        for (int i = 0; i < itemUsers.rows; i++) root[i] = Math.sqrt(itemUsers.degree(i));
        double shrink = config.shrinkage();
        double[] w = userWeight;
        SparseRows sim = NeighborSelection.build(itemUsers.rows, itemUsers.rows, config.neighbors(), Math.max(1, threads),
                (i, acc) -> NeighborSelection.coOccurrence(itemUsers, userItems, w, i, acc),
                (i, j, co) -> co / (root[i] * root[j] + shrink));
        return config.normalize() ? sim.normalizeRowsByMax() : sim;
    }

    @Override
    public String toString() { return config.toString(); }
}
