package io.reclab.rank.fm;

import io.reclab.nn.Params;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.train.FittedNet;
import io.reclab.rank.train.MinibatchTrainer;

/**
 * Factorization Machine ranker: Rendle, S. (2010). "Factorization Machines". IEEE International Conference on
 * Data Mining (ICDM). Second-order FM over individual sparse features, trained by minibatch BCE (see
 * {@link FmNet} for the model and {@link FmConfig} for the settings). Unfitted; {@link #fit} returns an
 * immutable model.
 */
public final class Fm implements Ranker {
    private final FmConfig config;

    public Fm(FmConfig config) { this.config = config; }

    public FmConfig config() { return config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) {
        FmNet net = new FmNet(config, ctx.train().numFeatures());
        Params p = MinibatchTrainer.train(net, config.train(), ctx);
        return new FittedNet<>(FmFactory.NAME, net, p, ctx.train().numFeatures(), ctx.train().numFields(), ctx.threads());
    }
}
