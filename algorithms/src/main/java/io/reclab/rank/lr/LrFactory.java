package io.reclab.rank.lr;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link LogisticRegression} from a {@code rank.lr} block (keys and defaults: {@link LrConfig}). */
public final class LrFactory implements Factory<Ranker> {
    public static final String NAME = "lr";
    public static final String DESCRIPTION = "logistic regression with FTRL-Proximal (McMahan et al. 2013) or minibatch SGD";

    @Override
    public Ranker create(ConfigBlock block) { return new LogisticRegression(LrConfig.from(block)); }
}
