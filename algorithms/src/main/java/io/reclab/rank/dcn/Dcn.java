package io.reclab.rank.dcn;

import io.reclab.nn.Params;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.train.FittedNet;
import io.reclab.rank.train.MinibatchTrainer;

/**
 * Deep &amp; Cross Network ranker, two versions:
 * v1 — Wang, R., Fu, B., Fu, G. and Wang, M. (2017). "Deep &amp; Cross Network for Ad Click Predictions". ADKDD;
 * v2 — Wang, R., Shivanna, R., Cheng, D., Jain, S., Lin, D., Hong, L. and Chi, E. (2021). "DCN V2: Improved Deep
 * &amp; Cross Network and Practical Lessons for Web-scale Learning to Rank Systems". The Web Conference (WWW).
 * See {@link DcnNet} and {@link DcnConfig}. Unfitted; {@link #fit} returns an immutable model.
 */
public final class Dcn implements Ranker {
    private final DcnConfig config;

    public Dcn(DcnConfig config) { this.config = config; }

    public DcnConfig config() { return config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) {
        DcnNet net = new DcnNet(config, ctx.train().numFeatures(), ctx.train().numFields());
        Params p = MinibatchTrainer.train(net, config.train(), ctx);
        return new FittedNet<>(DcnFactory.NAME, net, p, ctx.train().numFeatures(), ctx.train().numFields(), ctx.threads());
    }
}
