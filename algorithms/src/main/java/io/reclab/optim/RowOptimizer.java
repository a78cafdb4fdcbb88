package io.reclab.optim;

/**
 * Updates rows of a parameter table in place from their gradients, keeping any per-coordinate state
 * (Adagrad sums, Adam moments) beside the table. Sparse models (embeddings) touch only the rows a minibatch used;
 * a dense layer is a table with one row. Different rows may be updated concurrently from different threads;
 * the same row must not be.
 */
public interface RowOptimizer {
    /**
     * Applies one step to {@code table[row*dim .. row*dim+dim)} with gradient {@code grad[gradOffset .. gradOffset+dim)}.
     * The gradient is of the loss to minimise; L2 regularisation, when configured, is added here.
     */
    void step(int row, float[] grad, int gradOffset);

    /** The parameter table this optimizer updates. */
    float[] table();

    int dim();
}
