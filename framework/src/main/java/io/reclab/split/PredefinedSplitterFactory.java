package io.reclab.split;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;

/** Builds a {@link PredefinedSplitter}; the block has no keys. */
public final class PredefinedSplitterFactory implements Factory<Splitter> {
    public static final String NAME = "predefined";
    public static final String DESCRIPTION = "the train/valid/test split the dataset ships with (LightGCN txt, RecBole atomic files)";

    @Override
    public Splitter create(ConfigBlock block) {
        return new PredefinedSplitter();
    }
}
