package io.reclab.recall.bpr;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.train.EpochLoop;
import io.reclab.train.Init;
import io.reclab.train.PairSampler;
import io.reclab.util.Parallel;
import io.reclab.util.Seeds;

/**
 * BPR-MF: Rendle, Freudenthaler, Gantner, Schmidt-Thieme 2009, "BPR: Bayesian Personalized Ranking from Implicit
 * Feedback", UAI. Learns user and item vectors so that an observed item i outranks an unobserved item j for user u,
 * minimising {@code −ln σ(x_ui − x_uj)} plus L2 over sampled triples, in minibatches (see {@link BprState} for the
 * exact loss and the deterministic parallel step). Records the mean batch loss per epoch as {@code loss}.
 */
public final class Bpr implements Recaller {
    private final BprConfig config;

    public Bpr(BprConfig config) {
        this.config = config;
    }

    public BprConfig config() { return config; }

    @Override
    public FittedRecaller fit(TrainContext ctx) {
        int k = config.factors();
        int users = ctx.train().numUsers(), items = ctx.train().numItems();
        float[] p = Init.normal(users * k, config.initStd(), Seeds.derive(ctx.seed(), 1));
        float[] q = Init.normal(items * k, config.initStd(), Seeds.derive(ctx.seed(), 2));
        float[] bias = config.itemBias() ? new float[items] : null;
        PairSampler sampler = new PairSampler(ctx.train().byUser(), config.negativeSampling(), Seeds.derive(ctx.seed(), 3));
        int n = sampler.size();
        int[] su = new int[n], si = new int[n], sj = new int[n];
        try (Parallel par = new Parallel(ctx.threads())) {
            BprState state = new BprState(k, p, q, bias, config.l2(), config.stepper(), par.threads());
            EpochLoop.Trainee<EmbeddingRecaller> trainee = new EpochLoop.Trainee<>() {
                @Override
                public double trainEpoch(int epoch) {
                    if (n == 0) return 0;
                    sampler.sampleEpoch(epoch, par, su, si, sj);
                    double sum = 0;
                    int batches = 0;
                    for (int from = 0; from < n; from += config.batchSize()) {
                        int to = Math.min(n, from + config.batchSize());
                        sum += state.gradients(su, si, sj, from, to, par);
                        state.apply(par);
                        batches++;
                    }
                    return sum / batches;
                }

                @Override
                public EmbeddingRecaller snapshot() {
                    return EmbeddingRecaller.exact(k, p.clone(), q.clone(), bias == null ? null : bias.clone());
                }
            };
            EpochLoop.Result<EmbeddingRecaller> r = EpochLoop.run("bpr", config.epochs(), config.stopping(), ctx, trainee, m -> m);
            return config.retrieval().approximate() ? r.model().withRetrieval(config.retrieval(), ctx.threads()) : r.model();
        }
    }
}
