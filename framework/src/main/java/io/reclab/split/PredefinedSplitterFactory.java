package io.reclab.split;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;

/**
 * Builds a {@link PredefinedSplitter}: {@code valid-ratio} (default {@link PredefinedSplitter#DEFAULT_VALID_RATIO})
 * is the share of each user's training rows carved out as validation when the files ship none; 0 keeps the files'
 * parts as they are.
 */
public final class PredefinedSplitterFactory implements Factory<Splitter> {
    public static final String NAME = "predefined";
    public static final String DESCRIPTION = "the train/valid/test split the dataset ships with (LightGCN txt, RecBole atomic files); "
            + "a seeded valid-ratio of train is carved out when it ships no validation part";

    @Override
    public Splitter create(ConfigBlock block) {
        double ratio = block.getDouble("valid-ratio", PredefinedSplitter.DEFAULT_VALID_RATIO);
        return new PredefinedSplitter(ratio);
    }
}
