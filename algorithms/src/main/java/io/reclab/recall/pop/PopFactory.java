package io.reclab.recall.pop;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link PopRecaller} from block {@code recall.pop}. */
public final class PopFactory implements Factory<Recaller> {
    public static final String NAME = "pop";
    public static final String DESCRIPTION = "Most popular items by training interaction count (non-personalised baseline)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new PopRecaller(PopConfig.from(block));
    }
}
