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
 *   score(u, j) = sum over i in I_u of sim(i, j), over the top-{@code neighbors} row of each i
 * </pre>
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
        return new ItemNeighborhoodModel(userItems, similarity(userItems, itemUsers, config, context.threads()));
    }

    /** The truncated (and optionally normalised) item-item cosine matrix. */
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
