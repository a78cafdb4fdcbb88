package io.reclab.recall.lightgcn;

/**
 * The inner loop of LightGCN's sparse products: one output row {@code out[o..o+k) = Σ_q w[q] · in[ix[q]·k ..+k)}
 * over the nonzeros {@code q ∈ [from, to)} of one row of the normalised adjacency, optionally also adding it to
 * {@code acc[o..o+k)}. Two implementations: {@link VectorRowGather} (Vector API, whole row held in registers)
 * and {@link ScalarRowGather}; {@link #best()} picks one per JVM, so a run's results depend only on the JVM flags,
 * the seed and the thread count. The two differ in summation order, hence in the last float bits.
 */
abstract class RowGather {
    /**
     * out[o..o+k) = row = Σ_{q∈[from,to)} w[q] in[ix[q]·k ..]; when {@code acc} is non-null also
     * acc[o+t] = (base[o+t] + row[t]) · scale, with a null {@code base} read as zeros. {@code base == acc, scale == 1}
     * is a plain accumulation; the other forms fold the copy that starts a layer sum and the 1/(K+1) that ends it
     * into the products, saving two passes over the whole embedding table per batch.
     */
    abstract void gather(int[] ix, float[] w, int from, int to, float[] in, int k, float[] out, int o, float[] acc,
                         float[] base, float scale);

    /**
     * As {@link #gather(int[], float[], int, int, float[], int, float[], int, float[], float[], float)} when the rows
     * of {@code in} at columns with {@code mark[c] != tag} are known to be zero: a kernel may skip them. The vector
     * kernel does not (a data-dependent branch per nonzero measured 4× slower than the branch-free product); the
     * scalar one does, as the work it skips is larger than the test.
     */
    void gatherSkippingZeroRows(int[] ix, float[] w, int from, int to, float[] in, int k, float[] out, int o, float[] acc,
                                float[] base, float scale, int[] mark, int tag) {
        gather(ix, w, from, to, in, k, out, o, acc, base, scale);
    }

    /** The plain accumulating form: acc[o..o+k) += row. */
    final void gather(int[] ix, float[] w, int from, int to, float[] in, int k, float[] out, int o, float[] acc) {
        gather(ix, w, from, to, in, k, out, o, acc, acc, 1f);
    }

    /** Short name for logs and benchmarks. */
    abstract String name();

    private static final boolean VECTOR = probe();

    private static boolean probe() {
        if (Boolean.getBoolean("reclab.noVector")) return false;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return VectorRowGather.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The Vector API kernel when the incubator module is resolved (and not disabled by -Dreclab.noVector), else scalar. */
    static RowGather best() {
        // typed as RowGather so the verifier need not load VectorRowGather when the module is absent
        return VECTOR ? VectorRowGather.create() : new ScalarRowGather();
    }
}
