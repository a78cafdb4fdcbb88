package io.reclab.recall.neighbors;

import io.reclab.recall.FittedRecaller;

import java.util.Arrays;

/**
 * A fitted item-neighbourhood recaller (ItemCF, RP3beta, Swing): {@code score(u, j) = sum over i in I_u of W[i, j]},
 * i.e. the user's binary history row times the sparse item-item matrix W, accumulated from the neighbour rows of
 * the user's items. Immutable and thread-safe. The training items themselves are not masked here; the evaluator
 * excludes them.
 */
public final class ItemNeighborhoodModel implements FittedRecaller, java.io.Serializable {
    private final SparsePattern userItems;
    private final SparseRows similarity;
    private final float[] bias;

    public ItemNeighborhoodModel(SparsePattern userItems, SparseRows similarity) {
        this(userItems, similarity, null);
    }

    /** @param bias per-item constant added to every user's score (null for none); not copied, must not change */
    public ItemNeighborhoodModel(SparsePattern userItems, SparseRows similarity, float[] bias) {
        if (similarity.rows != userItems.cols || similarity.numCols != userItems.cols)
            throw new IllegalArgumentException("similarity is " + similarity.rows + "×" + similarity.numCols
                    + " but there are " + userItems.cols + " items");
        this.userItems = userItems;
        this.similarity = similarity;
        if (bias != null && bias.length != userItems.cols)
            throw new IllegalArgumentException("bias has " + bias.length + " entries but there are " + userItems.cols + " items");
        this.bias = bias;
    }

    /** The scoring matrix W: row i holds the weights history item i adds to each column (target) item. */
    public SparseRows similarity() { return similarity; }

    @Override
    public int numItems() { return userItems.cols; }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        int n = numItems();
        int[] ptr = userItems.indptr, idx = userItems.indices;
        for (int b = 0; b < to - from; b++) {
            int off = b * n;
            if (bias == null) Arrays.fill(out, off, off + n, 0f);
            else System.arraycopy(bias, 0, out, off, n);
            int u = users[from + b];
            if (u >= userItems.rows) continue; // user unseen in training: no history, the bias alone
            for (int p = ptr[u]; p < ptr[u + 1]; p++) similarity.addRowTo(idx[p], 1f, out, off);
        }
    }
}
