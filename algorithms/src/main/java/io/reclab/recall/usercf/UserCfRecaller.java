package io.reclab.recall.usercf;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.neighbors.NeighborSelection;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;

import java.util.Arrays;

/**
 * User-based collaborative filtering (Resnick, Iacovou, Suchak, Bergstrom, Riedl 1994, "GroupLens: an open
 * architecture for collaborative filtering of netnews", CSCW; neighbourhood choices after Herlocker, Konstan,
 * Borchers, Riedl 1999, "An algorithmic framework for performing collaborative filtering", SIGIR), in its top-N
 * form on implicit feedback: the log is read as a 0/1 matrix (any interaction = 1, values ignored).
 * <pre>
 *   sim(u, v) = |I_u ∩ I_v| / (sqrt(|I_u| |I_v|) + shrinkage)
 *   score(u, i) = sum over the top-{@code neighbors} users v of u with i in I_v of sim(u, v)
 * </pre>
 * User rows are computed sparsely and in parallel (co-counts over the user's items' user lists, then top-k);
 * deterministic and identical for any thread count.
 */
public final class UserCfRecaller implements Recaller {
    private final UserCfConfig config;

    public UserCfRecaller(UserCfConfig config) {
        this.config = config;
    }

    public UserCfConfig config() { return config; }

    @Override
    public Fitted fit(TrainContext context) {
        SparsePattern userItems = SparsePattern.userItems(context.train());
        SparsePattern itemUsers = userItems.transpose();
        double[] root = new double[userItems.rows];
        for (int u = 0; u < userItems.rows; u++) root[u] = Math.sqrt(userItems.degree(u));
        double shrink = config.shrinkage();
        SparseRows sim = NeighborSelection.build(userItems.rows, userItems.rows, config.neighbors(),
                Math.max(1, context.threads()),
                (u, acc) -> NeighborSelection.coOccurrence(userItems, itemUsers, null, u, acc),
                (u, v, co) -> co / (root[u] * root[v] + shrink));
        return new Fitted(userItems, sim);
    }

    /** Fitted user-based CF: the user neighbour lists and the training histories they vote with. */
    public static final class Fitted implements FittedRecaller {
        private final SparsePattern userItems;
        private final SparseRows neighbors;

        Fitted(SparsePattern userItems, SparseRows neighbors) {
            this.userItems = userItems;
            this.neighbors = neighbors;
        }

        /** The user-user neighbour matrix (rows: target user, best neighbour first). */
        public SparseRows similarity() { return neighbors; }

        @Override
        public int numItems() { return userItems.cols; }

        @Override
        public void scoreBlock(int[] users, int from, int to, float[] out) {
            int n = userItems.cols;
            int[] ptr = userItems.indptr, idx = userItems.indices;
            for (int b = 0; b < to - from; b++) {
                int off = b * n;
                Arrays.fill(out, off, off + n, 0f);
                int u = users[from + b];
                for (int p = neighbors.indptr[u]; p < neighbors.indptr[u + 1]; p++) {
                    int v = neighbors.cols[p];
                    float s = neighbors.values[p];
                    for (int q = ptr[v]; q < ptr[v + 1]; q++) out[off + idx[q]] += s;
                }
            }
        }
    }

    @Override
    public String toString() { return config.toString(); }
}
