package io.reclab.recall.twotower;

import io.reclab.recall.DotProductScorer;
import io.reclab.recall.FittedRecaller;

/**
 * A trained {@link TwoTower}: item-tower outputs precomputed for every item, user-tower outputs precomputed for
 * every user (from the user's features and last training items), scored by inner product (the logQ correction
 * is a training device and is not applied when serving). Immutable.
 */
public final class FittedTwoTower implements FittedRecaller {
    private final int dim;
    private final float[] userVecs;
    private final float[] itemVecs;
    private final DotProductScorer scorer;

    FittedTwoTower(int dim, float[] userVecs, float[] itemVecs) {
        this.dim = dim;
        this.userVecs = userVecs;
        this.itemVecs = itemVecs;
        this.scorer = new DotProductScorer(dim, userVecs, itemVecs, null);
    }

    @Override public int numItems() { return scorer.numItems(); }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        scorer.scoreBlock(users, from, to, out);
    }

    public int dim() { return dim; }
    /** Copy of the user-tower outputs, row-major numUsers × dim. */
    public float[] userVectors() { return userVecs.clone(); }
    /** Copy of the item-tower outputs, row-major numItems × dim. */
    public float[] itemVectors() { return itemVecs.clone(); }
}
