package io.reclab.rank.deepfm;

import io.reclab.nn.Params;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.train.FittedNet;
import io.reclab.rank.train.MinibatchTrainer;

/**
 * DeepFM ranker: Guo, H., Tang, R., Ye, Y., Li, Z. and He, X. (2017). "DeepFM: A Factorization-Machine based
 * Neural Network for CTR Prediction". IJCAI. FM and deep components share the field embeddings; see
 * {@link DeepFmNet} and {@link DeepFmConfig}. Unfitted; {@link #fit} returns an immutable model.
 */
public final class DeepFm implements Ranker {
    private final DeepFmConfig config;

    public DeepFm(DeepFmConfig config) { this.config = config; }

    public DeepFmConfig config() { return config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) {
        DeepFmNet net = new DeepFmNet(config, ctx.train().numFeatures(), ctx.train().numFields());
        Params p = MinibatchTrainer.train(net, config.train(), ctx);
        return new FittedNet<>(DeepFmFactory.NAME, net, p, ctx.train().numFeatures(), ctx.train().numFields(), ctx.threads());
    }
}
