package io.reclab.rank.train;

import io.reclab.nn.Grads;
import io.reclab.nn.Logistic;
import io.reclab.nn.Params;
import io.reclab.nn.SparseIndex;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.run.TrainingLog;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared test tools for CTR models: brute-force AUC, a logistic-regression baseline and a full-loss gradient check. */
public final class CtrTestKit {
    private CtrTestKit() {}

    /** AUC by comparing every positive with every negative (ties 1/2): the definition, O(P N). */
    public static double bruteAuc(float[] scores, float[] labels) {
        double s = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] <= 0.5f) continue;
            for (int j = 0; j < scores.length; j++) {
                if (labels[j] > 0.5f) continue;
                s += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                pairs++;
            }
        }
        return s / pairs;
    }

    public static RankTrainContext context(Samples train, Samples valid, long seed, int threads) {
        return new RankTrainContext(train, valid, seed, threads, new TrainingLog());
    }

    /**
     * Plain logistic regression on the same sparse features (per-sample SGD with a decaying step and mild L2),
     * trained to convergence on {@code train}; returns its AUC on {@code test}. The baseline the factorisation and
     * deep models must beat, since the synthetic labels depend on pairwise interactions.
     */
    public static double logisticRegressionAuc(Samples train, Samples test, long seed) {
        double[] w = new double[train.numFeatures()];
        double b = 0;
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        int t = 0;
        for (int epoch = 0; epoch < 20; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1), x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            for (int r : order) {
                double lr = 0.1 / (1 + 1e-4 * t++);
                double z = b;
                for (int q = train.rowPtr()[r]; q < train.rowPtr()[r + 1]; q++) z += w[train.featIds()[q]] * train.featVals()[q];
                double g = 1 / (1 + Math.exp(-z)) - train.labels()[r];
                b -= lr * g;
                for (int q = train.rowPtr()[r]; q < train.rowPtr()[r + 1]; q++) {
                    int f = train.featIds()[q];
                    w[f] -= lr * (g * train.featVals()[q] + 1e-5 * w[f]);
                }
            }
        }
        float[] s = new float[test.size()];
        for (int r = 0; r < test.size(); r++) {
            double z = b;
            for (int q = test.rowPtr()[r]; q < test.rowPtr()[r + 1]; q++) z += w[test.featIds()[q]] * test.featVals()[q];
            s[r] = (float) z;
        }
        return bruteAuc(s, test.labels());
    }

    /** Sum of per-sample BCE over all samples, computed with a training forward (fixed noise seed) in double. */
    public static <S> double sumLoss(Net<S> net, Params p, Samples data, long noiseSeed) {
        int n = data.size();
        int[] rows = identity(n);
        float[] logits = new float[n];
        net.forward(p, data, rows, 0, n, true, noiseSeed, net.newScratch(n), new double[net.layout().statsSize()], logits);
        double l = 0;
        for (int i = 0; i < n; i++) l += Logistic.bceWithLogits(logits[i], data.labels()[i]);
        return l;
    }

    public static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    /**
     * Finite-difference check of a net's full loss: analytic gradients of the summed BCE (backward with
     * meanScale = 1, so every part, mean- or sum-reduced, sees the same objective) against central differences
     * on up to {@code perGroup} random coordinates of the dense vector and of each table's touched rows.
     * Passes when |analytic - numeric| &lt;= atol + rtol max(|analytic|, |numeric|) everywhere and at least a
     * quarter of the checked gradients exceed 10 atol (so the check cannot pass on all-zero gradients).
     * Returns how many coordinates were checked.
     */
    public static <S> int gradCheck(Net<S> net, Params p, Samples data, long seed, int perGroup, double h,
                                    double atol, double rtol) {
        int n = data.size();
        int[] rows = identity(n);
        long noise = seed * 31 + 7;
        SparseIndex idx = new SparseIndex(data.numFeatures());
        idx.build(data, rows, 0, n);
        Grads g = new Grads(net.layout());
        g.reset(idx);
        S scratch = net.newScratch(n);
        float[] logits = new float[n], res = new float[n];
        net.forward(p, data, rows, 0, n, true, noise, scratch, g.stats, logits);
        for (int i = 0; i < n; i++) res[i] = Logistic.sigmoid(logits[i]) - data.labels()[i];
        net.backward(p, data, rows, 0, n, res, 1f, scratch, g);
        SplittableRandom rng = new SplittableRandom(seed);
        int checked = 0, significant = 0;
        StringBuilder errors = new StringBuilder();
        for (int c = 0; c < Math.min(perGroup, p.dense.length); c++) {
            int i = rng.nextInt(p.dense.length);
            double num = fd(net, p, data, noise, p.dense, i, h);
            significant += compare("dense[" + i + "]", g.dense[i], num, atol, rtol, errors);
            checked++;
        }
        for (int t = 0; t < p.numTables(); t++) {
            int dim = p.tableDim(t);
            for (int c = 0; c < perGroup; c++) {
                int slot = rng.nextInt(idx.count()), col = rng.nextInt(dim);
                int at = idx.row(slot) * dim + col;
                double num = fd(net, p, data, noise, p.tables[t], at, h);
                significant += compare("table" + t + "[" + idx.row(slot) + "," + col + "]", g.table(t)[slot * dim + col],
                        num, atol, rtol, errors);
                checked++;
            }
        }
        if (errors.length() > 0) fail("gradient mismatches:\n" + errors);
        assertTrue(checked > 0 && significant * 4 >= checked,
                "only " + significant + " of " + checked + " gradients are clearly nonzero; the check is too weak");
        return checked;
    }

    private static <S> double fd(Net<S> net, Params p, Samples data, long noise, float[] arr, int i, double h) {
        float keep = arr[i];
        arr[i] = (float) (keep + h);
        double up = sumLoss(net, p, data, noise);
        double hp = arr[i] - (double) keep; // the step actually taken in float
        arr[i] = (float) (keep - h);
        double down = sumLoss(net, p, data, noise);
        double hm = keep - (double) arr[i];
        arr[i] = keep;
        return (up - down) / (hp + hm);
    }

    /** Records a mismatch; returns 1 when the gradient is clearly nonzero. */
    private static int compare(String what, double analytic, double numeric, double atol, double rtol, StringBuilder errors) {
        double big = Math.max(Math.abs(analytic), Math.abs(numeric));
        if (Math.abs(analytic - numeric) > atol + rtol * big)
            errors.append(what).append(": analytic ").append(analytic).append(" numeric ").append(numeric).append('\n');
        return Math.abs(analytic) > 10 * atol ? 1 : 0;
    }
}
