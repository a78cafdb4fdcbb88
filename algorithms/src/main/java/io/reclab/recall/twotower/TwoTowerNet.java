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
    final float[][] tables = new float[5][];
    final Tower user, item;
    private final float[] logQ;
    private final Parallel par;
    private final RowOptimizer[] embOpt = new RowOptimizer[5];
    private final RowOptimizer[][] userOpt, itemOpt;
    // per-sample workspaces, sized for one batch
    private final Tower.Input[] ui, ii;
    final Tower.Cache[] uc, ic;
    private final float[] eu, ei, eiT, gU, gI, prob, batchLogQ;
    // per-thread gradients
    final Tower.Grads[] ug, ig;
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
        userOpt = initTower(user, rng);
        itemOpt = initTower(item, rng);
        long total = 0;
        for (int c : itemCounts) total += c;
        logQ = new float[numItems];
        for (int i = 0; i < numItems; i++)
            logQ[i] = itemCounts[i] == 0 ? 0f : (float) Math.log((double) itemCounts[i] / total);
        int b = cfg.batchSize();
        ui = new Tower.Input[b]; ii = new Tower.Input[b];
        uc = new Tower.Cache[b]; ic = new Tower.Cache[b];
        for (int a = 0; a < b; a++) {
            ui[a] = new Tower.Input(); ii[a] = new Tower.Input();
            uc[a] = user.new Cache(); ic[a] = item.new Cache();
        }
        eu = new float[b * dim]; ei = new float[b * dim]; eiT = new float[b * dim];
        gU = new float[b * dim]; gI = new float[b * dim];
        prob = new float[b * b];
        batchLogQ = new float[b];
        ug = new Tower.Grads[this.threads];
        ig = new Tower.Grads[this.threads];
        emb = new EmbeddingGrad[this.threads][5];
        for (int t = 0; t < this.threads; t++) {
            ug[t] = user.new Grads();
            ig[t] = item.new Grads();
            for (int k = 0; k < 5; k++) emb[t][k] = new EmbeddingGrad(rows[k], de);
        }
        par = new Parallel(this.threads);
    }

    /** He initialisation (N(0, 2/fan_in)) for ReLU layers, N(0, 1/fan_in) for the linear output layer. */
    private RowOptimizer[][] initTower(Tower t, SplittableRandom rng) {
        RowOptimizer[][] o = new RowOptimizer[t.layers.length][2];
        for (int l = 0; l < t.layers.length; l++) {
            Dense d = t.layers[l];
            double sd = Math.sqrt((l < t.layers.length - 1 ? 2.0 : 1.0) / d.in);
            for (int i = 0; i < d.w.length; i++) d.w[i] = (float) (gaussian(rng) * sd);
            o[l][0] = cfg.optimizer().create(d.w, d.in);
            o[l][1] = cfg.optimizer().create(d.b, d.out);
        }
        return o;
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
        // the weights may have changed since the last batch (optimizer step, or a test's perturbation)
        user.transposeWeights();
        item.transposeWeights();
        run(bsz, (t, a0, a1) -> {
            for (int a = a0; a < a1; a++) {
                userInput(users[a], items[a], ui[a]);
                user.forward(ui[a], tables, uc[a], eu, a * dim);
                itemInput(items[a], ii[a]);
                item.forward(ii[a], tables, ic[a], ei, a * dim);
            }
        });
        for (int b = 0; b < bsz; b++) batchLogQ[b] = cfg.logqCorrection() ? logQ[items[b]] : 0f;
        InBatchSoftmax.transpose(ei, bsz, dim, eiT);
        double[] part = new double[threads];
        run(bsz, (t, a0, a1) -> part[t] = InBatchSoftmax.rows(eu, ei, eiT, items, batchLogQ, bsz, dim, tau, prob, gU, a0, a1));
        run(bsz, (t, b0, b1) -> InBatchSoftmax.itemGrad(eu, prob, bsz, dim, tau, gI, b0, b1));
        run(bsz, (t, a0, a1) -> {
            for (int a = a0; a < a1; a++) {
                user.backward(ui[a], uc[a], eu, a * dim, gU, a * dim, ug[t], emb[t]);
                item.backward(ii[a], ic[a], ei, a * dim, gI, a * dim, ig[t], emb[t]);
            }
        });
        for (int t = 1; t < threads; t++) {
            ug[t].addTo(ug[0]); ug[t].clear();
            ig[t].addTo(ig[0]); ig[t].clear();
            for (int k = 0; k < 5; k++) emb[t][k].moveInto(emb[0][k]);
        }
        double loss = 0;
        for (double p : part) loss += p;
        return loss;
    }

    /** Applies the accumulated gradients with the optimizer, then clears them. */
    void step() {
        stepTower(user, ug[0], userOpt);
        stepTower(item, ig[0], itemOpt);
        for (int k = 0; k < 5; k++) emb[0][k].applyAndClear(embOpt[k]);
    }

    private static void stepTower(Tower t, Tower.Grads g, RowOptimizer[][] opt) {
        for (int l = 0; l < t.layers.length; l++) {
            Dense d = t.layers[l];
            for (int r = 0; r < d.out; r++) opt[l][0].step(r, g.gW[l], r * d.in);
            opt[l][1].step(0, g.gb[l], 0);
        }
        g.clear();
    }

    void clearGrads() {
        for (int t = 0; t < threads; t++) {
            ug[t].clear();
            ig[t].clear();
            for (EmbeddingGrad e : emb[t]) e.clear();
        }
    }

    /** Tower outputs of all users (history = last {@code history} training items), numUsers × dim. */
    float[] embedUsers() {
        user.transposeWeights();
        float[] out = new float[numUsers * dim];
        run(numUsers, (t, a0, a1) -> {
            Tower.Input in = new Tower.Input();
            Tower.Cache c = user.new Cache();
            for (int u = a0; u < a1; u++) {
                userInput(u, -1, in);
                user.forward(in, tables, c, out, u * dim);
            }
        });
        return out;
    }

    /** Tower outputs of all items, numItems × dim. */
    float[] embedItems() {
        item.transposeWeights();
        float[] out = new float[numItems * dim];
        run(numItems, (t, a0, a1) -> {
            Tower.Input in = new Tower.Input();
            Tower.Cache c = item.new Cache();
            for (int i = a0; i < a1; i++) {
                itemInput(i, in);
                item.forward(in, tables, c, out, i * dim);
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
