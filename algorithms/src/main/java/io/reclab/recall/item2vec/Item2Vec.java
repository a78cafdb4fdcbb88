package io.reclab.recall.item2vec;

import io.reclab.data.Interactions;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.fmrecall.EarlyStopping;
import io.reclab.recall.fmrecall.SideFeatures;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 */
public final class Item2Vec implements Recaller {
    /** Users per worker per round: small enough that replicas stay close, large enough to amortise copies. */
    static final int USERS_PER_WORKER_ROUND = 64;
    private final Item2VecConfig config;

    public Item2Vec(Item2VecConfig config) { this.config = config; }

    public Item2VecConfig config() { return config; }

    @Override
    public FittedItem2Vec fit(TrainContext ctx) {
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
        FittedItem2Vec.Builder snapshot = new FittedItem2Vec.Builder(config, seqs, counts, feats);
        EarlyStopping<FittedItem2Vec> stop = new EarlyStopping<>(ctx.validator(), ctx.log(), config.epochs(),
                config.evalEvery(), config.patience());
        if (train.size() == 0) return snapshot.build(params);
        SgnsEpoch runner = new SgnsEpoch(config, seqs, counts, ctx.seed());
        int threads = Math.max(1, ctx.threads());
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "item2vec-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<SgnsParams> replicas = new ArrayList<>();
            for (int w = 0; w < threads && threads > 1; w++) replicas.add(params.copy());
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                double loss = threads == 1 ? runner.sequential(params, epoch - 1)
                        : runParallel(runner, params, replicas, pool, epoch - 1);
                if (ctx.log() != null) ctx.log().record("loss", epoch, loss);
                if (stop.afterEpoch(epoch, () -> snapshot.build(params))) break;
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return stop.result(() -> snapshot.build(params));
    }

    private static double runParallel(SgnsEpoch runner, SgnsParams global, List<SgnsParams> replicas,
                                      ExecutorService pool, int epoch) {
        int[] order = runner.userOrder(epoch);
        int t = replicas.size();
        int perRound = t * USERS_PER_WORKER_ROUND;
        double lossSum = 0;
        long pairs = 0;
        for (int r0 = 0; r0 < order.length; r0 += perRound) {
            int r1 = Math.min(order.length, r0 + perRound);
            int share = (r1 - r0 + t - 1) / t;
            List<Future<double[]>> fs = new ArrayList<>();
            for (int w = 0; w < t; w++) {
                SgnsParams rep = replicas.get(w);
                int a = Math.min(r1, r0 + w * share), b = Math.min(r1, a + share);
                fs.add(pool.submit(() -> {
                    rep.copyFrom(global);
                    return runner.users(rep, order, a, b, epoch);
                }));
            }
            double[][] res = new double[t][];
            for (int w = 0; w < t; w++) res[w] = get(fs.get(w));
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
    private static void aggregate(float[] global, List<SgnsParams> replicas, Function<SgnsParams, float[]> table) {
        float[][] reps = new float[replicas.size()][];
        for (int w = 0; w < reps.length; w++) reps[w] = table.apply(replicas.get(w));
        for (int i = 0; i < global.length; i++) {
            float g = global[i], s = g;
            for (float[] r : reps) s += r[i] - g;
            global[i] = s;
        }
    }

    private static double[] get(Future<double[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("item2vec training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("item2vec worker failed", e.getCause());
        }
    }
}
