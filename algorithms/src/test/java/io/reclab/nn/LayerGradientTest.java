package io.reclab.nn;

import io.reclab.rank.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finite-difference checks of every layer's backward pass. Each uses the loss L = sum c_ij y_ij with fixed random
 * c, so dL/dy = c is fed to backward, and compares every analytic input/parameter gradient with central
 * differences of L (accumulated in double).
 */
class LayerGradientTest {
    @Test
    void denseGradientsForWeightsBiasAndInput() {
        denseGradients(3, 4, 5, Gemm.scalar());
        if (Gemm.vector() != null) {
            denseGradients(3, 4, 5, Gemm.vector());
            // awkward for the vector kernel: 5 rows (a 4-row tile + 1), 21 outputs (a vector + 5 lanes at 16 lanes)
            denseGradients(5, 6, 21, Gemm.vector());
        }
    }

    private static void denseGradients(int n, int in, int out, Gemm gemm) {
        ParamLayout lay = new ParamLayout();
        Dense d = new Dense(lay, in, out, true, gemm);
        float[] p = Fd.gaussian(lay.denseSize(), 1, 0.5);
        float[] x = Fd.gaussian(n * in, 2, 1.0), c = Fd.gaussian(n * out, 3, 1.0);
        float[] y = new float[n * out], g = new float[p.length], dx = new float[n * in];
        d.forward(p, x, n, y);
        d.backward(p, x, c, n, dx, g);
        Runnable fwd = () -> d.forward(p, x, n, y);
        Fd.check("dense.params " + gemm.name(), p, g, () -> { fwd.run(); return Fd.dot(c, y, n * out); });
        Fd.check("dense.x " + gemm.name(), x, dx, () -> { fwd.run(); return Fd.dot(c, y, n * out); });
        // hand check: y[0][0] = b0 + sum_j x[0][j] W[j][0]
        double y00 = p[d.biasOffset(0)];
        for (int j = 0; j < in; j++) y00 += x[j] * p[d.weightOffset(j, 0)];
        d.forward(p, x, n, y);
        assertEquals(y00, y[0], 1e-5);
    }

    @Test
    void everyActivationMatchesFiniteDifferences() {
        for (Activation a : Activation.values()) {
            int len = 12;
            float[] x = Fd.gaussian(len, 4, 1.0), c = Fd.gaussian(len, 5, 1.0);
            for (int i = 0; i < len; i++) if (Math.abs(x[i]) < 0.1f) x[i] = 0.3f; // stay off ReLU's kink
            float[] y = new float[len], dx = new float[len];
            a.forward(x, y, len);
            a.backward(y, c, dx, len);
            Fd.check(a.name(), x, dx, () -> { a.forward(x, y, len); return Fd.dot(c, y, len); });
        }
        float[] v = {-2f, 0.5f};
        Activation.RELU.forward(v, v, 2);
        assertEquals(0f, v[0]);
        assertEquals(0.5f, v[1]);
        float[] s = {0f};
        Activation.SIGMOID.forward(s, s, 1);
        assertEquals(0.5f, s[0], 1e-7); // sigmoid(0) = 1/2
    }

    @Test
    void dropoutWithFixedMask() {
        int len = 40;
        Dropout drop = new Dropout(0.5);
        float[] mask = new float[len];
        drop.sampleMask(mask, len, new SplittableRandom(9));
        int kept = 0;
        for (float m : mask) {
            if (m != 0f) {
                assertEquals(2f, m); // inverted scaling 1/(1-0.5)
                kept++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(kept > 0 && kept < len);
        float[] x = Fd.gaussian(len, 6, 1.0), c = Fd.gaussian(len, 7, 1.0), y = new float[len], dx = new float[len];
        Dropout.apply(c, mask, dx, len); // backward: dx = dy * mask
        Fd.check("dropout", x, dx, () -> { Dropout.apply(x, mask, y, len); return Fd.dot(c, y, len); });
    }

    @Test
    void batchNormTrainingGradients() {
        int n = 6, dim = 4;
        ParamLayout lay = new ParamLayout();
        BatchNorm bn = new BatchNorm(lay, dim, 0.1, 1e-5);
        Params prm = lay.newParams();
        bn.init(prm.dense, prm.state);
        float[] noise = Fd.gaussian(prm.dense.length, 8, 0.3);
        for (int i = 0; i < noise.length; i++) prm.dense[i] += noise[i];
        float[] x = Fd.gaussian(n * dim, 9, 2.0), c = Fd.gaussian(n * dim, 10, 1.0);
        float[] y = new float[n * dim], xhat = new float[n * dim], inv = new float[dim];
        float[] g = new float[prm.dense.length], dx = new float[n * dim];
        bn.forwardTrain(prm.dense, x, n, y, xhat, inv, null);
        bn.backward(prm.dense, c, xhat, inv, n, dx, g);
        Runnable fwd = () -> bn.forwardTrain(prm.dense, x, n, y, xhat, inv, null);
        Fd.check("bn.x", x, 0, x.length, dx, 0, () -> { fwd.run(); return Fd.dot(c, y, n * dim); }, 1e-2, 5e-4, 2e-2);
        Fd.check("bn.params", prm.dense, g, () -> { fwd.run(); return Fd.dot(c, y, n * dim); });
    }

    @Test
    void batchNormStatisticsAndInference() {
        // one column, batch {1, 3}: mean 2, biased var 1 -> xhat = {-1, 1}/sqrt(1+eps)
        ParamLayout lay = new ParamLayout();
        BatchNorm bn = new BatchNorm(lay, 1, 0.1, 0.0);
        Params p = lay.newParams();
        bn.init(p.dense, p.state);
        double[] stats = new double[lay.statsSize()];
        float[] y = new float[2], xhat = new float[2], inv = new float[1];
        bn.forwardTrain(p.dense, new float[]{1f, 3f}, 2, y, xhat, inv, stats);
        assertEquals(-1f, y[0], 1e-6);
        assertEquals(1f, y[1], 1e-6);
        bn.applyStats(p.state, stats);
        // running mean = 0.9*0 + 0.1*2 = 0.2 ; unbiased var = ((1-2)^2+(3-2)^2)/1 = 2 -> 0.9*1 + 0.1*2 = 1.1
        assertEquals(0.2f, p.state[bn.runningMeanOffset()], 1e-6);
        assertEquals(1.1f, p.state[bn.runningVarOffset()], 1e-6);
        float[] out = new float[1];
        bn.forwardInfer(p.dense, p.state, new float[]{1.3f}, 1, out);
        assertEquals((1.3 - 0.2) / Math.sqrt(1.1), out[0], 1e-6); // gamma 1, beta 0
    }

    @Test
    void layerNormGradients() {
        int n = 4, dim = 5;
        ParamLayout lay = new ParamLayout();
        LayerNorm ln = new LayerNorm(lay, dim, 1e-5);
        Params prm = lay.newParams();
        ln.init(prm.dense);
        float[] noise = Fd.gaussian(prm.dense.length, 11, 0.3);
        for (int i = 0; i < noise.length; i++) prm.dense[i] += noise[i];
        float[] x = Fd.gaussian(n * dim, 12, 2.0), c = Fd.gaussian(n * dim, 13, 1.0);
        float[] y = new float[n * dim], xhat = new float[n * dim], inv = new float[n];
        float[] g = new float[prm.dense.length], dx = new float[n * dim];
        ln.forward(prm.dense, x, n, y, xhat, inv);
        ln.backward(prm.dense, c, xhat, inv, n, dx, g);
        Runnable fwd = () -> ln.forward(prm.dense, x, n, y, xhat, inv);
        Fd.check("ln.x", x, 0, x.length, dx, 0, () -> { fwd.run(); return Fd.dot(c, y, n * dim); }, 1e-2, 5e-4, 2e-2);
        Fd.check("ln.params", prm.dense, g, () -> { fwd.run(); return Fd.dot(c, y, n * dim); });
        // each row of the output (gamma=1, beta=0) would have mean 0: check on xhat
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int j = 0; j < dim; j++) m += xhat[i * dim + j];
            assertEquals(0, m / dim, 1e-5);
        }
    }

    @Test
    void mlpWithBatchNormDropoutAndHeadMatchesFiniteDifferences() {
        for (String norm : List.of("batch", "layer", "none")) {
            int n = 8, in = 5;
            ParamLayout lay = new ParamLayout();
            Mlp mlp = new Mlp(lay, in, new MlpConfig(List.of(8, 6), Activation.TANH, 0.3, norm), true);
            Params p = lay.newParams();
            mlp.init(p, new SplittableRandom(14));
            float[] x = Fd.gaussian(n * in, 15, 1.0), c = Fd.gaussian(n, 16, 1.0);
            Mlp.Cache cache = mlp.newCache(n);
            double[] stats = new double[lay.statsSize()];
            float[] out = mlp.forward(p, x, n, true, new SplittableRandom(17), stats, cache);
            float[] g = new float[p.dense.length], dx = new float[n * in];
            mlp.backward(p, x, n, c, dx, g, cache);
            java.util.function.DoubleSupplier loss = () ->
                    Fd.dot(c, mlp.forward(p, x, n, true, new SplittableRandom(17), null, cache), n);
            // h = 1e-3: normalisation over few units curves the loss sharply, so larger steps add truncation error
            Fd.check("mlp(" + norm + ").params", p.dense, 0, p.dense.length, g, 0, loss, 1e-3, 1e-3, 2e-2);
            Fd.check("mlp(" + norm + ").x", x, 0, x.length, dx, 0, loss, 1e-3, 1e-3, 2e-2);
            assertEquals(1, mlp.outDim());
            assertEquals(n, out.length >= n ? n : -1);
        }
    }

    @Test
    void mlpInferenceIsDeterministicAndDropoutFree() {
        int n = 4, in = 3;
        ParamLayout lay = new ParamLayout();
        Mlp mlp = new Mlp(lay, in, new MlpConfig(List.of(5), Activation.RELU, 0.5, "none"), true);
        Params p = lay.newParams();
        mlp.init(p, new SplittableRandom(1));
        float[] x = Fd.gaussian(n * in, 2, 1.0);
        float[] a = mlp.forward(p, x, n, false, new SplittableRandom(1), null, mlp.newCache(n)).clone();
        float[] b = mlp.forward(p, x, n, false, new SplittableRandom(99), null, mlp.newCache(n)).clone();
        // at inference the output is relu(x W1 + b1) W2 + b2 exactly, whatever the generator
        for (int i = 0; i < n; i++) assertEquals(a[i], b[i]);
        Dense l1 = mlp.layer(0), h = mlp.head();
        double z = p.dense[h.biasOffset(0)];
        for (int o = 0; o < 5; o++) {
            double u = p.dense[l1.biasOffset(o)];
            for (int j = 0; j < in; j++) u += x[j] * p.dense[l1.weightOffset(j, o)];
            z += Math.max(u, 0) * p.dense[h.weightOffset(o, 0)];
        }
        assertEquals(z, a[0], 1e-5);
    }

    /** Two samples over 3 fields; field 1 is multi-valued (two genres, 1/2 each), field 2 absent in sample 1. */
    static Samples tinySamples() {
        int[] ptr = {0, 4, 6};
        int[] ids = {0, 3, 4, 6, 1, 5};
        float[] vals = {1f, 0.5f, 0.5f, 0.7f, 1f, 1f};
        int[] fields = {0, 1, 1, 2, 0, 1};
        return new Samples(3, 7, ptr, ids, vals, fields, new float[]{1f, 0f}, new int[]{-1, -1}, new String[]{"a", "b", "c"});
    }

    @Test
    void fieldEmbedderPoolsAndBackpropagates() {
        Samples s = tinySamples();
        ParamLayout lay = new ParamLayout();
        EmbeddingTable t = new EmbeddingTable(lay, 7, 2);
        FieldEmbedder fe = new FieldEmbedder(t, 3);
        Params p = lay.newParams();
        t.initNormal(p, new SplittableRandom(3), 1.0);
        float[] e = p.tables[t.index()];
        int[] rows = {0, 1};
        float[] out = new float[2 * 3 * 2];
        fe.forward(p, s, rows, 0, 2, out);
        // sample 0, field 1 = mean of rows 3 and 4; field 2 = 0.7 * row 6 ; sample 1 field 2 absent = 0
        assertEquals(0.5f * e[6] + 0.5f * e[8], out[2], 1e-6);
        assertEquals(0.7f * e[13], out[5], 1e-6);
        assertEquals(0f, out[10]);
        assertEquals(0f, out[11]);
        float[] c = Fd.gaussian(out.length, 4, 1.0);
        SparseIndex idx = new SparseIndex(7);
        idx.build(s, rows, 0, 2);
        assertEquals(6, idx.count());
        Grads g = new Grads(lay);
        g.reset(idx);
        fe.backward(s, rows, 0, 2, c, g);
        // scatter the slot-major gradient back to table layout (untouched row 2 stays 0)
        float[] full = new float[e.length];
        for (int slot = 0; slot < idx.count(); slot++)
            System.arraycopy(g.table(t.index()), slot * 2, full, idx.row(slot) * 2, 2);
        assertEquals(-1, idx.slot(2));
        Fd.check("embedding", e, 0, e.length, full, 0, () -> { fe.forward(p, s, rows, 0, 2, out); return Fd.dot(c, out, out.length); },
                1e-2, 2e-4, 1e-2);
    }

    @Test
    void bceWithLogitsIsStableAndHasResidualGradient() {
        assertEquals(Math.log(2), Logistic.bceWithLogits(0, 1), 1e-12);
        assertEquals(1000.0, Logistic.bceWithLogits(-1000, 1), 1e-9); // -log sigmoid(-1000) = 1000 + log1p(e^-1000)
        assertEquals(0.0, Logistic.bceWithLogits(1000, 1), 1e-12);
        assertEquals(1f, Logistic.sigmoid(100f));
        assertEquals(0f, Logistic.sigmoid(-200f));
        for (double z : new double[]{-3, -0.2, 0.7, 4}) {
            for (double y : new double[]{0, 1}) {
                double h = 1e-6;
                double num = (Logistic.bceWithLogits(z + h, y) - Logistic.bceWithLogits(z - h, y)) / (2 * h);
                assertEquals(Logistic.sigmoid((float) z) - y, num, 1e-6);
            }
        }
    }
}
