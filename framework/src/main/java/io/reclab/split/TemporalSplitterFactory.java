package io.reclab.split;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;

import java.util.List;

/** Builds a {@link TemporalSplitter} from the {@code split} block: {@code mode}, {@code test-ratio}, {@code valid-ratio}. */
public final class TemporalSplitterFactory implements Factory<Splitter> {
    public static final String NAME = "temporal";
    public static final String DESCRIPTION = "time-ordered split: mode=global (one time cut, default) or per-user; test-ratio=0.1, valid-ratio=0.1";

    @Override
    public Splitter create(ConfigBlock block) {
        String mode = block.getEnum("mode", "global", List.of("global", "per-user"));
        double test = block.getDouble("test-ratio", 0.1);
        double valid = block.getDouble("valid-ratio", 0.1);
        Parts.checkRatios(block.path(), test, valid);
        return new TemporalSplitter(new TemporalSplitter.Settings(
                mode.equals("global") ? TemporalSplitter.Mode.GLOBAL : TemporalSplitter.Mode.PER_USER, test, valid));
    }
}
