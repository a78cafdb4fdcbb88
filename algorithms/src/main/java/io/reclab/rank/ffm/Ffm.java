package io.reclab.rank.ffm;

import io.reclab.nn.Params;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.train.FittedNet;
import io.reclab.rank.train.MinibatchTrainer;

/**
 * Field-aware Factorization Machine ranker: Juan, Y., Zhuang, Y., Chin, W.-S. and Lin, C.-J. (2016).
 * "Field-aware Factorization Machines for CTR Prediction". ACM RecSys. Model in {@link FfmNet}, settings in
 * {@link FfmConfig}. Unfitted; {@link #fit} returns an immutable model.
 */
public final class Ffm implements Ranker {
    private final FfmConfig config;

    public Ffm(FfmConfig config) { this.config = config; }

    public FfmConfig config() { return config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) {
        FfmNet net = new FfmNet(config, ctx.train().numFeatures(), ctx.train().numFields());
        Params p = MinibatchTrainer.train(net, config.train(), ctx);
        return new FittedNet<>(FfmFactory.NAME, net, p, ctx.train().numFeatures(), ctx.train().numFields(), ctx.threads());
    }
}
