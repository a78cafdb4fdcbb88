package io.reclab.rank.gbdt;

import io.reclab.util.Seeds;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.rank.lr.FittedLr;
import io.reclab.rank.lr.LogisticRegression;

/**
 * GBDT+LR (He et al. 2014, "Practical Lessons from Predicting Clicks on Ads at Facebook", ADKDD): boosted trees
 * are trained first; each tree then acts as a categorical feature whose value is the leaf a sample falls into, and
 * a logistic regression (FTRL) is trained on these leaf indicators (plus, by default, the original features).
 * The trees log {@code gbdt.loss} / {@code gbdt.valid.auc}; the LR logs {@code loss} / {@code valid.auc}.
 */
public final class GbdtLr implements Ranker {
    private final GbdtLrConfig config;

    public GbdtLr(GbdtLrConfig config) { this.config = config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) {
        FittedGbdt gbdt = new Gbdt(config.gbdt(), "gbdt.").fitGbdt(ctx);
        Samples train = LeafFeatures.transform(gbdt, ctx.train(), config.originalFeatures());
        Samples valid = ctx.valid() == null || ctx.valid().size() == 0 ? null
                : LeafFeatures.transform(gbdt, ctx.valid(), config.originalFeatures());
        // a seed of its own so that changing the trees' settings does not reshuffle the LR's stream
        long lrSeed = Seeds.derive(ctx.seed(), "gbdt-lr/lr");
        FittedLr lr = new LogisticRegression(config.lr()).fitLr(new RankTrainContext(train, valid, lrSeed, ctx.threads(), ctx.log()));
        return new Fitted(gbdt, lr, config.originalFeatures());
    }

    /** The trained trees and the LR over their leaves. Immutable. */
    public record Fitted(FittedGbdt gbdt, FittedLr lr, boolean originalFeatures) implements FittedRanker {
        @Override
        public float[] predict(Samples samples) {
            return lr.predict(LeafFeatures.transform(gbdt, samples, originalFeatures));
        }
    }
}
