package io.reclab.rank.gbdt;

import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;
import io.reclab.rank.lr.LogisticLoss;
import io.reclab.util.Parallel;

import java.util.List;

/**
 * A trained boosted ensemble: p = sigmoid(base + sum_t tree_t(x)). Immutable; prediction runs on fixed row blocks
 * over the thread count it was trained with.
 */
public final class FittedGbdt implements FittedRanker {
    private final List<Tree> trees;
    private final float base;
    private final int numFeatures;
    private final int threads;
    private final int[] leafOffset;

    FittedGbdt(List<Tree> trees, float base, int numFeatures, int threads) {
        this.trees = List.copyOf(trees);
        this.base = base;
        this.numFeatures = numFeatures;
        this.threads = threads;
        leafOffset = new int[trees.size() + 1];
        for (int t = 0; t < trees.size(); t++) leafOffset[t + 1] = leafOffset[t] + trees.get(t).numLeaves();
    }

    public List<Tree> trees() { return trees; }
    public float base() { return base; }

    /** Total leaves over all trees (the width of the leaf features of GBDT+LR). */
    public int totalLeaves() { return leafOffset[trees.size()]; }

    /** First global leaf id of tree t. */
    public int leafOffset(int t) { return leafOffset[t]; }

    /** Scatters a sample into {@code dense} (summing duplicates), evaluates one tree, clears {@code dense}. */
    static float eval(Tree tree, Samples s, int row, float[] dense) {
        scatter(s, row, dense);
        float v = tree.predict(dense);
        clear(s, row, dense);
        return v;
    }

    static void scatter(Samples s, int row, float[] dense) {
        for (int p = s.rowPtr()[row]; p < s.rowPtr()[row + 1]; p++) {
            int f = s.featIds()[p];
            if (f < dense.length) dense[f] += s.featVals()[p]; // features unseen in training never split
        }
    }

    static void clear(Samples s, int row, float[] dense) {
        for (int p = s.rowPtr()[row]; p < s.rowPtr()[row + 1]; p++) {
            int f = s.featIds()[p];
            if (f < dense.length) dense[f] = 0;
        }
    }

    /** Raw scores (log-odds). */
    public double[] margins(Samples s) {
        double[] out = new double[s.size()];
        forBlocks(s.size(), (b, from, to) -> {
            float[] dense = new float[numFeatures];
            for (int r = from; r < to; r++) {
                scatter(s, r, dense);
                double m = base;
                for (Tree t : trees) m += t.predict(dense);
                clear(s, r, dense);
                out[r] = m;
            }
        });
        return out;
    }

    /** Global leaf id (leafOffset(t) + leaf) of every sample in every tree: {@code out[r * trees + t]}. */
    public int[] leaves(Samples s) {
        int nt = trees.size();
        int[] out = new int[s.size() * nt];
        forBlocks(s.size(), (b, from, to) -> {
            float[] dense = new float[numFeatures];
            for (int r = from; r < to; r++) {
                scatter(s, r, dense);
                for (int t = 0; t < nt; t++) out[r * nt + t] = leafOffset[t] + trees.get(t).leaf(dense);
                clear(s, r, dense);
            }
        });
        return out;
    }

    /** Fixed contiguous row blocks, one per thread (serial below 8192 rows, where a pool costs more than it saves). */
    private void forBlocks(int n, Parallel.RangeBody body) {
        int blocks = n < 8192 ? 1 : threads;
        if (blocks == 1) {
            body.run(0, 0, n);
            return;
        }
        try (Parallel pool = new Parallel(blocks)) {
            pool.forRanges(n, blocks, body);
        }
    }

    @Override
    public float[] predict(Samples samples) {
        double[] m = margins(samples);
        float[] p = new float[m.length];
        for (int i = 0; i < m.length; i++) p[i] = (float) LogisticLoss.sigmoid(m[i]);
        return p;
    }
}
