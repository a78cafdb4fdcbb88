package io.reclab.split;

import io.reclab.data.Interactions;

/**
 * The parts of a split. {@code valid} is empty (size 0) when the protocol has no validation part.
 * {@code protocol} is a one-line human description written into run.json and reports
 * (e.g. "random 80/20 per user, seed 2026").
 */
public record SplitResult(Interactions train, Interactions valid, Interactions test, String protocol) {
}
