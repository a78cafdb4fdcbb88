package io.reclab.recall.fmrecall;

import io.reclab.data.Csr;
import io.reclab.nn.FmTerms;
import io.reclab.optim.OptimizerConfig;
import io.reclab.optim.RowOptimizer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Stochastic training of the FM on implicit feedback. Each step scores a user against a few items (BPR: the
 * positive and one sampled negative; logistic: the positive and {@code negatives} sampled ones), turns the loss
 * into a coefficient {@code c_t = dL/dy_t} per scored pair, and accumulates {@code c_t · dy_t/dθ} with Rendle's
 * O(k·nnz) derivative {@code dy/dv_j = x_j (S - v_j x_j)}, S = sum over the whole (user + item) input of v x.
 * Gradients of rows shared by several scored items (a genre of both i+ and i-) are summed before one optimizer
 * step, so a step is an exact gradient step of the sample's loss.
 * <p>Single-threaded on purpose: an epoch over MovieLens-100K takes a fraction of a second (see the benchmark), so
 * deterministic parallel reduction would cost more than it saves.
 */
final class FmTrainer {
    private final FmParams p;
    private final FmFeatures f;
    private final boolean bpr;
    private final int negatives;
    private final RowOptimizer optV, optW, optW0;
    private final int k;
    private final int[] slotOf;
    private int[] rows = new int[64];
    private int nRows;
    private float[] gV = new float[64 * 8];
    private float[] gW = new float[64];
    private final float[] gW0 = new float[1];
    private final float[] sU;
    private final float[] sI;
    private final double[] y;
    private final float[] coef;
    private final int[] items;

    FmTrainer(FmParams p, FmFeatures f, String loss, int negatives, OptimizerConfig opt) {
        this.p = p;
        this.f = f;
        this.k = p.k;
        this.bpr = loss.equals("bpr");
        this.negatives = negatives;
        this.optV = opt.create(p.v, k);
        this.optW = opt.create(p.w, 1);
        this.optW0 = opt.create(p.w0, 1);
        this.slotOf = new int[f.numFeatures];
        Arrays.fill(slotOf, -1);
        int maxItems = bpr ? 2 : 1 + negatives;
        this.sU = new float[k];
        this.sI = new float[maxItems * k];
        this.y = new double[maxItems];
        this.coef = new float[maxItems];
        this.items = new int[maxItems];
        this.gV = new float[64 * k];
    }

    /** One pass over the training rows in a random order; returns the mean loss per positive. */
    double epoch(int[] trainUser, int[] trainItem, Csr byUser, SplittableRandom rng) {
        int n = trainUser.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        double total = 0;
        for (int r : order) {
            int u = trainUser[r];
            items[0] = trainItem[r];
            int m = bpr ? 2 : 1 + negatives;
            for (int t = 1; t < m; t++) items[t] = sampleNegative(u, byUser, rng);
            total += step(u, items, m);
        }
        return n == 0 ? 0 : total / n;
    }

    private int sampleNegative(int u, Csr byUser, SplittableRandom rng) {
        int j = rng.nextInt(f.numItems);
        for (int tries = 0; tries < 20 && byUser.contains(u, j); tries++) j = rng.nextInt(f.numItems);
        return j;
    }

    /**
     * Loss of one sample and one optimizer step on it. {@code its[0]} is the positive, the rest negatives.
     * BPR: L = -log σ(y_0 - y_1). Logistic: L = -log σ(y_0) - Σ_{t≥1} log σ(-y_t).
     */
    double step(int u, int[] its, int m) {
        double base = p.w0[0] + p.side(f.uPtr, f.uIdx, f.uVal, u, sU, 0);
        for (int t = 0; t < m; t++) {
            double d = p.side(f.iPtr, f.iIdx, f.iVal, its[t], sI, t * k);
            for (int q = 0; q < k; q++) d += sU[q] * sI[t * k + q];
            y[t] = base + d;
        }
        double loss;
        if (bpr) {
            double x = y[0] - y[1];
            loss = softplus(-x);
            float g = (float) -sigmoid(-x);
            coef[0] = g;
            coef[1] = -g;
        } else {
            loss = softplus(-y[0]);
            coef[0] = (float) (sigmoid(y[0]) - 1);
            for (int t = 1; t < m; t++) {
                loss += softplus(y[t]);
                coef[t] = (float) sigmoid(y[t]);
            }
        }
        for (int t = 0; t < m; t++) {
            float c = coef[t];
            if (!bpr) gW0[0] += c;
            accumulate(f.uPtr, f.uIdx, f.uVal, u, t, c);
            accumulate(f.iPtr, f.iIdx, f.iVal, its[t], t, c);
        }
        apply();
        return loss;
    }

    /** Adds c · dy_t/dθ for the rows of one side of pair t; S = s_u + s_{i_t}. */
    private void accumulate(int[] ptr, int[] idx, float[] val, int e, int t, float c) {
        for (int q = ptr[e]; q < ptr[e + 1]; q++) {
            int j = idx[q];
            float x = val[q];
            int s = slot(j);
            gW[s] += c * x;
            FmTerms.addFactorGradient(gV, s * k, p.v, j * k, k, c, x, sU, 0, sI, t * k);
        }
    }

    private int slot(int j) {
        int s = slotOf[j];
        if (s >= 0) return s;
        if (nRows == rows.length) {
            rows = Arrays.copyOf(rows, 2 * nRows);
            gW = Arrays.copyOf(gW, 2 * nRows);
            gV = Arrays.copyOf(gV, 2 * nRows * k);
        }
        s = nRows++;
        rows[s] = j;
        slotOf[j] = s;
        return s;
    }

    private void apply() {
        for (int s = 0; s < nRows; s++) {
            int j = rows[s];
            optV.step(j, gV, s * k);
            optW.step(j, gW, s);
            slotOf[j] = -1;
            gW[s] = 0;
            Arrays.fill(gV, s * k, (s + 1) * k, 0f);
        }
        nRows = 0;
        if (!bpr) {
            optW0.step(0, gW0, 0);
            gW0[0] = 0;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** log(1 + e^x), stable for large |x|. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
