package io.reclab.recall.fmrecall;

import io.reclab.data.Interactions;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.train.EpochLoop;

import java.util.SplittableRandom;

/**
 * Factorization-machine recall: Rendle, S. (2010), "Factorization Machines", IEEE ICDM. The input of a (user,
 * item) pair is the user id, the user's side features, the item id and the item's side features; the FM models
 * every pairwise interaction with factorised weights. Trained on implicit feedback with BPR (Rendle et al. 2009,
 * "BPR: Bayesian Personalized Ranking from Implicit Feedback", UAI) by default — a ranking loss over (u, i+, i-)
 * suits top-N retrieval and is unaffected by the unknown base rate of implicit positives — or with logistic loss
 * over sampled negatives. For retrieval the score is split into user and item vectors whose inner product is the
 * exact FM score ({@link FmVectors}), served as an {@link EmbeddingRecaller} (exact or HNSW retrieval). Training
 * is single-threaded (deterministic; cheap, see {@link FmTrainer}); the epoch loop and early stopping are the
 * shared {@link EpochLoop}.
 */
public final class FmRecall implements Recaller {
    private final FmRecallConfig config;

    public FmRecall(FmRecallConfig config) { this.config = config; }

    public FmRecallConfig config() { return config; }

    @Override
    public EmbeddingRecaller fit(TrainContext ctx) {
        Interactions train = ctx.train();
        SideFeatures us = SideFeatures.encode(ctx.userFeatures(), train.numUsers(), config.numericBuckets(), "user features");
        SideFeatures is = SideFeatures.encode(ctx.itemFeatures(), train.numItems(), config.numericBuckets(), "item features");
        FmFeatures f = FmFeatures.build(us, is);
        FmParams p = new FmParams(f.numFeatures, config.factors());
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        for (int i = 0; i < p.v.length; i++) p.v[i] = (float) (gaussian(rng) * config.initStd());
        FmTrainer trainer = new FmTrainer(p, f, config.loss(), config.negatives(), config.optimizer());
        EpochLoop.Trainee<EmbeddingRecaller> trainee = new EpochLoop.Trainee<>() {
            @Override
            public double trainEpoch(int epoch) {
                return trainer.epoch(train.userColumn(), train.itemColumn(), train.byUser(), rng);
            }

            @Override
            public EmbeddingRecaller snapshot() {
                return FmVectors.of(p, f);
            }
        };
        EmbeddingRecaller best = EpochLoop.run("fm-recall", config.epochs(), config.stopping(), ctx, trainee, m -> m).model();
        return config.retrieval().approximate() ? best.withRetrieval(config.retrieval(), ctx.threads()) : best;
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
