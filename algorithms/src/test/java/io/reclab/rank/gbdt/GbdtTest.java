package io.reclab.rank.gbdt;

import io.reclab.metric.rank.Auc;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.rank.lr.SyntheticCtr;
import io.reclab.rank.lr.LogisticRegression;
import io.reclab.rank.lr.LrConfig;
import io.reclab.run.TrainingLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class GbdtTest {
    private static RankTrainContext ctx(Samples train, Samples valid, int threads, TrainingLog log) {
        return new RankTrainContext(train, valid, 5, threads, log);
    }

    /** Rows with features 0 (indicator) and 1 (numeric); absent entries are 0. */
    private static Samples tiny() {
        // row:      0    1    2    3    4    5
        // y:        1    1    1    0    0    0
        // f0:       1    1    -    1    -    -
        // f1:       3    2    2.5  1    1    -
        int[] ptr = {0, 2, 4, 5, 7, 8, 8};
        int[] ids = {0, 1, 0, 1, 1, 0, 1, 1};
        float[] vals = {1, 3, 1, 2, 2.5f, 1, 1, 1};
        int[] fields = {0, 1, 0, 1, 1, 0, 1, 1};
        return new Samples(2, 2, ptr, ids, vals, fields, new float[]{1, 1, 1, 0, 0, 0}, new int[]{-1, -1, -1, -1, -1, -1},
                new String[]{"a", "b"});
    }

    @Test
    void bestSplitOfATinyDatasetByHand() {
        // prior rate 1/2 → base margin 0, p = 1/2: g = p - y = -1/2 for positives, +1/2 for negatives; h = 1/4.
        // G = 0, H = 6/4 = 1.5, lambda = 1.
        // f1 <= 1.5 (midpoint of 1 and 2): left rows {3, 4, 5}: G_L = 1.5, H_L = 0.75; right G_R = -1.5, H_R = 0.75
        //   gain = 1/2 (1.5^2/1.75 + 1.5^2/1.75 - 0) = 1.2857
        // f0 (absent vs present): left {2, 4, 5}: G_L = -0.5 + 0.5 + 0.5 = 0.5; right {0, 1, 3}: -0.5
        //   gain = 1/2 (0.25/1.75 * 2) = 0.1429  → f1 wins
        // leaves (learning rate 1): -G/(H + 1) = -1.5/1.75 = -0.857142857 (left), +0.857142857 (right)
        GbdtConfig c = new GbdtConfig(1, 1, 2, 1.0, 0, 64, 1, 0);
        FittedGbdt m = new Gbdt(c).fitGbdt(ctx(tiny(), null, 1, null));
        Tree t = m.trees().get(0);
        assertEquals(0f, m.base(), 1e-7f);
        assertEquals(1, t.feature(0));
        assertEquals(1.5f, t.threshold(0));
        assertEquals(-0.857142857f, t.value(t.left(0)), 1e-6f);
        assertEquals(0.857142857f, t.value(t.right(0)), 1e-6f);
        assertEquals(2, t.numLeaves());
        float[] p = m.predict(tiny());
        // row 5 (f1 absent = 0) goes left: sigmoid(-0.857142857) = 1 / (1 + e^0.857142857) = 1 / 3.3564184 = 0.2979366
        assertEquals(0.2979366f, p[5], 1e-6f);
        assertEquals(1 - 0.2979366f, p[0], 1e-6f);
    }

    @Test
    void rootSplitMatchesExhaustiveSearch() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 20; trial++) {
            int n = 40, nf = 5;
            int[] ptr = new int[n + 1];
            int[] ids = new int[n * nf], fl = new int[n * nf];
            float[] vals = new float[n * nf], y = new float[n];
            float[][] dense = new float[n][nf];
            int p = 0;
            for (int r = 0; r < n; r++) {
                for (int f = 0; f < nf; f++) {
                    if (rnd.nextInt(3) == 0) continue; // absent → 0
                    float v = rnd.nextInt(7) - 2;       // few distinct values, negatives too, explicit zeros possible
                    ids[p] = f; fl[p] = f; vals[p] = v; p++;
                    dense[r][f] = v;
                }
                ptr[r + 1] = p;
                y[r] = rnd.nextInt(2);
            }
            Samples s = new Samples(nf, nf, ptr, java.util.Arrays.copyOf(ids, p), java.util.Arrays.copyOf(vals, p),
                    java.util.Arrays.copyOf(fl, p), y, new int[n], names(nf));
            double rate = 0;
            for (float v : y) rate += v;
            rate /= n;
            double pr = Math.min(Math.max(rate, 1e-6), 1 - 1e-6);
            double base = (float) Math.log(pr / (1 - pr));
            double prob = 1 / (1 + Math.exp(-base)), hh = prob * (1 - prob);
            // exhaustive: every feature, every threshold between consecutive distinct values
            double bestGain = 0;
            int bestF = -1;
            double G = 0, H = n * hh;
            for (int r = 0; r < n; r++) G += prob - y[r];
            for (int f = 0; f < nf; f++) {
                for (int cut = -2; cut <= 3; cut++) {
                    double gl = 0, hl = 0;
                    for (int r = 0; r < n; r++) if (dense[r][f] <= cut) { gl += prob - y[r]; hl += hh; }
                    if (hl < 1 || H - hl < 1) continue;
                    double gain = 0.5 * (gl * gl / (hl + 1) + (G - gl) * (G - gl) / (H - hl + 1) - G * G / (H + 1));
                    if (gain > bestGain + 1e-9) { bestGain = gain; bestF = f; }
                }
            }
            GbdtConfig c = new GbdtConfig(1, 1, 2, 1.0, 1, 64, 1, 0);
            Tree t = new Gbdt(c).fitGbdt(ctx(s, null, 1, null)).trees().get(0);
            if (bestF < 0) {
                assertTrue(t.isLeaf(0), "trial " + trial);
                continue;
            }
            assertEquals(bestF, t.feature(0), "trial " + trial);
            // the chosen split has the exhaustive best gain
            int f = t.feature(0);
            double gl = 0, hl = 0;
            for (int r = 0; r < n; r++) if (dense[r][f] <= t.threshold(0)) { gl += prob - y[r]; hl += hh; }
            double gain = 0.5 * (gl * gl / (hl + 1) + (G - gl) * (G - gl) / (H - hl + 1) - G * G / (H + 1));
            assertEquals(bestGain, gain, 1e-6, "trial " + trial);
        }
    }

    private static String[] names(int k) {
        String[] s = new String[k];
        for (int i = 0; i < k; i++) s[i] = "f" + i;
        return s;
    }

    @Test
    void trainingLossDecreasesMonotonically() {
        Samples train = SyntheticCtr.xor(3000, 3, 1);
        TrainingLog log = new TrainingLog();
        // patience 0: every tree is grown even where validation AUC has stopped improving
        new Gbdt(GbdtConfig.defaults().withTrees(30).withPatience(0)).fitGbdt(ctx(train, SyntheticCtr.xor(500, 3, 2), 1, log));
        List<TrainingLog.Point> loss = log.series().get("loss");
        assertEquals(30, loss.size());
        for (int i = 1; i < loss.size(); i++)
            assertTrue(loss.get(i).value() < loss.get(i - 1).value(), "tree " + (i + 1) + ": " + loss.get(i).value() + " >= " + loss.get(i - 1).value());
        assertEquals(30, log.series().get("valid.auc").size());
    }

    @Test
    void earlyStoppingCutsTheEnsembleBackToTheBestValidationRound() {
        // a tiny, noisy training set overfits quickly: validation AUC peaks and then falls
        Samples train = SyntheticCtr.xor(300, 3, 21), valid = SyntheticCtr.xor(2000, 3, 22);
        GbdtConfig c = GbdtConfig.defaults().withTrees(200).withPatience(5);
        TrainingLog log = new TrainingLog();
        FittedGbdt m = new Gbdt(c).fitGbdt(ctx(train, valid, 1, log));
        List<TrainingLog.Point> auc = log.series().get("valid.auc");
        int best = 0;
        for (int i = 1; i < auc.size(); i++) if (auc.get(i).value() > auc.get(best).value()) best = i;
        assertTrue(auc.size() < 200, "stopped early: " + auc.size() + " rounds");
        assertEquals(best + 1 + 5, auc.size(), "stops `patience` rounds after the best");
        assertEquals(best + 1, m.trees().size(), "kept the best round's trees");
        float[] p = m.predict(valid);
        assertEquals(auc.get(best).value(), Auc.auc(p, valid.labels()), 1e-6);
        // without validation samples every tree is grown
        assertEquals(200, new Gbdt(c).fitGbdt(ctx(train, null, 1, null)).trees().size());
    }

    @Test
    void manyDistinctValuesUseAtMostBinsAndStillSplit() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 2000;
        int[] ptr = new int[n + 1], ids = new int[n], fl = new int[n];
        float[] vals = new float[n], y = new float[n];
        for (int r = 0; r < n; r++) {
            vals[r] = (float) rnd.nextGaussian();
            ptr[r + 1] = r + 1;
            y[r] = vals[r] > 0.3f ? 1 : 0;
        }
        Samples s = new Samples(1, 1, ptr, ids, vals, fl, y, new int[n], new String[]{"x"});
        BinnedData d = new BinnedData(s, 16);
        assertTrue(d.numBins(0) <= 16 && d.numBins(0) >= 8, "bins " + d.numBins(0));
        Tree t = new Gbdt(new GbdtConfig(1, 1, 2, 1, 1, 16, 1, 0)).fitGbdt(ctx(s, null, 1, null)).trees().get(0);
        // with 16 equal-frequency bins the chosen edge is within a bin width (~0.15 near 0.3) of the true cut
        assertEquals(0.3, t.threshold(0), 0.2);
    }

    @Test
    void parallelTrainingIsDeterministic() {
        Samples train = SyntheticCtr.xor(20000, 2, 3);
        GbdtConfig c = GbdtConfig.defaults().withTrees(3);
        FittedGbdt a = new Gbdt(c).fitGbdt(ctx(train, null, 2, null));
        FittedGbdt b = new Gbdt(c).fitGbdt(ctx(train, null, 2, null));
        assertArrayEquals(a.predict(train), b.predict(train));
    }

    @Test
    void gbdtLrBeatsLrOnXor() {
        Samples train = SyntheticCtr.xor(4000, 3, 11), valid = SyntheticCtr.xor(1000, 3, 12), test = SyntheticCtr.xor(2000, 3, 13);
        double lrAuc = Auc.auc(new LogisticRegression(LrConfig.defaults()).fit(ctx(train, valid, 1, new TrainingLog())).predict(test), test.labels());
        TrainingLog log = new TrainingLog();
        GbdtLr.Fitted m = (GbdtLr.Fitted) new GbdtLr(GbdtLrConfig.defaults()).fit(ctx(train, valid, 1, log));
        double gbdtLrAuc = Auc.auc(m.predict(test), test.labels());
        // XOR of a and b: a linear model over one-hots is near chance; the leaves of depth-2+ trees encode a AND b.
        // The Bayes-optimal AUC here is 0.85 (p = 0.85 vs 0.15 in two equal halves).
        assertTrue(lrAuc < 0.6, "lr " + lrAuc);
        assertTrue(gbdtLrAuc > 0.8, "gbdt+lr " + gbdtLrAuc);
        assertTrue(log.series().containsKey("gbdt.loss") && log.series().containsKey("valid.auc"));
        int rounds = log.series().get("gbdt.valid.auc").size();
        assertTrue(m.gbdt().trees().size() >= 1 && m.gbdt().trees().size() <= rounds && rounds <= GbdtConfig.TREES, m.gbdt().trees().size() + " of " + rounds);
        for (Tree t : m.gbdt().trees()) assertTrue(t.depth() <= GbdtConfig.defaults().depth() && t.numLeaves() <= 32);
    }
}
