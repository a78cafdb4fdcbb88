package io.reclab.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OptimizersTest {
    @Test
    void sgdStepWithL2() {
        float[] w = {1f, -2f};
        new Sgd(w, 2, 0.1f, 0.5f).step(0, new float[]{0.4f, 1f}, 0);
        // w0 = 1 - 0.1*(0.4 + 0.5*1) = 0.91 ; w1 = -2 - 0.1*(1 + 0.5*-2) = -2
        assertEquals(0.91f, w[0], 1e-6);
        assertEquals(-2f, w[1], 1e-6);
    }

    @Test
    void adagradAccumulatesSquares() {
        float[] w = {0f};
        Adagrad a = new Adagrad(w, 1, 1f, 0f, 0f);
        a.step(0, new float[]{3f}, 0); // w = -1*3/sqrt(9) = -1
        assertEquals(-1f, w[0], 1e-6);
        a.step(0, new float[]{4f}, 0); // w = -1 - 4/sqrt(9+16) = -1.8
        assertEquals(-1.8f, w[0], 1e-6);
    }

    @Test
    void adamFirstStepMovesByLearningRateTimesSign() {
        // after bias correction m_hat = g, v_hat = g^2, so the first step is lr * g/|g| (eps negligible)
        float[] w = {0f, 0f, 5f};
        Adam a = new Adam(w, 3, 0.01f, 0f, 0.9f, 0.999f, 1e-8f);
        a.step(0, new float[]{2f, -0.5f, 0f}, 0);
        assertEquals(-0.01f, w[0], 1e-6);
        assertEquals(0.01f, w[1], 1e-6);
        assertEquals(5f, w[2], 1e-6);
    }

    @Test
    void adamLazyRowsKeepTheirOwnStepCount() {
        float[] w = new float[4];
        Adam a = new Adam(w, 2, 0.1f, 0f, 0.9f, 0.999f, 1e-8f);
        a.step(0, new float[]{1f, 1f}, 0);
        a.step(0, new float[]{1f, 1f}, 0);
        a.step(1, new float[]{1f, 1f}, 0);
        // row 1's first step is a first step: exactly -lr
        assertEquals(-0.1f, w[2], 1e-6);
        // row 0 took two steps with constant gradient: m_hat = v_hat^(1/2) = 1 -> -0.2
        assertEquals(-0.2f, w[0], 1e-5);
    }

    @Test
    void adamMatchesTheTextbookUpdateBitForBitOverManySteps() {
        // the bias-correction table must give exactly Math.pow's values, across its regrowths (1, 2, 4, ... steps)
        int dim = 3, steps = 300;
        float[] w = {0.5f, -0.2f, 0.1f, 0.3f, 0.3f, -0.7f}, ref = w.clone();
        float[] m = new float[6], v = new float[6];
        int[] t = new int[2];
        Adam a = new Adam(w, dim, 0.01f, 0.001f, 0.9f, 0.999f, 1e-8f);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int s = 0; s < steps; s++) {
            int row = r.nextInt(2);
            float[] g = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
            a.step(row, g, 0);
            int tt = ++t[row];
            double c1 = 1 - Math.pow(0.9f, tt), c2 = 1 - Math.pow(0.999f, tt);
            float stepSize = (float) (0.01f * Math.sqrt(c2) / c1), epsHat = (float) (1e-8f * Math.sqrt(c2));
            for (int k = 0; k < dim; k++) {
                int p = row * dim + k;
                float gg = g[k] + 0.001f * ref[p];
                m[p] = 0.9f * m[p] + (1 - 0.9f) * gg;
                v[p] = 0.999f * v[p] + (1 - 0.999f) * gg * gg;
                ref[p] -= stepSize * m[p] / ((float) Math.sqrt(v[p]) + epsHat);
            }
        }
        assertArrayEquals(ref, w);
    }

    @Test
    void ftrlMatchesHandWorkedExample() {
        // alpha=0.1, beta=1, l1=0.5, l2=1. Start z=n=0 -> w=0.
        Ftrl f = new Ftrl(1, 0.1, 1.0, 0.5, 1.0);
        assertEquals(0.0, f.weight(0));
        // g=2: sigma=(sqrt(4)-0)/0.1=20, z=2-20*0=2, n=4.
        f.update(0, 2.0);
        // w = -(2-0.5)/((1+2)/0.1+1) = -1.5/31
        assertEquals(-1.5 / 31, f.weight(0), 1e-12);
        // g=-1: sigma=(sqrt(5)-2)/0.1, z = 2 - 1 - sigma*(-1.5/31), n=5
        double sigma = (Math.sqrt(5) - 2) / 0.1;
        double z = 1 + sigma * 1.5 / 31;
        f.update(0, -1.0);
        double expected = Math.abs(z) <= 0.5 ? 0 : -(z - 0.5) / ((1 + Math.sqrt(5)) / 0.1 + 1);
        assertEquals(expected, f.weight(0), 1e-12);
    }

    @Test
    void ftrlL1GivesExactZeros() {
        Ftrl f = new Ftrl(1, 0.1, 1.0, 10.0, 0.0);
        f.update(0, 3.0); // |z| = 3 <= 10
        assertEquals(0.0, f.weight(0));
    }
}
