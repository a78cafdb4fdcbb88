package io.reclab.run;

import io.reclab.rank.Samples;
import io.reclab.rank.features.FittedFeaturePipeline;

/** Encoded ranking samples of one split (features fitted on train), built once per sample / feature configuration. */
public record RankData(Samples train, Samples valid, Samples test, double seconds, FittedFeaturePipeline features) {}
