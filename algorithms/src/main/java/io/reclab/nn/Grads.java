package io.reclab.nn;

import java.util.Arrays;

/**
 * One thread's gradient buffers for one minibatch: the dense gradient (same layout as {@link Params#dense}),
 * slot-major sparse gradients per table (slots from a shared {@link SparseIndex}), and batch statistics
 * (sums that update running state, e.g. batch-norm means). Threads fill their own buffers; the trainer then
 * adds them in a fixed thread order so results do not depend on scheduling.
 */
public final class Grads {
    public final float[] dense;
    public final double[] stats;
    private final float[][] sparse;
    private final int[] dims;
    private SparseIndex index;

    public Grads(ParamLayout layout) {
        dense = new float[layout.denseSize()];
        stats = new double[layout.statsSize()];
        sparse = new float[layout.numTables()][];
        dims = new int[layout.numTables()];
        for (int t = 0; t < dims.length; t++) {
            dims[t] = layout.tableDim(t);
            sparse[t] = new float[64 * dims[t]];
        }
    }

    /** Zeroes every buffer and binds the batch's slot index (sizing sparse buffers to its touched rows). */
    public void reset(SparseIndex idx) {
        this.index = idx;
        Arrays.fill(dense, 0f);
        Arrays.fill(stats, 0.0);
        for (int t = 0; t < sparse.length; t++) {
            int need = idx.count() * dims[t];
            if (sparse[t].length < need) sparse[t] = new float[Math.max(need, sparse[t].length * 2)];
            else Arrays.fill(sparse[t], 0, need, 0f);
        }
    }

    /** Slot-major gradient of table {@code t}: row {@code index().row(s)} lives at {@code s * dim}. */
    public float[] table(int t) { return sparse[t]; }

    public SparseIndex index() { return index; }

    /** Slot of feature {@code f} in this batch. */
    public int slot(int f) { return index.slot(f); }

    /** Adds {@code other} (same layout and index) into this. */
    public void add(Grads other) {
        addInto(dense, other.dense, dense.length);
        for (int i = 0; i < stats.length; i++) stats[i] += other.stats[i];
        for (int t = 0; t < sparse.length; t++) addInto(sparse[t], other.sparse[t], index.count() * dims[t]);
    }

    private static void addInto(float[] a, float[] b, int n) {
        for (int i = 0; i < n; i++) a[i] += b[i];
    }
}
