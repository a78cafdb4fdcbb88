package io.reclab.train;

import io.reclab.recall.FittedRecaller;

/** Wraps an epoch number as a one-item model whose only score is that number. */
final class EpochLoopTestSupport {
    private EpochLoopTestSupport() {}

    static FittedRecaller asModel(Integer epoch) {
        return new FittedRecaller() {
            @Override public int numItems() { return 1; }
            @Override public void scoreBlock(int[] users, int from, int to, float[] out) { out[0] = epoch; }
        };
    }
}
