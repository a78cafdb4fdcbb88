package io.reclab.split;

import io.reclab.data.Dataset;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Divides a dataset's interactions into train / validation / test. Every part shares the dataset's id maps.
 * Implementations are deterministic for a given generator state; the runner passes a generator seeded from the
 * master seed and the path {@code split}.
 */
public interface Splitter {
    SplitResult split(Dataset dataset, RandomGenerator rng);
}
