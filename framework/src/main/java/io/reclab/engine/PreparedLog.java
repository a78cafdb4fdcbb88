package io.reclab.engine;

import io.reclab.data.Dataset;
import io.reclab.split.SplitResult;

/** A dataset after preprocessing, its split, and the seconds each took on the engine. */
public record PreparedLog(Dataset dataset, SplitResult split, double loadSeconds, double splitSeconds) {}
