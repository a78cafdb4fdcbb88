package io.reclab.rank.widedeep;

import io.reclab.nn.EmbeddingTable;
import io.reclab.nn.FieldEmbedder;
import io.reclab.nn.Grads;
import io.reclab.nn.Mlp;
import io.reclab.nn.ParamLayout;
import io.reclab.nn.Params;
import io.reclab.optim.RowOptimizer;
import io.reclab.rank.Samples;
import io.reclab.rank.train.Net;
import io.reclab.rank.train.Optimizers;

import java.util.SplittableRandom;

/**
 * Wide &amp; Deep (Cheng et al. 2016): logit = wide + deep, where wide = sum_j w_j x_j over every raw sparse
 * feature (cross-product features enter the same way when the feature pipeline encodes them as fields) and deep
 * = MLP(concatenated field embeddings) with a linear head (whose bias is the model's bias). Joint training: both
 * parts receive the same per-sample dL/dlogit; the deep part averages it over the batch for Adam, the wide part
 * sums it for FTRL-Proximal, whose hyperparameters are defined per sample.
 */
public final class WideDeepNet implements Net<WideDeepNet.Scratch> {
    private final WideDeepConfig cfg;
    private final ParamLayout layout = new ParamLayout();
    private final EmbeddingTable wide;
    private final EmbeddingTable emb;
    private final FieldEmbedder embedder;
    private final Mlp mlp;

    public WideDeepNet(WideDeepConfig cfg, int numFeatures, int numFields) {
        this.cfg = cfg;
        this.wide = new EmbeddingTable(layout, numFeatures, 1);
        this.emb = new EmbeddingTable(layout, numFeatures, cfg.embeddingDim());
        this.embedder = new FieldEmbedder(emb, numFields);
        this.mlp = new Mlp(layout, embedder.width(), cfg.mlp(), true);
    }

    public EmbeddingTable wideTable() { return wide; }
    public EmbeddingTable embeddings() { return emb; }
    public Mlp mlp() { return mlp; }

    @Override public ParamLayout layout() { return layout; }

    @Override
    public void init(Params p, SplittableRandom rng) {
        emb.initNormal(p, rng, cfg.initStd());
        mlp.init(p, rng);
    }

    /** Per-thread activations. */
    public final class Scratch {
        final float[] e;
        final float[] de;
        final float[] dOut;
        final Mlp.Cache cache;

        Scratch(int cap) {
            e = new float[cap * embedder.width()];
            de = new float[cap * embedder.width()];
            dOut = new float[cap];
            cache = mlp.newCache(cap);
        }
    }

    @Override public Scratch newScratch(int capacity) { return new Scratch(capacity); }

    @Override
    public void forward(Params p, Samples d, int[] rows, int from, int to, boolean training, long noiseSeed,
                        Scratch s, double[] stats, float[] logits) {
        int n = to - from;
        embedder.forward(p, d, rows, from, to, s.e);
        float[] deep = mlp.forward(p, s.e, n, training, new SplittableRandom(noiseSeed), stats, s.cache);
        float[] w = p.tables[wide.index()];
        int[] ptr = d.rowPtr(), ids = d.featIds();
        float[] vals = d.featVals();
        for (int i = from; i < to; i++) {
            int r = rows[i];
            float z = deep[i - from];
            for (int q = ptr[r]; q < ptr[r + 1]; q++) z += w[ids[q]] * vals[q];
            logits[i - from] = z;
        }
    }

    @Override
    public void backward(Params p, Samples d, int[] rows, int from, int to, float[] residual, float meanScale,
                         Scratch s, Grads g) {
        int n = to - from;
        float[] gw = g.table(wide.index());
        int[] ptr = d.rowPtr(), ids = d.featIds();
        float[] vals = d.featVals();
        for (int i = from; i < to; i++) {
            int r = rows[i];
            float res = residual[i - from];
            s.dOut[i - from] = res * meanScale;
            for (int q = ptr[r]; q < ptr[r + 1]; q++) gw[g.slot(ids[q])] += res * vals[q];
        }
        mlp.backward(p, s.e, n, s.dOut, s.de, g.dense, s.cache);
        embedder.backward(d, rows, from, to, s.de, g);
    }

    @Override
    public void applyStats(Params p, double[] stats) { mlp.applyStats(p, stats); }

    @Override
    public Optimizers optimizers(Params p) {
        RowOptimizer dense = cfg.deepOptimizer().create(p.dense, p.dense.length);
        RowOptimizer[] t = new RowOptimizer[2];
        t[wide.index()] = new FtrlRows(p.tables[wide.index()], cfg.wideAlpha(), cfg.wideBeta(), cfg.wideL1(), cfg.wideL2());
        t[emb.index()] = emb.optimizer(p, cfg.deepOptimizer());
        return new Optimizers(dense, t);
    }
}
