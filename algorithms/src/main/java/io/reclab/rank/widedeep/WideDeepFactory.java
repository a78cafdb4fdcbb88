package io.reclab.rank.widedeep;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link WideDeep} from its config block (keys in {@link WideDeepConfig}). */
public final class WideDeepFactory implements Factory<Ranker> {
    public static final String NAME = "widedeep";
    public static final String DESCRIPTION = "Wide & Deep (Cheng et al., DLRS 2016): FTRL linear part + embedding MLP, jointly trained";

    @Override
    public Ranker create(ConfigBlock block) {
        return new WideDeep(WideDeepConfig.from(block));
    }
}
