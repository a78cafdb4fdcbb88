package io.reclab.recall;

/**
 * The arithmetic behind {@link DotProductScorer}: owns the item vectors in whatever packed layout suits its
 * instructions and computes blocks of scores from them.
 * <p>
 * Contract shared by every implementation, so that all of them produce bit-identical floats: the score of a
 * (user, item) pair is the fused multiply-add chain {@code acc = fma(u[k], v[k], acc)} for {@code k = 0 .. dim-1}
 * starting from {@code +0f}, followed by {@code acc + bias[item]} when there is a bias. Because each pair is summed on
 * its own in this fixed order, a score never depends on the block, tile, thread or vector width it was computed with.
 */
abstract class ScoringKernel {
    final int dim;
    final int numItems;

    ScoringKernel(int dim, int numItems) {
        this.dim = dim;
        this.numItems = numItems;
    }

    /** Writes row-major scores of {@code users[from..to)} (rows of {@code userVecs}) into {@code out}. */
    abstract void scoreBlock(float[] userVecs, int[] users, int from, int to, float[] out);

    /** Item {@code item}'s component {@code k}, read back from the packed layout. */
    abstract float itemComponent(int item, int k);

    /** The bias of {@code item}, or 0 when there is none (callers check {@link #hasBias()}). */
    abstract float bias(int item);

    abstract boolean hasBias();

    /** A short name of the implementation, for benchmark output and diagnostics. */
    abstract String name();

    /** One pair, in the contract's order: the reference every block result must equal bit for bit. */
    final float score(float[] userVecs, int user, int item) {
        int uo = user * dim;
        float acc = 0f;
        for (int k = 0; k < dim; k++) acc = Math.fma(userVecs[uo + k], itemComponent(item, k), acc);
        return hasBias() ? acc + bias(item) : acc;
    }

    static int packedSize(int panels, int dim, int width) {
        long n = (long) panels * dim * width;
        if (n > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException("item vectors too large to pack: " + panels + " panels x dim " + dim
                    + " x width " + width + " floats exceeds one Java array");
        return (int) n;
    }
}
