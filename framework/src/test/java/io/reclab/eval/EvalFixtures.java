package io.reclab.eval;

import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.DotProductScorer;
import io.reclab.recall.FittedRecaller;

import java.util.SplittableRandom;

/** Random logs and dot-product models for evaluator tests. */
final class EvalFixtures {
    private EvalFixtures() {}

    static FittedRecaller model(DotProductScorer s) {
        return new FittedRecaller() {
            @Override public int numItems() { return s.numItems(); }
            @Override public void scoreBlock(int[] users, int from, int to, float[] out) { s.scoreBlock(users, from, to, out); }
        };
    }

    /** Embeddings with small integer entries so that many scores tie exactly (ties must break by item id). */
    static DotProductScorer tieModel(long seed, int users, int items, int dim) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] u = new float[users * dim], v = new float[items * dim];
        for (int k = 0; k < u.length; k++) u[k] = r.nextInt(3);
        for (int k = 0; k < v.length; k++) v[k] = r.nextInt(3) - 1;
        return new DotProductScorer(dim, u, v, null);
    }

    static DotProductScorer gaussianModel(long seed, int users, int items, int dim) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] u = new float[users * dim], v = new float[items * dim], b = new float[items];
        for (int k = 0; k < u.length; k++) u[k] = (float) gauss(r);
        for (int k = 0; k < v.length; k++) v[k] = (float) gauss(r);
        for (int k = 0; k < b.length; k++) b[k] = (float) gauss(r) * 0.1f;
        return new DotProductScorer(dim, u, v, b);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Each user gets {@code 0..maxPer} random items (duplicates possible, as in real logs). */
    static Interactions log(long seed, int users, int items, int maxPer, double emptyUserProb) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] per = new int[users];
        int n = 0;
        for (int u = 0; u < users; u++) {
            per[u] = r.nextDouble() < emptyUserProb ? 0 : 1 + r.nextInt(maxPer);
            n += per[u];
        }
        int[] uu = new int[n], ii = new int[n];
        for (int u = 0, k = 0; u < users; u++)
            for (int j = 0; j < per[u]; j++, k++) { uu[k] = u; ii[k] = r.nextInt(items); }
        return new Interactions(uu, ii, new float[n], new long[n], IdMap.identity(users), IdMap.identity(items));
    }

    /** A log whose user and item maps are those of {@code like}. */
    static Interactions sameMaps(Interactions x, Interactions like) {
        return new Interactions(x.userColumn(), x.itemColumn(), x.valueColumn(), x.timeColumn(), like.users(), like.items());
    }
}
