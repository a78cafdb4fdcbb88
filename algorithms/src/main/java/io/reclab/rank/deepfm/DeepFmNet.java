package io.reclab.rank.deepfm;

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
 * DeepFM (Guo et al. 2017): logit = w0 + sum_j w_j x_j + FM2(e) + MLP(e), where e_1..e_F are the field
 * embeddings SHARED by the FM and deep components and FM2(e) = sum_{f<g} <e_f, e_g>
 * = 1/2 sum_c [(sum_f e_fc)^2 - sum_f e_fc^2]. As in FuxiCTR the second-order term runs over pooled field
 * embeddings, which for one-hot fields equals the feature-level FM.
 */
public final class DeepFmNet implements Net<DeepFmNet.Scratch> {
    private final DeepFmConfig cfg;
    private final ParamLayout layout = new ParamLayout();
    private final int biasOff;
    private final EmbeddingTable linear;
    private final EmbeddingTable emb;
    private final FieldEmbedder embedder;
    private final Mlp mlp;
    private final int numFields;
    private final int k;

    public DeepFmNet(DeepFmConfig cfg, int numFeatures, int numFields) {
        this.cfg = cfg;
        this.numFields = numFields;
        this.k = cfg.embeddingDim();
        this.biasOff = layout.dense(1);
        this.linear = new EmbeddingTable(layout, numFeatures, 1);
        this.emb = new EmbeddingTable(layout, numFeatures, k);
        this.embedder = new FieldEmbedder(emb, numFields);
        this.mlp = new Mlp(layout, embedder.width(), cfg.mlp(), true);
    }

    public EmbeddingTable linear() { return linear; }
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
        final float[] sums;
        final float[] de;
        final float[] dOut;
        final Mlp.Cache cache;

        Scratch(int cap) {
            e = new float[cap * embedder.width()];
            de = new float[cap * embedder.width()];
            sums = new float[cap * k];
            dOut = new float[cap];
            cache = mlp.newCache(cap);
        }
    }

    @Override public Scratch newScratch(int capacity) { return new Scratch(capacity); }

    @Override
    public void forward(Params p, Samples d, int[] rows, int from, int to, boolean training, long noiseSeed,
                        Scratch s, double[] stats, float[] logits) {
        int n = to - from, w = embedder.width();
        embedder.forward(p, d, rows, from, to, s.e);
        float[] deep = mlp.forward(p, s.e, n, training, new SplittableRandom(noiseSeed), stats, s.cache);
        float[] lw = p.tables[linear.index()];
        int[] ptr = d.rowPtr(), ids = d.featIds();
        float[] vals = d.featVals();
        float b = p.dense[biasOff];
        for (int i = 0; i < n; i++) {
            int r = rows[from + i], eo = i * w, so = i * k;
            double z = b + deep[i];
            for (int q = ptr[r]; q < ptr[r + 1]; q++) z += lw[ids[q]] * vals[q];
            java.util.Arrays.fill(s.sums, so, so + k, 0f);
            double sq = 0;
            for (int f = 0; f < numFields; f++) {
                for (int c = 0; c < k; c++) {
                    float v = s.e[eo + f * k + c];
                    s.sums[so + c] += v;
                    sq += v * v;
                }
            }
            double s2 = 0;
            for (int c = 0; c < k; c++) s2 += s.sums[so + c] * s.sums[so + c];
            logits[i] = (float) (z + 0.5 * (s2 - sq));
        }
    }

    @Override
    public void backward(Params p, Samples d, int[] rows, int from, int to, float[] residual, float meanScale,
                         Scratch s, Grads g) {
        int n = to - from, w = embedder.width();
        for (int i = 0; i < n; i++) s.dOut[i] = residual[i] * meanScale;
        mlp.backward(p, s.e, n, s.dOut, s.de, g.dense, s.cache);
        float[] gl = g.table(linear.index());
        int[] ptr = d.rowPtr(), ids = d.featIds();
        float[] vals = d.featVals();
        for (int i = 0; i < n; i++) {
            int r = rows[from + i], eo = i * w, so = i * k;
            float dz = s.dOut[i];
            g.dense[biasOff] += dz;
            for (int q = ptr[r]; q < ptr[r + 1]; q++) gl[g.slot(ids[q])] += dz * vals[q];
            // d FM2 / d e_fc = sum_c' e_f'c - e_fc (the field's partners in the sum)
            for (int f = 0; f < numFields; f++)
                for (int c = 0; c < k; c++) s.de[eo + f * k + c] += dz * (s.sums[so + c] - s.e[eo + f * k + c]);
        }
        embedder.backward(d, rows, from, to, s.de, g);
    }

    @Override
    public void applyStats(Params p, double[] stats) { mlp.applyStats(p, stats); }

    @Override
    public Optimizers optimizers(Params p) {
        RowOptimizer dense = cfg.optimizer().create(p.dense, p.dense.length);
        RowOptimizer[] t = new RowOptimizer[2];
        t[linear.index()] = linear.optimizer(p, cfg.optimizer());
        t[emb.index()] = emb.optimizer(p, cfg.optimizer());
        return new Optimizers(dense, t);
    }
}
