package io.reclab.rank.train;

import io.reclab.metric.rank.Auc;
import io.reclab.util.Parallel;
import io.reclab.util.Seeds;
import io.reclab.nn.Grads;
import io.reclab.nn.Logistic;
import io.reclab.nn.ParamLayout;
import io.reclab.nn.Params;
import io.reclab.nn.SparseIndex;
import io.reclab.optim.RowOptimizer;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.run.TrainingLog;

import java.util.SplittableRandom;

/**
 * Minibatch training of a {@link Net} on binary cross-entropy. Each epoch shuffles the training samples with a
 * generator derived from the seed; each batch is split into contiguous blocks, one per thread, whose forward and
 * backward passes fill per-thread gradient buffers; the buffers are then added in thread order and the dense
 * vector and the touched sparse rows take one optimizer step. Results depend only on the seed and the thread
 * count. After each epoch the validation AUC (exact Mann-Whitney) decides early stopping with {@code patience};
 * the best parameters are returned. {@code loss} (mean training BCE of the epoch) and {@code valid.auc} are
 * recorded in the training log.
 */
public final class MinibatchTrainer {
    /** Smallest block worth a thread (and the smallest ghost batch for batch norm). */
    static final int MIN_BLOCK = 32;

    private MinibatchTrainer() {}

    /** Trains from freshly initialised parameters; returns the best (or, without validation data, final) ones. */
    public static <S> Params train(Net<S> net, TrainConfig cfg, RankTrainContext ctx) {
        Samples train = ctx.train();
        Samples valid = ctx.valid();
        if (train.size() == 0) throw new IllegalArgumentException("no training samples");
        SampleChecks.check(train, train.numFeatures(), train.numFields(), "training samples");
        boolean early = valid != null && valid.size() > 0 && hasBothClasses(valid.labels());
        if (valid != null && valid.size() > 0)
            SampleChecks.check(valid, train.numFeatures(), train.numFields(), "validation samples");
        int threads = Math.max(1, ctx.threads());
        TrainingLog log = ctx.log();

        ParamLayout layout = net.layout();
        Params params = layout.newParams();
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        net.init(params, rng.split());
        Optimizers opts = net.optimizers(params);

        int n = train.size();
        int batch = Math.min(cfg.batchSize(), n);
        int cap = Math.max((batch + threads - 1) / threads, 2 * MIN_BLOCK);
        Worker<S>[] workers = newWorkers(net, layout, threads, Math.min(cap, Math.max(batch, 1)));
        SparseIndex index = new SparseIndex(train.numFeatures());
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        SplittableRandom shuffler = rng.split();
        long noiseBase = rng.nextLong();

        Parallel pool = new Parallel(threads);
        try {
            Params best = null;
            double bestAuc = Double.NEGATIVE_INFINITY;
            int bad = 0;
            long step = 0;
            for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
                shuffle(perm, shuffler);
                double lossSum = 0;
                for (int b0 = 0; b0 < n; b0 += batch) {
                    int b1 = Math.min(n, b0 + batch);
                    lossSum += step(net, params, opts, train, perm, b0, b1, index, workers, pool,
                            Seeds.at(noiseBase, step++));
                }
                double loss = lossSum / n;
                if (!Double.isFinite(loss))
                    throw new IllegalStateException("training diverged at epoch " + epoch + " (loss " + loss
                            + "); lower `learning-rate`");
                if (log != null) log.record("loss", epoch, loss);
                if (!early) continue;
                float[] p = Inference.predict(net, params, valid, workers, pool);
                double auc = Auc.auc(p, valid.labels());
                if (log != null) log.record("valid.auc", epoch, auc);
                if (auc > bestAuc) {
                    bestAuc = auc;
                    if (best == null) best = params.copy();
                    else best.setFrom(params);
                    bad = 0;
                } else if (++bad >= cfg.patience()) {
                    break;
                }
            }
            return best != null ? best : params;
        } finally {
            pool.close();
        }
    }

    /** One minibatch: parallel forward/backward, ordered reduction, optimizer steps. Returns the summed loss. */
    static <S> double step(Net<S> net, Params params, Optimizers opts, Samples data, int[] order, int b0, int b1,
                           SparseIndex index, Worker<S>[] workers, Parallel pool, long noiseSeed) {
        int len = b1 - b0;
        int blocks = blocks(len, workers.length);
        index.build(data, order, b0, b1);
        float meanScale = 1f / len;
        pool.forEach(blocks, blk -> {
            Worker<S> w = workers[blk];
            int from = b0 + (int) ((long) blk * len / blocks), to = b0 + (int) ((long) (blk + 1) * len / blocks);
            w.grads.reset(index);
            net.forward(params, data, order, from, to, true, Seeds.at(noiseSeed, blk), w.scratch, w.grads.stats, w.logits);
            float[] labels = data.labels();
            double loss = 0;
            for (int i = 0; i < to - from; i++) {
                float z = w.logits[i], y = labels[order[from + i]];
                w.residual[i] = Logistic.sigmoid(z) - y;
                loss += Logistic.bceWithLogits(z, y);
            }
            w.loss = loss;
            net.backward(params, data, order, from, to, w.residual, meanScale, w.scratch, w.grads);
        });
        Grads g = workers[0].grads;
        double loss = workers[0].loss;
        for (int blk = 1; blk < blocks; blk++) {
            g.add(workers[blk].grads);
            loss += workers[blk].loss;
        }
        net.applyStats(params, g.stats);
        if (opts.dense() != null && params.dense.length > 0) opts.dense().step(0, g.dense, 0);
        int rows = index.count();
        int chunks = rows >= 4096 ? workers.length : 1;
        pool.forEach(chunks, c -> {
            int lo = (int) ((long) c * rows / chunks), hi = (int) ((long) (c + 1) * rows / chunks);
            for (int t = 0; t < opts.tables().length; t++) {
                RowOptimizer o = opts.tables()[t];
                float[] gt = g.table(t);
                int dim = o.dim();
                for (int s = lo; s < hi; s++) o.step(index.row(s), gt, s * dim);
            }
        });
        return loss;
    }

    static int blocks(int len, int threads) {
        return Math.min(threads, Math.max(1, len / MIN_BLOCK));
    }


    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static boolean hasBothClasses(float[] labels) {
        boolean pos = false, neg = false;
        for (float y : labels) {
            if (y > 0.5f) pos = true;
            else neg = true;
            if (pos && neg) return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static <S> Worker<S>[] newWorkers(Net<S> net, ParamLayout layout, int threads, int capacity) {
        Worker<S>[] w = new Worker[threads];
        for (int t = 0; t < threads; t++) w[t] = new Worker<>(net.newScratch(capacity), new Grads(layout), capacity);
        return w;
    }

    /** One thread's scratch, gradient buffers and per-sample arrays. */
    static final class Worker<S> {
        final S scratch;
        final Grads grads;
        final float[] logits;
        final float[] residual;
        final int capacity;
        double loss;

        Worker(S scratch, Grads grads, int capacity) {
            this.scratch = scratch;
            this.grads = grads;
            this.capacity = capacity;
            this.logits = new float[capacity];
            this.residual = new float[capacity];
        }
    }
}
