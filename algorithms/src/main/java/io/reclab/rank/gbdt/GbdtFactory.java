package io.reclab.rank.gbdt;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds a plain {@link Gbdt} ranker from a {@code rank.gbdt} block (keys and defaults: {@link GbdtConfig}). */
public final class GbdtFactory implements Factory<Ranker> {
    public static final String NAME = "gbdt";
    public static final String DESCRIPTION = "histogram gradient-boosted trees with logistic loss and Newton leaves";

    @Override
    public Ranker create(ConfigBlock block) { return new Gbdt(GbdtConfig.from(block)); }
}
