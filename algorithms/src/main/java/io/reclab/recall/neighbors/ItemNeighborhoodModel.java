package io.reclab.recall.neighbors;

import io.reclab.recall.FittedRecaller;

import java.util.Arrays;

/**
 * A fitted item-neighbourhood recaller (ItemCF, RP3beta, Swing): {@code score(u, j) = sum over i in I_u of W[i, j]},
 * i.e. the user's binary history row times the sparse item-item matrix W, accumulated from the neighbour rows of
 * the user's items. Immutable and thread-safe. The training items themselves are not masked here; the evaluator
 * excludes them.
 */
public final class ItemNeighborhoodModel implements FittedRecaller {
    private final SparsePattern userItems;
    private final SparseRows similarity;

    public ItemNeighborhoodModel(SparsePattern userItems, SparseRows similarity) {
        if (similarity.rows != userItems.cols || similarity.numCols != userItems.cols)
            throw new IllegalArgumentException("similarity is " + similarity.rows + "×" + similarity.numCols
                    + " but there are " + userItems.cols + " items");
        this.userItems = userItems;
        this.similarity = similarity;
    }

    /** The item-item neighbour matrix W (rows: source item, best neighbour first). */
    public SparseRows similarity() { return similarity; }

    @Override
    public int numItems() { return userItems.cols; }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        int n = numItems();
        int[] ptr = userItems.indptr, idx = userItems.indices;
        for (int b = 0; b < to - from; b++) {
            int off = b * n;
            Arrays.fill(out, off, off + n, 0f);
            int u = users[from + b];
            if (u >= userItems.rows) continue; // user unseen in training: no history, all zeros
            for (int p = ptr[u]; p < ptr[u + 1]; p++) similarity.addRowTo(idx[p], 1f, out, off);
        }
    }
}
