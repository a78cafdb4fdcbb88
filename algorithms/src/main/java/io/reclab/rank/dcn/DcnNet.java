package io.reclab.rank.dcn;

import io.reclab.nn.Dense;
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
 * Deep &amp; Cross Network. x0 = concatenated field embeddings (d = F k; numeric fields enter as value x their
 * embedding row, FuxiCTR's convention, since {@link Samples} does not mark which fields are numeric).
 * Cross layers: v1 (Wang et al. 2017) {@code x_{l+1} = x0 (x_l . w_l) + b_l + x_l} with vectors w_l, b_l;
 * v2 (Wang et al. 2021) {@code x_{l+1} = x0 ⊙ (W_l x_l + b_l) + x_l} with full-rank W_l or low-rank
 * W_l = U_l V_l^T. Parallel: logit = Linear([x_L, MLP(x0)]); stacked: logit = Linear(MLP(x_L)).
 */
public final class DcnNet implements Net<DcnNet.Scratch> {
    private final DcnConfig cfg;
    private final ParamLayout layout = new ParamLayout();
    private final EmbeddingTable emb;
    private final FieldEmbedder embedder;
    private final int d;
    private final int layers;
    private final boolean v1;
    private final boolean parallel;
    private final int[] wOff; // v1
    private final int[] bOff; // v1
    private final Dense[] full; // v2 full rank, or the r -> d factor of low rank (with the bias)
    private final Dense[] down; // v2 low rank: d -> r
    private final Mlp mlp;
    private final boolean hasDeep;
    private final Dense head;
    private final int headIn;

    public DcnNet(DcnConfig cfg, int numFeatures, int numFields) {
        this.cfg = cfg;
        this.emb = new EmbeddingTable(layout, numFeatures, cfg.embeddingDim());
        this.embedder = new FieldEmbedder(emb, numFields);
        this.d = embedder.width();
        this.layers = cfg.crossLayers();
        this.v1 = cfg.version().equals("v1");
        this.parallel = cfg.structure().equals("parallel");
        wOff = new int[layers];
        bOff = new int[layers];
        full = new Dense[layers];
        down = new Dense[layers];
        for (int l = 0; l < layers; l++) {
            if (v1) {
                wOff[l] = layout.dense(d);
                bOff[l] = layout.dense(d);
            } else if (cfg.lowRank() > 0) {
                down[l] = new Dense(layout, d, cfg.lowRank(), false);
                full[l] = new Dense(layout, cfg.lowRank(), d, true);
            } else {
                full[l] = new Dense(layout, d, d, true);
            }
        }
        this.hasDeep = !cfg.mlp().hidden().isEmpty();
        this.mlp = new Mlp(layout, d, cfg.mlp(), false);
        this.headIn = parallel ? d + (hasDeep ? mlp.outDim() : 0) : mlp.outDim();
        this.head = new Dense(layout, headIn, 1, true);
    }

    public EmbeddingTable embeddings() { return emb; }

    @Override public ParamLayout layout() { return layout; }

    @Override
    public void init(Params p, SplittableRandom rng) {
        emb.initNormal(p, rng, cfg.initStd());
        double a = 1 / Math.sqrt(d); // PyTorch's default Linear range, as FuxiCTR's cross vectors use
        for (int l = 0; l < layers; l++) {
            if (v1) {
                for (int j = 0; j < d; j++) {
                    p.dense[wOff[l] + j] = (float) ((rng.nextDouble() * 2 - 1) * a);
                    p.dense[bOff[l] + j] = 0f;
                }
            } else {
                if (down[l] != null) down[l].init(p.dense, rng);
                full[l].init(p.dense, rng);
            }
        }
        mlp.init(p, rng);
        head.init(p.dense, rng);
    }

    /** Per-thread activations. */
    public final class Scratch {
        final float[][] x = new float[layers + 1][];
        final float[][] u = new float[layers][]; // v1: x_l . w_l per row; v2: W_l x_l + b_l
        final float[][] mid = new float[layers][];
        final float[] headInput;
        final float[] headOut;
        final float[] dz;
        final float[] dHead;
        final float[] dDeep;
        final float[] gx;
        final float[] gPrev;
        final float[] du;
        final float[] tmp;
        final float[] dmid;
        final float[] dx0;
        final Mlp.Cache cache;
        float[] headSrc; // what the head read in the last forward (the concat buffer, or the MLP's output)

        Scratch(int cap) {
            for (int l = 0; l <= layers; l++) x[l] = new float[cap * d];
            for (int l = 0; l < layers; l++) {
                u[l] = new float[v1 ? cap : cap * d];
                if (down[l] != null) mid[l] = new float[cap * cfg.lowRank()];
            }
            headInput = parallel ? new float[cap * headIn] : null;
            headOut = new float[cap];
            dz = new float[cap];
            dHead = new float[cap * headIn];
            dDeep = new float[cap * Math.max(1, mlp.outDim())];
            gx = new float[cap * d];
            gPrev = new float[cap * d];
            du = new float[cap * d];
            tmp = new float[cap * d];
            dmid = cfg.lowRank() > 0 ? new float[cap * cfg.lowRank()] : null;
            dx0 = new float[cap * d];
            cache = mlp.newCache(cap);
        }
    }

    @Override public Scratch newScratch(int capacity) { return new Scratch(capacity); }

    private void crossForward(Params p, int l, int n, Scratch s) {
        float[] x0 = s.x[0], xl = s.x[l], next = s.x[l + 1], P = p.dense;
        if (v1) {
            for (int i = 0; i < n; i++) {
                int o = i * d;
                float dot = 0f;
                for (int j = 0; j < d; j++) dot += xl[o + j] * P[wOff[l] + j];
                s.u[l][i] = dot;
                for (int j = 0; j < d; j++) next[o + j] = x0[o + j] * dot + P[bOff[l] + j] + xl[o + j];
            }
            return;
        }
        if (down[l] != null) {
            down[l].forward(P, xl, n, s.mid[l]);
            full[l].forward(P, s.mid[l], n, s.u[l]);
        } else {
            full[l].forward(P, xl, n, s.u[l]);
        }
        float[] u = s.u[l];
        for (int i = 0; i < n * d; i++) next[i] = x0[i] * u[i] + xl[i];
    }

    /** From gx = dL/dx_{l+1}: writes dL/dx_l (via x_l) into gPrev and adds the x0 path into dx0. */
    private void crossBackward(Params p, int l, int n, float[] gx, float[] gPrev, Scratch s, float[] g) {
        float[] x0 = s.x[0], xl = s.x[l], P = p.dense;
        if (v1) {
            for (int i = 0; i < n; i++) {
                int o = i * d;
                float a = 0f;
                for (int j = 0; j < d; j++) a += gx[o + j] * x0[o + j];
                float dot = s.u[l][i];
                for (int j = 0; j < d; j++) {
                    g[wOff[l] + j] += xl[o + j] * a;
                    g[bOff[l] + j] += gx[o + j];
                    s.dx0[o + j] += gx[o + j] * dot;
                    gPrev[o + j] = gx[o + j] + P[wOff[l] + j] * a;
                }
            }
            return;
        }
        float[] u = s.u[l];
        for (int i = 0; i < n * d; i++) {
            s.du[i] = gx[i] * x0[i];
            s.dx0[i] += gx[i] * u[i];
        }
        if (down[l] != null) {
            full[l].backward(P, s.mid[l], s.du, n, s.dmid, g);
            down[l].backward(P, xl, s.dmid, n, s.tmp, g);
        } else {
            full[l].backward(P, xl, s.du, n, s.tmp, g);
        }
        for (int i = 0; i < n * d; i++) gPrev[i] = gx[i] + s.tmp[i];
    }

    @Override
    public void forward(Params p, Samples data, int[] rows, int from, int to, boolean training, long noiseSeed,
                        Scratch s, double[] stats, float[] logits) {
        int n = to - from;
        embedder.forward(p, data, rows, from, to, s.x[0]);
        for (int l = 0; l < layers; l++) crossForward(p, l, n, s);
        SplittableRandom rng = new SplittableRandom(noiseSeed);
        float[] in;
        if (parallel) {
            in = s.headInput;
            float[] deep = hasDeep ? mlp.forward(p, s.x[0], n, training, rng, stats, s.cache) : null;
            int h = hasDeep ? mlp.outDim() : 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(s.x[layers], i * d, in, i * headIn, d);
                if (h > 0) System.arraycopy(deep, i * h, in, i * headIn + d, h);
            }
        } else {
            in = mlp.forward(p, s.x[layers], n, training, rng, stats, s.cache);
        }
        s.headSrc = in;
        head.forward(p.dense, in, n, s.headOut);
        System.arraycopy(s.headOut, 0, logits, 0, n);
    }

    @Override
    public void backward(Params p, Samples data, int[] rows, int from, int to, float[] residual, float meanScale,
                         Scratch s, Grads g) {
        int n = to - from;
        for (int i = 0; i < n; i++) s.dz[i] = residual[i] * meanScale;
        java.util.Arrays.fill(s.dx0, 0, n * d, 0f);
        float[] gx = s.gx, gPrev = s.gPrev;
        if (parallel) {
            head.backward(p.dense, s.headSrc, s.dz, n, s.dHead, g.dense);
            int h = hasDeep ? mlp.outDim() : 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(s.dHead, i * headIn, gx, i * d, d);
                if (h > 0) System.arraycopy(s.dHead, i * headIn + d, s.dDeep, i * h, h);
            }
            if (hasDeep) {
                mlp.backward(p, s.x[0], n, s.dDeep, s.tmp, g.dense, s.cache);
                for (int i = 0; i < n * d; i++) s.dx0[i] += s.tmp[i];
            }
        } else {
            head.backward(p.dense, s.headSrc, s.dz, n, s.dDeep, g.dense);
            mlp.backward(p, s.x[layers], n, s.dDeep, gx, g.dense, s.cache);
        }
        for (int l = layers - 1; l >= 0; l--) {
            crossBackward(p, l, n, gx, gPrev, s, g.dense);
            float[] t = gx;
            gx = gPrev;
            gPrev = t;
        }
        // gx = dL/dx0 through the x_l chain; dx0 holds the x0 (and parallel deep) paths
        for (int i = 0; i < n * d; i++) gx[i] += s.dx0[i];
        embedder.backward(data, rows, from, to, gx, g);
    }

    @Override
    public void applyStats(Params p, double[] stats) { mlp.applyStats(p, stats); }

    @Override
    public Optimizers optimizers(Params p) {
        RowOptimizer dense = cfg.optimizer().create(p.dense, p.dense.length);
        return new Optimizers(dense, new RowOptimizer[]{emb.optimizer(p, cfg.optimizer())});
    }
}
