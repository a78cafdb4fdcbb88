package io.reclab.nn;

/**
 * The values of a network's parameters (see {@link ParamLayout}): the flat dense trainable vector, the
 * non-trainable state (running statistics) and the sparse tables. Networks are stateless code that read these
 * arrays, so a snapshot (for early stopping) or a frozen fitted model is just a {@link #copy()}.
 */
public final class Params {
    public final float[] dense;
    public final float[] state;
    public final float[][] tables;
    private final int[] dims;

    Params(float[] dense, float[] state, float[][] tables, int[] dims) {
        this.dense = dense;
        this.state = state;
        this.tables = tables;
        this.dims = dims;
    }

    public int tableDim(int t) { return dims[t]; }

    public int numTables() { return tables.length; }

    /** A deep copy. */
    public Params copy() {
        float[][] t = new float[tables.length][];
        for (int i = 0; i < t.length; i++) t[i] = tables[i].clone();
        return new Params(dense.clone(), state.clone(), t, dims.clone());
    }

    /** Copies every value of {@code other} (same layout) into this. */
    public void setFrom(Params other) {
        System.arraycopy(other.dense, 0, dense, 0, dense.length);
        System.arraycopy(other.state, 0, state, 0, state.length);
        for (int i = 0; i < tables.length; i++) System.arraycopy(other.tables[i], 0, tables[i], 0, tables[i].length);
    }
}
