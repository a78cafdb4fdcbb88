package io.reclab.nn;

import io.reclab.optim.OptimizerConfig;
import io.reclab.optim.RowOptimizer;

import java.util.random.RandomGenerator;

/**
 * A sparse table with one row of {@code dim} floats per feature id (embeddings, or dim 1 for first-order
 * weights). Rows are stored in {@link Params#tables}; the trainer updates only the rows a minibatch touched,
 * through a {@link RowOptimizer} built here, so lazily-updated optimizer state (Adam moments, Adagrad sums) stays
 * O(touched rows) per step.
 */
public final class EmbeddingTable {
    private final int index;
    private final int rows;
    private final int dim;

    public EmbeddingTable(ParamLayout layout, int rows, int dim) {
        this.index = layout.table(rows, dim);
        this.rows = rows;
        this.dim = dim;
    }

    public int index() { return index; }
    public int rows() { return rows; }
    public int dim() { return dim; }

    public float[] data(Params p) { return p.tables[index]; }

    /** Entries drawn from N(0, std^2) (FuxiCTR's embedding initialiser). */
    public void initNormal(Params p, RandomGenerator rng, double std) {
        float[] t = p.tables[index];
        for (int i = 0; i < t.length; i++) t[i] = (float) (rng.nextGaussian() * std);
    }

    /** Entries uniform in [lo, hi) (libffm initialises in [0, 1/sqrt(k))). */
    public void initUniform(Params p, RandomGenerator rng, double lo, double hi) {
        float[] t = p.tables[index];
        for (int i = 0; i < t.length; i++) t[i] = (float) (lo + rng.nextDouble() * (hi - lo));
    }

    /** An optimizer over this table's rows. */
    public RowOptimizer optimizer(Params p, OptimizerConfig cfg) {
        return cfg.create(p.tables[index], dim);
    }
}
