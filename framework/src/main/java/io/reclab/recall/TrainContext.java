package io.reclab.recall;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.run.TrainingLog;

/**
 * What a recaller is trained on. {@code validation} may be empty; models with early stopping use it.
 * {@code seed} is derived from the master seed and the component's config path, so it is stable when other
 * components are added. {@code threads} bounds parallelism; results must be deterministic for a seed and a
 * thread count. Curves (loss, validation metric per epoch) go to {@code log}. {@code validator} is null when
 * there is no validation part; iterative models then train for their configured number of epochs.
 */
public record TrainContext(Interactions train, Interactions validation, FeatureTable userFeatures,
                           FeatureTable itemFeatures, long seed, int threads, TrainingLog log, Validator validator) {
}
