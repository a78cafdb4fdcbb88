package io.reclab.recall.neighbors;

import java.util.Arrays;

/**
 * A dense per-thread accumulator with a touched list: {@link #add} costs O(1) and {@link #clear} only resets the
 * touched entries, so computing one sparse row costs time proportional to its non-zeros, not to the matrix width.
 * Not thread-safe: each worker thread owns one.
 */
public final class Accumulator {
    private final double[] sum;
    private final boolean[] seen;
    private final int[] touched;
    private int size;

    public Accumulator(int width) {
        sum = new double[width];
        seen = new boolean[width];
        touched = new int[width];
    }

    public void add(int c, double v) {
        if (!seen[c]) {
            seen[c] = true;
            touched[size++] = c;
        }
        sum[c] += v;
    }

    public int size() { return size; }

    /** The k-th touched column, in first-touch order. */
    public int touched(int k) { return touched[k]; }

    public double get(int c) { return sum[c]; }

    /** Sorts the touched columns ascending, so a row is emitted in column order whatever order it was visited in. */
    public void sortTouched() { Arrays.sort(touched, 0, size); }

    public void clear() {
        for (int k = 0; k < size; k++) {
            int c = touched[k];
            sum[c] = 0;
            seen[c] = false;
        }
        size = 0;
    }
}
