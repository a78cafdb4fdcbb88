package io.reclab.nn;

import io.reclab.rank.Samples;

import java.util.Arrays;

/**
 * The distinct feature ids touched by one minibatch, each given a slot {@code 0..count-1} in order of first
 * appearance. Sparse gradients are stored slot-major ({@code slot * dim}), so per-thread buffers and their
 * reduction cost O(touched rows), not O(table), and optimizers step only the rows a batch used.
 * Built by one thread before the parallel phase; read concurrently afterwards.
 */
public final class SparseIndex {
    private final int[] slotOf;
    private int[] rows = new int[64];
    private int count;

    public SparseIndex(int numFeatures) {
        slotOf = new int[numFeatures];
        Arrays.fill(slotOf, -1);
    }

    /** Indexes the features of samples {@code order[from..to)} of {@code data}, replacing the previous batch. */
    public void build(Samples data, int[] order, int from, int to) {
        clear();
        int[] ptr = data.rowPtr(), ids = data.featIds();
        for (int i = from; i < to; i++) {
            int r = order[i];
            for (int p = ptr[r], e = ptr[r + 1]; p < e; p++) {
                int f = ids[p];
                if (slotOf[f] < 0) {
                    if (count == rows.length) rows = Arrays.copyOf(rows, count * 2);
                    slotOf[f] = count;
                    rows[count++] = f;
                }
            }
        }
    }

    private void clear() {
        for (int i = 0; i < count; i++) slotOf[rows[i]] = -1;
        count = 0;
    }

    /** Slot of feature {@code f}, or -1 if the batch does not touch it. */
    public int slot(int f) { return slotOf[f]; }

    public int count() { return count; }

    /** The feature id in slot {@code s}. */
    public int row(int s) { return rows[s]; }
}
