package io.reclab.recall;

/**
 * An unfitted recall (candidate generation) model: hyperparameters only. {@link #fit} returns an immutable
 * {@link FittedRecaller}; the same recaller may be fitted many times (e.g. per seed) without interference.
 */
public interface Recaller {
    FittedRecaller fit(TrainContext context);
}
