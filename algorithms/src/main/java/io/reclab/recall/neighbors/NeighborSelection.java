package io.reclab.recall.neighbors;

import io.reclab.util.Parallel;
import io.reclab.util.TopK;

/**
 * Builds a top-k neighbour matrix row by row, in parallel: a {@link RowKernel} accumulates the raw weights of one
 * row into a per-thread {@link Accumulator}, a {@link Finisher} turns each raw weight into the final similarity,
 * and the {@code k} largest non-zero entries are kept (ties by smaller column id). The diagonal is never kept,
 * since an item is not its own neighbour and keeping it would waste one of the {@code k} slots.
 * Results are identical for any thread count (see {@link Parallel}).
 */
public final class NeighborSelection {
    private NeighborSelection() {}

    /** Accumulates raw weights of row {@code row}; must only read shared state. */
    public interface RowKernel {
        void compute(int row, Accumulator acc);
    }

    /** A row kernel that also needs its own per-thread scratch (e.g. marks or buffers). */
    public interface ScratchKernel<S> {
        void compute(int row, Accumulator acc, S scratch);
    }

    /** Final weight of (row, col) from its accumulated raw value. */
    public interface Finisher {
        double apply(int row, int col, double raw);
    }

    /**
     * @param rows number of rows (and, for square matrices, columns) to compute
     * @param width number of columns
     * @param k neighbours kept per row ({@code Integer.MAX_VALUE} keeps all)
     * @param finisher null for the raw values
     */
    public static SparseRows build(int rows, int width, int k, int threads, RowKernel kernel, Finisher finisher) {
        return build(rows, width, k, threads, () -> null, (r, acc, none) -> kernel.compute(r, acc), finisher);
    }

    /** As {@link #build(int, int, int, int, RowKernel, Finisher)}, with a scratch object per worker thread. */
    public static <S> SparseRows build(int rows, int width, int k, int threads, java.util.function.Supplier<S> scratch,
                                       ScratchKernel<S> kernel, Finisher finisher) {
        return buildRange(0, rows, width, k, threads, scratch, kernel, finisher);
    }

    /**
     * Rows {@code [first, last)} only, as rows {@code 0 .. last-first} of the result: each row is computed on its
     * own, so a cluster engine can hand row ranges to tasks and concatenate the same matrix {@link #build} gives.
     */
    public static SparseRows buildRange(int first, int last, int width, int k, int threads, RowKernel kernel, Finisher finisher) {
        return buildRange(first, last, width, k, threads, () -> null, (r, acc, none) -> kernel.compute(r, acc), finisher);
    }

    private static <S> SparseRows buildRange(int first, int last, int width, int k, int threads, java.util.function.Supplier<S> scratch,
                                             ScratchKernel<S> kernel, Finisher finisher) {
        int rows = last - first;
        int[][] rowCols = new int[rows][];
        float[][] rowVals = new float[rows][];
        Parallel.forChunks(rows, threads, Parallel.chunk(rows, threads),
                () -> new Worker<>(new Accumulator(width), scratch.get()), (worker, from, to) -> {
            Accumulator acc = worker.acc;
            for (int slot = from; slot < to; slot++) {
                int r = first + slot;
                kernel.compute(r, acc, worker.scratch);
                acc.sortTouched();
                Row kept = keepBest(r, acc.size(), acc::touched, t -> acc.get(acc.touched(t)), k, finisher);
                acc.clear();
                rowCols[slot] = kept.cols();
                rowVals[slot] = kept.values();
            }
        });
        return SparseRows.ofRows(width, rowCols, rowVals);
    }

    /** One kept neighbour row: column ids best first, with their similarities. */
    public record Row(int[] cols, float[] values) implements java.io.Serializable {}

    /**
     * The row {@code row} as kept: of its {@code n} accumulated entries (columns ascending, given by position), the
     * diagonal, zeros and NaNs are dropped, the rest finished and the {@code k} largest kept (ties by smaller column).
     * Shared by {@link #build} and by engines that accumulate a row elsewhere (the Spark co-occurrence job), so both
     * keep the very same entries.
     */
    public static Row keepBest(int row, int n, java.util.function.IntUnaryOperator colAt,
                               java.util.function.IntToDoubleFunction rawAt, int k, Finisher finisher) {
        int m = 0;
        int[] ids = new int[n];
        float[] vals = new float[n];
        for (int t = 0; t < n; t++) {
            int c = colAt.applyAsInt(t);
            if (c == row) continue;
            double raw = rawAt.applyAsDouble(t);
            double v = finisher == null ? raw : finisher.apply(row, c, raw);
            if (v == 0 || Double.isNaN(v)) continue;
            ids[m] = c;
            vals[m] = (float) v;
            m++;
        }
        if (m < ids.length) {
            ids = java.util.Arrays.copyOf(ids, m);
            vals = java.util.Arrays.copyOf(vals, m);
        }
        int[] best = TopK.selectAmong(ids, vals, Math.min(k, m));
        float[] bestVals = new float[best.length];
        // ids are ascending, so each chosen id's value is found by binary search
        for (int q = 0; q < best.length; q++) bestVals[q] = vals[java.util.Arrays.binarySearch(ids, best[q])];
        return new Row(best, bestVals);
    }

    private record Worker<S>(Accumulator acc, S scratch) {}

    /**
     * The co-occurrence kernel: for row {@code r} of {@code a}, adds {@code weight[m]} (1 if null) to every column
     * {@code c} of {@code aT} row {@code m}, for each {@code m} in {@code a[r]}. With {@code a} = items × users this
     * is {@code sum over u in U_r ∩ U_c of weight[u]}; cost is the sum of the degrees of r's neighbours.
     */
    public static void coOccurrence(SparsePattern a, SparsePattern aT, double[] weight, int r, Accumulator acc) {
        int[] ap = a.indptr, ai = a.indices, tp = aT.indptr, ti = aT.indices;
        for (int p = ap[r]; p < ap[r + 1]; p++) {
            int m = ai[p];
            double w = weight == null ? 1.0 : weight[m];
            for (int q = tp[m]; q < tp[m + 1]; q++) acc.add(ti[q], w);
        }
    }
}
