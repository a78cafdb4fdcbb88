package io.reclab.recall.lightgcn;

import io.reclab.data.Csr;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.train.EpochLoop;
import io.reclab.train.Init;
import io.reclab.train.PairSampler;
import io.reclab.util.Parallel;
import io.reclab.util.Seeds;

import java.util.Arrays;

/**
 * LightGCN: He, Deng, Wang, Li, Zhang, Wang 2020, "LightGCN: Simplifying and Powering Graph Convolution Network for
 * Recommendation", SIGIR. Embeddings are smoothed over the user-item graph by K parameter-free propagations
 * {@code E^{l+1} = D^{-1/2} A D^{-1/2} E^l}; the model scores with the layer mean and is trained with BPR on those
 * final embeddings (see {@link LightGcnState}). Training triples visit each interaction once per epoch (the
 * official code instead draws as many triples with a uniformly random user; same expected work per epoch).
 * Records the mean batch BPR loss per epoch as {@code loss}.
 */
public final class LightGcn implements Recaller {
    private final LightGcnConfig config;

    public LightGcn(LightGcnConfig config) {
        this.config = config;
    }

    public LightGcnConfig config() { return config; }

    @Override
    public FittedRecaller fit(TrainContext ctx) {
        int k = config.factors();
        int users = ctx.train().numUsers(), items = ctx.train().numItems();
        Csr adj = NormalizedAdjacency.build(ctx.train().byUser());
        float[] e0 = Init.normal((users + items) * k, config.initStd(), Seeds.derive(ctx.seed(), 1));
        PairSampler sampler = new PairSampler(ctx.train().byUser(), config.negativeSampling(), Seeds.derive(ctx.seed(), 3));
        int n = sampler.size();
        int[] su = new int[n], si = new int[n], sj = new int[n];
        try (Parallel par = new Parallel(ctx.threads())) {
            LightGcnState state = new LightGcnState(adj, users, items, k, config.layers(), e0, config.l2(), config.stepper(), par,
                    config.refreshEvery());
            EpochLoop.Trainee<EmbeddingRecaller> trainee = new EpochLoop.Trainee<>() {
                @Override
                public double trainEpoch(int epoch) {
                    if (n == 0) return 0;
                    sampler.sampleEpoch(epoch, par, su, si, sj);
                    state.beginEpoch();
                    double sum = 0;
                    int batches = 0;
                    for (int from = 0; from < n; from += config.batchSize()) {
                        int to = Math.min(n, from + config.batchSize());
                        sum += state.gradients(su, si, sj, from, to);
                        state.apply();
                        batches++;
                    }
                    return sum / batches;
                }

                @Override
                public EmbeddingRecaller snapshot() {
                    float[] fin = state.propagateAll();
                    return EmbeddingRecaller.exact(k, Arrays.copyOfRange(fin, 0, users * k),
                            Arrays.copyOfRange(fin, users * k, (users + items) * k), null);
                }
            };
            EpochLoop.Result<EmbeddingRecaller> r = EpochLoop.run("lightgcn", config.epochs(), config.stopping(), ctx, trainee, m -> m);
            return config.retrieval().approximate() ? r.model().withRetrieval(config.retrieval(), ctx.threads()) : r.model();
        }
    }
}
