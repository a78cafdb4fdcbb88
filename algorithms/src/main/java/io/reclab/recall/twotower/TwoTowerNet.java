package io.reclab.recall.twotower;

import io.reclab.optim.RowOptimizer;
import io.reclab.recall.fmrecall.SideFeatures;
import io.reclab.recall.item2vec.UserSequences;
import io.reclab.util.Parallel;

import java.util.SplittableRandom;

/**
 * The two towers' parameters and one minibatch of training: forward both towers for every pair, in-batch softmax
 * with logQ correction, backward, optimizer step. Samples of a batch are split among threads in fixed contiguous
 * ranges; each thread accumulates gradients in its own buffers, which are summed in thread order, so a run is
 * deterministic for a seed and a thread count.
 * <p>History pooling for a training pair (u, i+) excludes every occurrence of i+ (leave-one-out): otherwise the
 * user tower would see the label in its input and learn to copy it, which cannot happen when serving.
 */
final class TwoTowerNet implements AutoCloseable {
    static final int USER_ID = 0, USER_FEAT = 1, HIST = 2, ITEM_ID = 3, ITEM_FEAT = 4;
    final TwoTowerConfig cfg;
    final SideFeatures userFeats, itemFeats;
    final UserSequences seqs;
    final int numUsers, numItems, dim, threads;
    private static final int EMBED_BLOCK = 256;
    final float[][] tables = new float[5][];
    final Tower user, item;
    private final float[] logQ;
    private final Parallel par;
    private final RowOptimizer[] embOpt = new RowOptimizer[5];
    private final RowOptimizer userOpt, itemOpt;
    // per-sample inputs, outputs and norms, sized for one batch
    private final Tower.Input[] ui, ii;
    private final float[] eu, ei, eiT, gU, gI, prob, batchLogQ;
    final float[] normU, normI;
    // per-thread activations and gradients: thread t owns the samples of range t of Parallel#forRanges
    final Tower.Block[] ub, ib;
    final EmbeddingGrad[][] emb;

    TwoTowerNet(TwoTowerConfig cfg, SideFeatures userFeats, SideFeatures itemFeats, UserSequences seqs,
                int[] itemCounts, int threads, long seed) {
        this.cfg = cfg;
        this.userFeats = userFeats;
        this.itemFeats = itemFeats;
        this.seqs = seqs;
        this.numUsers = userFeats.numEntities();
        this.numItems = itemFeats.numEntities();
        this.threads = Math.max(1, threads);
        int de = cfg.embeddingDim();
        int userSlots = (cfg.userId() ? 1 : 0) + userFeats.numFields() + (cfg.history() > 0 ? 1 : 0);
        if (userSlots == 0)
            throw new IllegalArgumentException("twotower: the user tower has no input (user-id = false, no user features, history = 0)");
        user = new Tower(de, userSlots, cfg.hidden(), cfg.outputDim(), cfg.normalize());
        item = new Tower(de, 1 + itemFeats.numFields(), cfg.hidden(), cfg.outputDim(), cfg.normalize());
        dim = cfg.outputDim();
        int[] rows = {numUsers, userFeats.numIds(), numItems, numItems, itemFeats.numIds()};
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 0; t < 5; t++) {
            tables[t] = new float[rows[t] * de];
            for (int i = 0; i < tables[t].length; i++) tables[t][i] = (float) (gaussian(rng) * cfg.initStd());
            embOpt[t] = cfg.optimizer().create(tables[t], de);
        }
        user.init(rng);
        item.init(rng);
        // all dense parameters of a tower form one row: every step updates all of them
        userOpt = cfg.optimizer().create(user.params.dense, user.params.dense.length);
        itemOpt = cfg.optimizer().create(item.params.dense, item.params.dense.length);
        long total = 0;
        for (int c : itemCounts) total += c;
        logQ = new float[numItems];
        for (int i = 0; i < numItems; i++)
            logQ[i] = itemCounts[i] == 0 ? 0f : (float) Math.log((double) itemCounts[i] / total);
        int b = cfg.batchSize();
        ui = new Tower.Input[b]; ii = new Tower.Input[b];
        for (int a = 0; a < b; a++) {
            ui[a] = new Tower.Input(); ii[a] = new Tower.Input();
        }
        eu = new float[b * dim]; ei = new float[b * dim]; eiT = new float[b * dim];
        gU = new float[b * dim]; gI = new float[b * dim];
        normU = new float[b]; normI = new float[b];
        prob = new float[b * b];
        batchLogQ = new float[b];
        int perThread = (b + this.threads - 1) / this.threads;
        ub = new Tower.Block[this.threads];
        ib = new Tower.Block[this.threads];
        emb = new EmbeddingGrad[this.threads][5];
        for (int t = 0; t < this.threads; t++) {
            ub[t] = user.newBlock(perThread);
            ib[t] = item.newBlock(perThread);
            for (int k = 0; k < 5; k++) emb[t][k] = new EmbeddingGrad(rows[k], de);
        }
        par = new Parallel(this.threads);
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** User-tower input: id, side features (mean-pooled per field), last {@code history} items except {@code exclude}. */
    void userInput(int u, int exclude, Tower.Input in) {
        in.clear();
        int slot = 0;
        if (cfg.userId()) in.add(slot++, USER_ID, u, 1f);
        for (int f = 0; f < userFeats.numFields(); f++, slot++) {
            int s = userFeats.start(u, f), e = userFeats.end(u, f);
            for (int q = s; q < e; q++) in.add(slot, USER_FEAT, userFeats.ids()[q], 1f / (e - s));
        }
        if (cfg.history() > 0) {
            int[] items = seqs.items();
            int h = 0, first = seqs.end(u);
            while (first > seqs.start(u) && h < cfg.history()) {
                first--;
                if (items[first] != exclude) h++;
            }
            for (int q = first; q < seqs.end(u); q++)
                if (items[q] != exclude) in.add(slot, HIST, items[q], 1f / h);
        }
    }

    void itemInput(int i, Tower.Input in) {
        in.clear();
        in.add(0, ITEM_ID, i, 1f);
        for (int f = 0; f < itemFeats.numFields(); f++) {
            int s = itemFeats.start(i, f), e = itemFeats.end(i, f);
            for (int q = s; q < e; q++) in.add(1 + f, ITEM_FEAT, itemFeats.ids()[q], 1f / (e - s));
        }
    }

    /** Forward and backward of one batch; gradients end up in thread 0's buffers. Returns the mean loss. */
    double forwardBackward(int[] users, int[] items, int bsz) {
        float tau = (float) cfg.temperature();
        run(bsz, (t, a0, a1) -> {
            for (int a = a0; a < a1; a++) {
                userInput(users[a], items[a], ui[a]);
                itemInput(items[a], ii[a]);
            }
            user.forward(ui, a0, a1 - a0, tables, ub[t], eu, normU);
            item.forward(ii, a0, a1 - a0, tables, ib[t], ei, normI);
        });
        for (int b = 0; b < bsz; b++) batchLogQ[b] = cfg.logqCorrection() ? logQ[items[b]] : 0f;
        InBatchSoftmax.transpose(ei, bsz, dim, eiT);
        double[] part = new double[threads];
        run(bsz, (t, a0, a1) -> part[t] = InBatchSoftmax.rows(eu, ei, eiT, items, batchLogQ, bsz, dim, tau, prob, gU, a0, a1));
        run(bsz, (t, b0, b1) -> InBatchSoftmax.itemGrad(eu, prob, bsz, dim, tau, gI, b0, b1));
        run(bsz, (t, a0, a1) -> {
            user.backward(ui, a0, a1 - a0, ub[t], eu, normU, gU, emb[t]);
            item.backward(ii, a0, a1 - a0, ib[t], ei, normI, gI, emb[t]);
        });
        for (int t = 1; t < threads; t++) {
            moveInto(ub[t].grad, ub[0].grad);
            moveInto(ib[t].grad, ib[0].grad);
            for (int k = 0; k < 5; k++) emb[t][k].moveInto(emb[0][k]);
        }
        double loss = 0;
        for (double p : part) loss += p;
        return loss;
    }

    /** to += from, then from = 0 (thread-order reduction of dense gradients). */
    private static void moveInto(float[] from, float[] to) {
        for (int i = 0; i < from.length; i++) to[i] += from[i];
        java.util.Arrays.fill(from, 0f);
    }

    /** Applies the accumulated gradients with the optimizer, then clears them. */
    void step() {
        userOpt.step(0, ub[0].grad, 0);
        itemOpt.step(0, ib[0].grad, 0);
        java.util.Arrays.fill(ub[0].grad, 0f);
        java.util.Arrays.fill(ib[0].grad, 0f);
        for (int k = 0; k < 5; k++) emb[0][k].applyAndClear(embOpt[k]);
    }

    void clearGrads() {
        for (int t = 0; t < threads; t++) {
            java.util.Arrays.fill(ub[t].grad, 0f);
            java.util.Arrays.fill(ib[t].grad, 0f);
            for (EmbeddingGrad e : emb[t]) e.clear();
        }
    }

    /** Tower outputs of all users (history = last {@code history} training items), numUsers × dim. */
    float[] embedUsers() {
        return embedAll(user, numUsers, (u, in) -> userInput(u, -1, in));
    }

    /** Tower outputs of all items, numItems × dim. */
    float[] embedItems() {
        return embedAll(item, numItems, this::itemInput);
    }

    private interface InputOf {
        void fill(int entity, Tower.Input in);
    }

    /** Forward passes of every entity in blocks of {@link #EMBED_BLOCK} rows, threads over fixed ranges. */
    private float[] embedAll(Tower tower, int n, InputOf inputOf) {
        float[] out = new float[n * dim];
        float[] norm = new float[n];
        Tower.Input[] in = new Tower.Input[n];
        run(n, (t, a0, a1) -> {
            Tower.Block c = tower.newBlock(Math.min(EMBED_BLOCK, a1 - a0));
            for (int s = a0; s < a1; s += EMBED_BLOCK) {
                int m = Math.min(EMBED_BLOCK, a1 - s);
                for (int a = s; a < s + m; a++) {
                    in[a] = new Tower.Input();
                    inputOf.fill(a, in[a]);
                }
                tower.forward(in, s, m, tables, c, out, norm);
                for (int a = s; a < s + m; a++) in[a] = null;
            }
        });
        return out;
    }

    /**
     * Runs task over [0, n) in {@code threads} fixed contiguous ranges ({@link Parallel#forRanges}); range t writes
     * only thread t's buffers, so the result does not depend on which pool thread runs it.
     */
    private void run(int n, Parallel.RangeBody task) {
        par.forRanges(n, threads, task);
    }

    @Override
    public void close() {
        par.close();
    }
}
