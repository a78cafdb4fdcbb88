package io.reclab.rank.fm;

import io.reclab.nn.EmbeddingTable;
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
 * {@code y = w0 + sum_i w_i x_i + sum_{i<j} <v_i, v_j> x_i x_j}, evaluated in O(k nnz) through
 * {@code sum_{i<j} <v_i,v_j> x_i x_j = 1/2 sum_f [(sum_i v_if x_i)^2 - sum_i v_if^2 x_i^2]}, whose gradient is
 * {@code d/dv_if = x_i (sum_j v_jf x_j - v_if x_i)}.
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
            int r = rows[i], so = (i - from) * k;
            java.util.Arrays.fill(sums, so, so + k, 0f);
            double lin = b, sq = 0;
            for (int q = ptr[r]; q < ptr[r + 1]; q++) {
                int vo = ids[q] * k;
                float x = vals[q];
                lin += w[ids[q]] * x;
                for (int c = 0; c < k; c++) {
                    float t = v[vo + c] * x;
                    sums[so + c] += t;
                    sq += t * t;
                }
            }
            double s2 = 0;
            for (int c = 0; c < k; c++) s2 += sums[so + c] * sums[so + c];
            logits[i - from] = (float) (lin + 0.5 * (s2 - sq));
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
                float x = vals[q], dx = dz * x;
                gw[slot] += dx;
                for (int c = 0; c < k; c++) gv[go + c] += dx * (sums[so + c] - v[vo + c] * x);
            }
        }
    }

    @Override
    public Optimizers optimizers(Params p) {
        RowOptimizer dense = cfg.optimizer().create(p.dense, p.dense.length);
        return new Optimizers(dense, new RowOptimizer[]{linear.optimizer(p, cfg.optimizer()), factors.optimizer(p, cfg.optimizer())});
    }
}
