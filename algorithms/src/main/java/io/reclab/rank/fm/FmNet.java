package io.reclab.rank.fm;

import io.reclab.nn.EmbeddingTable;
import io.reclab.nn.FmTerms;
import io.reclab.nn.Grads;
import io.reclab.nn.ParamLayout;
import io.reclab.nn.Params;
import io.reclab.rank.Samples;
import io.reclab.rank.train.Net;
import io.reclab.rank.train.Optimizers;
import io.reclab.optim.RowOptimizer;

import java.util.SplittableRandom;

/**
 * The factorization machine of Rendle (2010) over individual features:
 * {@code y = w0 + sum_i w_i x_i + sum_{i<j} <v_i, v_j> x_i x_j}, in O(k nnz) by {@link FmTerms} (shared with
 * FM for matching), trained pointwise on log loss by the minibatch trainer.
 */
public final class FmNet implements Net<float[]> {
    private final FmConfig cfg;
    private final ParamLayout layout = new ParamLayout();
    private final int biasOff;
    private final EmbeddingTable linear;
    private final EmbeddingTable factors;
    private final int k;

    public FmNet(FmConfig cfg, int numFeatures) {
        this.cfg = cfg;
        this.k = cfg.embeddingDim();
        this.biasOff = layout.dense(1);
        this.linear = new EmbeddingTable(layout, numFeatures, 1);
        this.factors = new EmbeddingTable(layout, numFeatures, k);
    }

    public EmbeddingTable linear() { return linear; }
    public EmbeddingTable factors() { return factors; }
    public int biasOffset() { return biasOff; }

    @Override public ParamLayout layout() { return layout; }

    @Override
    public void init(Params p, SplittableRandom rng) {
        factors.initNormal(p, rng, cfg.initStd());
    }

    /** Scratch: the per-sample factor sums s_f = sum_i v_if x_i (capacity x k). */
    @Override
    public float[] newScratch(int capacity) { return new float[capacity * k]; }

    @Override
    public void forward(Params p, Samples d, int[] rows, int from, int to, boolean training, long noiseSeed,
                        float[] sums, double[] stats, float[] logits) {
        float[] w = p.tables[linear.index()], v = p.tables[factors.index()];
        int[] ptr = d.rowPtr(), ids = d.featIds();
        float[] vals = d.featVals();
        float b = p.dense[biasOff];
        for (int i = from; i < to; i++) {
            int r = rows[i];
            logits[i - from] = (float) (b + FmTerms.terms(w, v, k, ids, vals, ptr[r], ptr[r + 1], sums, (i - from) * k));
        }
    }

    @Override
    public void backward(Params p, Samples d, int[] rows, int from, int to, float[] residual, float meanScale,
                         float[] sums, Grads g) {
        float[] v = p.tables[factors.index()];
        float[] gw = g.table(linear.index()), gv = g.table(factors.index());
        int[] ptr = d.rowPtr(), ids = d.featIds();
        float[] vals = d.featVals();
        for (int i = from; i < to; i++) {
            int r = rows[i], so = (i - from) * k;
            float dz = residual[i - from] * meanScale;
            g.dense[biasOff] += dz;
            for (int q = ptr[r]; q < ptr[r + 1]; q++) {
                int slot = g.slot(ids[q]), vo = ids[q] * k, go = slot * k;
                float x = vals[q];
                gw[slot] += dz * x;
                FmTerms.addFactorGradient(gv, go, v, vo, k, dz, x, sums, so, null, 0);
            }
        }
    }

    @Override
    public Optimizers optimizers(Params p) {
        RowOptimizer dense = cfg.optimizer().create(p.dense, p.dense.length);
        return new Optimizers(dense, new RowOptimizer[]{linear.optimizer(p, cfg.optimizer()), factors.optimizer(p, cfg.optimizer())});
    }
}
