package io.reclab.recall;

/**
 * Full-ranking scores {@code s(u, i) = <p_u, q_i> (+ b_i)} for embedding models, computed block by block. Embedding
 * models delegate their {@code scoreBlock} here instead of looping over items themselves.
 * <p>
 * The work is a dense matrix product (users of a block × all items), done by a {@link ScoringKernel} chosen when
 * the scorer is built: a register-blocked Vector API kernel when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (as the {@code reclab} launcher does), otherwise a plain-Java kernel
 * laid out for C2's auto-vectoriser (about 3× slower). Both compute every (user, item) pair as the same fused
 * multiply-add chain over the dimensions followed by the bias, so scores are bit-identical whichever kernel,
 * block, thread or CPU vector width produced them, and equal {@link #score(int, int)}.
 * <p>
 * Immutable and thread-safe; user vectors are referenced, not copied, and must not change afterwards.
 */
public final class DotProductScorer {
    private final int dim;
    private final int numUsers;
    private final int numItems;
    private final float[] userVecs;
    private final ScoringKernel kernel;

    /**
     * @param userVecs row-major numUsers × dim
     * @param itemVecs row-major numItems × dim (copied into the kernel's layout)
     * @param itemBias per-item additive score, or null (copied)
     */
    public DotProductScorer(int dim, float[] userVecs, float[] itemVecs, float[] itemBias) {
        this(dim, userVecs, itemVecs, itemBias, true);
    }

    /** As the public constructor; {@code vector = false} forces the scalar kernel (tests, benchmarks). */
    DotProductScorer(int dim, float[] userVecs, float[] itemVecs, float[] itemBias, boolean vector) {
        if (dim <= 0 || userVecs.length % dim != 0 || itemVecs.length % dim != 0)
            throw new IllegalArgumentException("vector arrays (user " + userVecs.length + ", item " + itemVecs.length
                    + " floats) are not multiples of dim " + dim);
        this.dim = dim;
        this.numUsers = userVecs.length / dim;
        this.numItems = itemVecs.length / dim;
        if (itemBias != null && itemBias.length != numItems)
            throw new IllegalArgumentException("itemBias length " + itemBias.length + " != items " + numItems);
        this.userVecs = userVecs;
        this.kernel = Simd.kernel(dim, itemVecs, numItems, itemBias, vector);
    }

    public int dim() { return dim; }
    public int numUsers() { return numUsers; }
    public int numItems() { return numItems; }

    /** Scores for users[from..to) into out, row-major ((to-from) × numItems); the rest of out is left untouched. */
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        if (from < 0 || to < from || to > users.length)
            throw new IllegalArgumentException("user range [" + from + ", " + to + ") outside 0.." + users.length);
        if ((long) (to - from) * numItems > out.length)
            throw new IllegalArgumentException("out holds " + out.length + " floats, needs " + (to - from) + " users x "
                    + numItems + " items");
        for (int r = from; r < to; r++)
            if (users[r] < 0 || users[r] >= numUsers)
                throw new IllegalArgumentException("user " + users[r] + " outside 0.." + (numUsers - 1));
        if (to > from && numItems > 0) kernel.scoreBlock(userVecs, users, from, to, out);
    }

    /** One user's score for one item (for tests and per-pair use); bit-identical to the same pair in a block. */
    public float score(int user, int item) {
        if (user < 0 || user >= numUsers) throw new IllegalArgumentException("user " + user + " outside 0.." + (numUsers - 1));
        if (item < 0 || item >= numItems) throw new IllegalArgumentException("item " + item + " outside 0.." + (numItems - 1));
        return kernel.score(userVecs, user, item);
    }

    /** Which kernel computes the scores (benchmark output, diagnostics). */
    String kernelName() { return kernel.name(); }
}
