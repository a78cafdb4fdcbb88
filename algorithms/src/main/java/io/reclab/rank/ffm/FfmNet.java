package io.reclab.rank.ffm;

import io.reclab.nn.EmbeddingTable;
import io.reclab.nn.Grads;
import io.reclab.nn.ParamLayout;
import io.reclab.nn.Params;
import io.reclab.optim.RowOptimizer;
import io.reclab.rank.Samples;
import io.reclab.rank.train.Net;
import io.reclab.rank.train.Optimizers;

import java.util.SplittableRandom;

/**
 * Field-aware FM (Juan et al. 2016): each feature j has one k-vector per field, stored as one table row of
 * numFields x k; the logit is {@code sum_{p<q} <w_{j_p, f_q}, w_{j_q, f_p}> x_p x_q}, times 1/||x||^2 under
 * instance normalisation, plus optionally {@code w0 + sum_j w_j x_j}. Cost O(nnz^2 k) per sample.
 * The pairwise gradients use the unscaled per-sample residual (sum over the batch), matching libffm's
 * per-sample Adagrad steps; the optional linear part likewise.
 */
public final class FfmNet implements Net<Object> {
    private final FfmConfig cfg;
    private final ParamLayout layout = new ParamLayout();
    private final int numFields;
    private final int k;
    private final EmbeddingTable field;
    private final EmbeddingTable linear;
    private final int biasOff;

    public FfmNet(FfmConfig cfg, int numFeatures, int numFields) {
        this.cfg = cfg;
        this.numFields = numFields;
        this.k = cfg.embeddingDim();
        this.field = new EmbeddingTable(layout, numFeatures, numFields * k);
        if (cfg.linear()) {
            this.linear = new EmbeddingTable(layout, numFeatures, 1);
            this.biasOff = layout.dense(1);
        } else {
            this.linear = null;
            this.biasOff = -1;
        }
    }

    public EmbeddingTable fieldTable() { return field; }
    public EmbeddingTable linearTable() { return linear; }
    public int biasOffset() { return biasOff; }
    public int k() { return k; }

    @Override public ParamLayout layout() { return layout; }

    /** libffm's initialisation: uniform in [0, 1/sqrt(k)). */
    @Override
    public void init(Params p, SplittableRandom rng) {
        field.initUniform(p, rng, 0, 1 / Math.sqrt(k));
    }

    @Override public Object newScratch(int capacity) { return null; }

    private double norm(float[] vals, int lo, int hi) {
        if (!cfg.normalize()) return 1;
        double s = 0;
        for (int q = lo; q < hi; q++) s += vals[q] * vals[q];
        return s > 0 ? 1 / s : 1;
    }

    @Override
    public void forward(Params p, Samples d, int[] rows, int from, int to, boolean training, long noiseSeed,
                        Object scratch, double[] stats, float[] logits) {
        float[] v = p.tables[field.index()];
        int[] ptr = d.rowPtr(), ids = d.featIds(), fl = d.featFields();
        float[] vals = d.featVals();
        int rowDim = numFields * k;
        for (int i = from; i < to; i++) {
            int r = rows[i], lo = ptr[r], hi = ptr[r + 1];
            double rNorm = norm(vals, lo, hi), z = 0;
            for (int a = lo; a < hi; a++) {
                int va = ids[a] * rowDim;
                for (int b = a + 1; b < hi; b++) {
                    int oa = va + fl[b] * k, ob = ids[b] * rowDim + fl[a] * k;
                    float dot = 0f;
                    for (int c = 0; c < k; c++) dot += v[oa + c] * v[ob + c];
                    z += dot * vals[a] * vals[b];
                }
            }
            z *= rNorm;
            if (linear != null) {
                float[] w = p.tables[linear.index()];
                z += p.dense[biasOff];
                for (int a = lo; a < hi; a++) z += w[ids[a]] * vals[a];
            }
            logits[i - from] = (float) z;
        }
    }

    @Override
    public void backward(Params p, Samples d, int[] rows, int from, int to, float[] residual, float meanScale,
                         Object scratch, Grads g) {
        float[] v = p.tables[field.index()], gv = g.table(field.index());
        int[] ptr = d.rowPtr(), ids = d.featIds(), fl = d.featFields();
        float[] vals = d.featVals();
        int rowDim = numFields * k;
        for (int i = from; i < to; i++) {
            int r = rows[i], lo = ptr[r], hi = ptr[r + 1];
            float res = residual[i - from];
            float coef = (float) (res * norm(vals, lo, hi));
            for (int a = lo; a < hi; a++) {
                int va = ids[a] * rowDim, ga = g.slot(ids[a]) * rowDim;
                for (int b = a + 1; b < hi; b++) {
                    int oa = va + fl[b] * k, ob = ids[b] * rowDim + fl[a] * k;
                    int goa = ga + fl[b] * k, gob = g.slot(ids[b]) * rowDim + fl[a] * k;
                    float c2 = coef * vals[a] * vals[b];
                    for (int c = 0; c < k; c++) {
                        gv[goa + c] += c2 * v[ob + c];
                        gv[gob + c] += c2 * v[oa + c];
                    }
                }
            }
            if (linear != null) {
                float[] gw = g.table(linear.index());
                g.dense[biasOff] += res;
                for (int a = lo; a < hi; a++) gw[g.slot(ids[a])] += res * vals[a];
            }
        }
    }

    @Override
    public Optimizers optimizers(Params p) {
        RowOptimizer dense = p.dense.length > 0 ? cfg.optimizer().create(p.dense, p.dense.length) : null;
        RowOptimizer[] t = linear == null
                ? new RowOptimizer[]{field.optimizer(p, cfg.optimizer())}
                : new RowOptimizer[]{field.optimizer(p, cfg.optimizer()), linear.optimizer(p, cfg.optimizer())};
        return new Optimizers(dense, t);
    }
}
