package io.reclab.rank.fm;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link Fm} from its config block (keys in {@link FmConfig}). */
public final class FmFactory implements Factory<Ranker> {
    public static final String NAME = "fm";
    public static final String DESCRIPTION = "Factorization Machine (Rendle, ICDM 2010): linear + pairwise factorised interactions";

    @Override
    public Ranker create(ConfigBlock block) {
        return new Fm(FmConfig.from(block));
    }
}
