package io.reclab.rank.ffm;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link Ffm} from its config block (keys in {@link FfmConfig}). */
public final class FfmFactory implements Factory<Ranker> {
    public static final String NAME = "ffm";
    public static final String DESCRIPTION = "Field-aware Factorization Machine (Juan et al., RecSys 2016), Adagrad as libffm";

    @Override
    public Ranker create(ConfigBlock block) {
        return new Ffm(FfmConfig.from(block));
    }
}
