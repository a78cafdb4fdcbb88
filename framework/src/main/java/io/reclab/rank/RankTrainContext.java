package io.reclab.rank;

import io.reclab.run.TrainingLog;

/**
 * What a ranker is trained on: encoded training samples, validation samples for early stopping (may be empty),
 * a seed derived from the master seed and the component path, a thread bound, and the curve log.
 */
public record RankTrainContext(Samples train, Samples valid, long seed, int threads, TrainingLog log) {
}
