package io.reclab.tune;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.List;
import java.util.Map;

/**
 * Proposes the next point of a search space from the finished trials. Implementations are deterministic for a
 * random stream and a history, so a tune resumed from disk proposes the same points again.
 */
public interface Sampler {
    /** The next point: key → config text, one entry per dimension of {@code space}. */
    Map<String, String> next(SearchSpace space, List<Observation> history, RandomGenerator rng);

    /** The sampler by name: {@code random} or {@code tpe}. */
    static Sampler of(String name) {
        return switch (name) {
            case "random" -> new RandomSampler();
            case "tpe" -> new TpeSampler();
            default -> throw new io.reclab.config.ConfigError("--sampler " + name + ": expected random or tpe");
        };
    }
}
