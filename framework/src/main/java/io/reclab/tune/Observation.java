package io.reclab.tune;

import java.util.Map;

/**
 * A finished trial as samplers see it: its values by key (config text) and its validation score, higher better
 * (NaN for a failed trial). Pruned trials count with the value they reached, which is what successive halving
 * judged them on.
 */
public record Observation(Map<String, String> values, double score) {}
