package io.reclab.recall.item2vec;

import io.reclab.data.Interactions;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.fmrecall.SideFeatures;
import io.reclab.train.EpochLoop;
import io.reclab.util.Parallel;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Item2Vec: Barkan, O. and Koenigstein, N. (2016), "Item2Vec: Neural Item Embedding for Collaborative Filtering",
 * IEEE MLSP — skip-gram with negative sampling (Mikolov et al. 2013, "Distributed Representations of Words and
 * Phrases and their Compositionality", NIPS) where a user's training items are the "sentence" and, by default,
 * every other item of the set is a context. Optional side information averages each item's id embedding with its
 * feature-value embeddings (Wang et al. 2018, "Billion-scale Commodity Embedding for E-commerce Recommendation in
 * Alibaba", KDD — EGES with uniform weights), which also gives never-seen items a vector.
 * <p>Determinism with threads: every user's subsampling, windows and negatives come from an RNG seeded by (seed,
 * epoch, user), and users are processed in an epoch-seeded order. With T &gt; 1 threads an epoch runs in rounds:
 * each worker copies the parameters, trains on its contiguous share of the round's users, and the main thread adds
 * all workers' parameter changes to the shared copy in worker order (synchronous delta aggregation, which equals
 * sequential SGD to first order in the learning rate). The result depends on the seed and T only.
 * <p>Served as an {@link EmbeddingRecaller} (exact or HNSW retrieval, see {@link Item2VecVectors}); the epoch loop
 * and early stopping are the shared {@link EpochLoop}.
 */
public final class Item2Vec implements Recaller {
    /** Users per worker per round: small enough that replicas stay close, large enough to amortise copies. */
    static final int USERS_PER_WORKER_ROUND = 64;
    private final Item2VecConfig config;

    public Item2Vec(Item2VecConfig config) { this.config = config; }

    public Item2VecConfig config() { return config; }

    @Override
    public EmbeddingRecaller fit(TrainContext ctx) {
        Interactions train = ctx.train();
        int ni = train.numItems(), d = config.factors();
        UserSequences seqs = UserSequences.of(train);
        int[] counts = train.itemCounts();
        SideFeatures feats = config.sideInfo()
                ? SideFeatures.encode(ctx.itemFeatures(), ni, config.numericBuckets(), "item features") : null;
        SplittableRandom init = new SplittableRandom(ctx.seed());
        float[] inId = new float[ni * d];
        float[] inFeat = new float[(feats == null ? 0 : feats.numIds()) * d];
        // word2vec: input vectors uniform in [-0.5/d, 0.5/d), output vectors zero
        for (int i = 0; i < inId.length; i++) inId[i] = (float) ((init.nextDouble() - 0.5) / d);
        for (int i = 0; i < inFeat.length; i++) inFeat[i] = (float) ((init.nextDouble() - 0.5) / d);
        SgnsParams params = new SgnsParams(d, inId, inFeat, new float[ni * d], feats);
        Item2VecVectors vectors = new Item2VecVectors(config, seqs, counts, feats);
        if (train.size() == 0) return vectors.build(params).serve(config.retrieval(), ctx.threads());
        SgnsEpoch runner = new SgnsEpoch(config, seqs, counts, ctx.seed());
        try (Parallel par = new Parallel(ctx.threads())) {
            int threads = par.threads();
            SgnsParams[] replicas = new SgnsParams[threads > 1 ? threads : 0];
            for (int w = 0; w < replicas.length; w++) replicas[w] = params.copy();
            EpochLoop.Trainee<Item2VecVectors.Snapshot> trainee = new EpochLoop.Trainee<>() {
                @Override
                public double trainEpoch(int epoch) {
                    return threads == 1 ? runner.sequential(params, epoch - 1)
                            : runParallel(runner, params, replicas, par, epoch - 1);
                }

                @Override
                public Item2VecVectors.Snapshot snapshot() {
                    return vectors.build(params);
                }
            };
            EpochLoop.Result<Item2VecVectors.Snapshot> r = EpochLoop.run("item2vec", config.epochs(), config.stopping(),
                    ctx, trainee, Item2VecVectors.Snapshot::exact);
            return r.model().serve(config.retrieval(), ctx.threads());
        }
    }

    private static double runParallel(SgnsEpoch runner, SgnsParams global, SgnsParams[] replicas, Parallel par,
                                      int epoch) {
        int[] order = runner.userOrder(epoch);
        int t = replicas.length;
        int perRound = t * USERS_PER_WORKER_ROUND;
        double lossSum = 0;
        long pairs = 0;
        double[][] res = new double[t][];
        for (int r0 = 0; r0 < order.length; r0 += perRound) {
            int r1 = Math.min(order.length, r0 + perRound);
            int r0f = r0, share = (r1 - r0 + t - 1) / t;
            // task w owns replica w and res[w], so the outcome does not depend on which thread runs it
            par.forEach(t, w -> {
                int a = Math.min(r1, r0f + w * share), b = Math.min(r1, a + share);
                replicas[w].copyFrom(global);
                res[w] = runner.users(replicas[w], order, a, b, epoch);
            });
            for (int w = 0; w < t; w++) {
                lossSum += res[w][0];
                pairs += (long) res[w][1];
            }
            aggregate(global.inId, replicas, p -> p.inId);
            aggregate(global.inFeat, replicas, p -> p.inFeat);
            aggregate(global.out, replicas, p -> p.out);
        }
        return pairs == 0 ? 0 : lossSum / pairs;
    }

    /** global += Σ_w (replica_w - global), summed in worker order. */
    private static void aggregate(float[] global, SgnsParams[] replicas, Function<SgnsParams, float[]> table) {
        float[][] reps = new float[replicas.length][];
        for (int w = 0; w < reps.length; w++) reps[w] = table.apply(replicas[w]);
        for (int i = 0; i < global.length; i++) {
            float g = global[i], s = g;
            for (float[] r : reps) s += r[i] - g;
            global[i] = s;
        }
    }
}
