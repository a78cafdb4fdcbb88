package io.reclab.rank.train;

import io.reclab.optim.RowOptimizer;

/**
 * The optimizers of a {@link Net}'s parameters: one over the flat dense vector (a single row holding all dense
 * weights; null when there are none) and one per sparse table (indexed like {@link io.reclab.nn.Params#tables}).
 */
public record Optimizers(RowOptimizer dense, RowOptimizer[] tables) {
}
