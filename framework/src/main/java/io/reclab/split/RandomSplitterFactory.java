package io.reclab.split;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;

/** Builds a {@link RandomSplitter} from the {@code split} block: {@code test-ratio}, {@code valid-ratio}, {@code per-user}. */
public final class RandomSplitterFactory implements Factory<Splitter> {
    public static final String NAME = "random";
    public static final String DESCRIPTION = "random ratio split, per user (default) or global: test-ratio=0.1, valid-ratio=0.1, per-user=true (80/10/10)";

    @Override
    public Splitter create(ConfigBlock block) {
        double test = block.getDouble("test-ratio", 0.1);
        double valid = block.getDouble("valid-ratio", 0.1);
        boolean perUser = block.getBoolean("per-user", true);
        Parts.checkRatios(block.path(), test, valid);
        return new RandomSplitter(new RandomSplitter.Settings(test, valid, perUser));
    }
}
