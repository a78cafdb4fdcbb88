package io.reclab.recall;

import io.reclab.data.Interactions;

import java.util.Map;

/**
 * A fitted recaller that can measure something about itself after training, for run.json's {@code extras}:
 * e.g. an embedding model served through an approximate index reports the index's recall against exact top-K and
 * the query latency of each. The runner calls it once per trial, after evaluation.
 */
public interface Diagnosable {
    Map<String, Double> diagnostics(Interactions train, long seed);
}
