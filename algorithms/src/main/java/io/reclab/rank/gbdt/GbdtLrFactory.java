package io.reclab.rank.gbdt;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link GbdtLr} from a {@code rank.gbdt-lr} block (keys and defaults: {@link GbdtLrConfig}). */
public final class GbdtLrFactory implements Factory<Ranker> {
    public static final String NAME = "gbdt-lr";
    public static final String DESCRIPTION = "boosted-tree leaves as features for an FTRL logistic regression (He et al. 2014)";

    @Override
    public Ranker create(ConfigBlock block) { return new GbdtLr(GbdtLrConfig.from(block)); }
}
