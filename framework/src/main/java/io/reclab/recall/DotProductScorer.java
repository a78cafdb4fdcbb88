package io.reclab.recall;

import java.util.Arrays;

/**
 * Full-ranking scores {@code s(u, i) = <p_u, q_i> (+ b_i)} for embedding models, computed block by block.
 * Item vectors are stored transposed (dimension-major) so the inner loop is a contiguous multiply-add over items,
 * which the JIT vectorises; items are tiled so a tile of item vectors stays in cache while a block of users
 * passes over it. This replaces per-item dot-product loops in every embedding model's {@code scoreBlock}.
 */
public final class DotProductScorer {
    private static final int ITEM_TILE = 1024;
    private final int dim;
    private final int numUsers;
    private final int numItems;
    private final float[] userVecs;
    private final float[] itemsT;
    private final float[] itemBias;

    /**
     * @param userVecs row-major numUsers × dim
     * @param itemVecs row-major numItems × dim (copied and transposed)
     * @param itemBias per-item additive score, or null
     */
    public DotProductScorer(int dim, float[] userVecs, float[] itemVecs, float[] itemBias) {
        if (dim <= 0 || userVecs.length % dim != 0 || itemVecs.length % dim != 0)
            throw new IllegalArgumentException("vector arrays are not multiples of dim " + dim);
        this.dim = dim;
        this.numUsers = userVecs.length / dim;
        this.numItems = itemVecs.length / dim;
        if (itemBias != null && itemBias.length != numItems)
            throw new IllegalArgumentException("itemBias length " + itemBias.length + " != items " + numItems);
        this.userVecs = userVecs;
        this.itemsT = new float[dim * numItems];
        for (int i = 0; i < numItems; i++)
            for (int k = 0; k < dim; k++) itemsT[k * numItems + i] = itemVecs[i * dim + k];
        this.itemBias = itemBias;
    }

    public int dim() { return dim; }
    public int numUsers() { return numUsers; }
    public int numItems() { return numItems; }

    /** Scores for users[from..to) into out, row-major ((to-from) × numItems). */
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        int b = to - from;
        int ni = numItems, d = dim;
        for (int r = 0; r < b; r++) {
            if (itemBias != null) System.arraycopy(itemBias, 0, out, r * ni, ni);
            else Arrays.fill(out, r * ni, (r + 1) * ni, 0f);
        }
        for (int j0 = 0; j0 < ni; j0 += ITEM_TILE) {
            int j1 = Math.min(ni, j0 + ITEM_TILE);
            int r = 0;
            // four users at a time: each item-vector load feeds four multiply-adds
            for (; r + 3 < b; r += 4) {
                int u0 = users[from + r] * d, u1 = users[from + r + 1] * d, u2 = users[from + r + 2] * d, u3 = users[from + r + 3] * d;
                int o0 = r * ni, o1 = o0 + ni, o2 = o1 + ni, o3 = o2 + ni;
                for (int k = 0; k < d; k++) {
                    float a0 = userVecs[u0 + k], a1 = userVecs[u1 + k], a2 = userVecs[u2 + k], a3 = userVecs[u3 + k];
                    int vo = k * ni;
                    for (int j = j0; j < j1; j++) {
                        float v = itemsT[vo + j];
                        out[o0 + j] += a0 * v;
                        out[o1 + j] += a1 * v;
                        out[o2 + j] += a2 * v;
                        out[o3 + j] += a3 * v;
                    }
                }
            }
            for (; r < b; r++) {
                int u0 = users[from + r] * d, o0 = r * ni;
                for (int k = 0; k < d; k++) {
                    float a0 = userVecs[u0 + k];
                    int vo = k * ni;
                    for (int j = j0; j < j1; j++) out[o0 + j] += a0 * itemsT[vo + j];
                }
            }
        }
    }

    /** One user's score for one item (for tests and per-pair use). */
    public float score(int user, int item) {
        float s = itemBias == null ? 0f : itemBias[item];
        for (int k = 0; k < dim; k++) s += userVecs[user * dim + k] * itemsT[k * numItems + item];
        return s;
    }
}
