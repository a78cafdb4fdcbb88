package io.reclab.split;

import io.reclab.config.ConfigError;
import io.reclab.data.Dataset;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Uses the split a dataset ships with (LightGCN's train.txt/test.txt, RecBole's .train/.valid/.test.inter), as
 * recorded in {@link Dataset#predefinedParts()}, so that numbers compare with published ones.
 */
public final class PredefinedSplitter implements Splitter {
    @Override
    public SplitResult split(Dataset dataset, RandomGenerator rng) {
        byte[] parts = dataset.predefinedParts();
        if (parts == null)
            throw new ConfigError("dataset " + dataset.info().name() + " ships no split; use random, leave-one-out or temporal"
                    + " (split=random)");
        return Parts.build(dataset.interactions(), parts, "predefined (as shipped with " + dataset.info().name() + ")");
    }
}
