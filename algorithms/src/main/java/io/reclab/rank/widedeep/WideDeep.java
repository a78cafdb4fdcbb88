package io.reclab.rank.widedeep;

import io.reclab.nn.Params;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.train.FittedNet;
import io.reclab.rank.train.MinibatchTrainer;

/**
 * Wide &amp; Deep ranker: Cheng, H.-T., Koc, L., Harmsen, J., et al. (2016). "Wide &amp; Deep Learning for
 * Recommender Systems". 1st Workshop on Deep Learning for Recommender Systems (DLRS @ RecSys). Wide linear part
 * trained with FTRL-Proximal (McMahan et al. 2013), deep MLP part with Adam by default; see {@link WideDeepNet}
 * and {@link WideDeepConfig}. Unfitted; {@link #fit} returns an immutable model.
 */
public final class WideDeep implements Ranker {
    private final WideDeepConfig config;

    public WideDeep(WideDeepConfig config) { this.config = config; }

    public WideDeepConfig config() { return config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) {
        WideDeepNet net = new WideDeepNet(config, ctx.train().numFeatures(), ctx.train().numFields());
        Params p = MinibatchTrainer.train(net, config.train(), ctx);
        return new FittedNet<>(WideDeepFactory.NAME, net, p, ctx.train().numFeatures(), ctx.train().numFields(), ctx.threads());
    }
}
