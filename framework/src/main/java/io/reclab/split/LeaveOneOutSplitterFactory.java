package io.reclab.split;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;

/** Builds a {@link LeaveOneOutSplitter} from the {@code split} block: {@code valid} (default true). */
public final class LeaveOneOutSplitterFactory implements Factory<Splitter> {
    public static final String NAME = "leave-one-out";
    public static final String DESCRIPTION = "per user, the latest interaction to test and the one before to validation (valid=true, default)";

    @Override
    public Splitter create(ConfigBlock block) {
        return new LeaveOneOutSplitter(new LeaveOneOutSplitter.Settings(block.getBoolean("valid", true)));
    }
}
