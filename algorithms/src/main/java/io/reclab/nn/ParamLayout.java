package io.reclab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out the storage of a network's parameters while its layers are built: offsets into one flat dense
 * trainable vector, into a non-trainable state vector (batch-norm running statistics), into a statistics
 * accumulator (per-batch sums that become state), and indices of sparse tables keyed by feature id.
 * One flat dense vector lets one optimizer step, one gradient buffer per thread and one snapshot cover every
 * dense layer. Layouts are filled once, in the network's constructor, and read-only afterwards.
 */
public final class ParamLayout {
    private int dense;
    private int state;
    private int stats;
    private final List<int[]> tables = new ArrayList<>();

    /** Reserves {@code n} trainable dense floats; returns their offset. */
    public int dense(int n) {
        int o = dense;
        dense += n;
        return o;
    }

    /** Reserves {@code n} non-trainable state floats; returns their offset. */
    public int state(int n) {
        int o = state;
        state += n;
        return o;
    }

    /** Reserves {@code n} per-batch statistic accumulators (doubles); returns their offset. */
    public int stats(int n) {
        int o = stats;
        stats += n;
        return o;
    }

    /** Declares a sparse table of {@code rows} rows of {@code dim} floats (rows = feature ids); returns its index. */
    public int table(int rows, int dim) {
        if (rows <= 0 || dim <= 0) throw new IllegalArgumentException("table needs rows, dim > 0: " + rows + "x" + dim);
        if ((long) rows * dim > Integer.MAX_VALUE)
            throw new IllegalArgumentException("table " + rows + "x" + dim + " exceeds one Java array");
        tables.add(new int[]{rows, dim});
        return tables.size() - 1;
    }

    public int denseSize() { return dense; }
    public int stateSize() { return state; }
    public int statsSize() { return stats; }
    public int numTables() { return tables.size(); }
    public int tableRows(int t) { return tables.get(t)[0]; }
    public int tableDim(int t) { return tables.get(t)[1]; }

    /** Zero-filled parameters of this layout. */
    public Params newParams() {
        float[][] t = new float[tables.size()][];
        int[] dims = new int[tables.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = new float[tableRows(i) * tableDim(i)];
            dims[i] = tableDim(i);
        }
        return new Params(new float[dense], new float[state], t, dims);
    }
}
