package io.reclab.recall.fmrecall;

import io.reclab.recall.DotProductScorer;
import io.reclab.recall.FittedRecaller;

/**
 * A trained {@link FmRecall}, as two towers of (k+2)-dimensional vectors whose inner product is the full FM
 * score: {@code U_u = [s_u, 1, w0 + lin_u + intra_u]} and {@code I_i = [s_i, lin_i + intra_i, 1]}, where
 * {@code s} is a side's sum of v_j x_j, {@code lin} its linear terms and {@code intra} its intra-side pairwise
 * interactions. Then {@code <U_u, I_i> = w0 + lin_u + lin_i + intra_u + intra_i + <s_u, s_i> = y(u, i)} exactly,
 * so full ranking (and any maximum-inner-product index) ranks as the FM does. Immutable.
 */
public final class FittedFmRecall implements FittedRecaller {
    private final int dim;
    private final float[] userVecs;
    private final float[] itemVecs;
    private final DotProductScorer scorer;

    private FittedFmRecall(int dim, float[] userVecs, float[] itemVecs) {
        this.dim = dim;
        this.userVecs = userVecs;
        this.itemVecs = itemVecs;
        this.scorer = new DotProductScorer(dim, userVecs, itemVecs, null);
    }

    static FittedFmRecall of(FmParams p, FmFeatures f) {
        int k = p.k, d = k + 2;
        float[] u = new float[f.numUsers * d];
        float[] it = new float[f.numItems * d];
        for (int e = 0; e < f.numUsers; e++) {
            double t = p.side(f.uPtr, f.uIdx, f.uVal, e, u, e * d);
            u[e * d + k] = 1f;
            u[e * d + k + 1] = (float) (p.w0[0] + t);
        }
        for (int e = 0; e < f.numItems; e++) {
            double t = p.side(f.iPtr, f.iIdx, f.iVal, e, it, e * d);
            it[e * d + k] = (float) t;
            it[e * d + k + 1] = 1f;
        }
        return new FittedFmRecall(d, u, it);
    }

    @Override public int numItems() { return scorer.numItems(); }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        scorer.scoreBlock(users, from, to, out);
    }

    /** Vector dimension: factors + 2. */
    public int dim() { return dim; }
    /** Copy of the user vectors U, row-major numUsers × dim. */
    public float[] userVectors() { return userVecs.clone(); }
    /** Copy of the item vectors I, row-major numItems × dim. */
    public float[] itemVectors() { return itemVecs.clone(); }
}
