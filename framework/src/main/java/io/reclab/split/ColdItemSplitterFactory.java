package io.reclab.split;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Factory;

/** Builds a {@link ColdItemSplitter} from the {@code split} block: {@code cold-ratio} 0.1, {@code valid-share} 0.5. */
public final class ColdItemSplitterFactory implements Factory<Splitter> {
    public static final String NAME = "cold-items";
    public static final String DESCRIPTION = "new-item protocol: the cold-ratio=0.1 of items first seen last are held out with all their interactions (valid-share=0.5 of them to valid, the rest to test)";

    @Override
    public Splitter create(ConfigBlock block) {
        double cold = block.getDouble("cold-ratio", 0.1);
        double valid = block.getDouble("valid-share", 0.5);
        if (!(cold > 0 && cold < 1)) throw new ConfigError("`" + block.path() + ".cold-ratio` = " + cold + ": expected a number in (0, 1)");
        if (!(valid >= 0 && valid < 1)) throw new ConfigError("`" + block.path() + ".valid-share` = " + valid + ": expected a number in [0, 1)");
        return new ColdItemSplitter(new ColdItemSplitter.Settings(cold, valid));
    }
}
