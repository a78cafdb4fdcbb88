package io.reclab.recall.fmrecall;

import io.reclab.ann.HnswParams;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.Validator;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;
import io.reclab.run.TrainingLog;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class FmRecallTest {
    private static final PlantedClusters DATA = new PlantedClusters(7);

    private static FmFeatures features() {
        return FmFeatures.build(
                SideFeatures.encode(DATA.userFeatures, DATA.numUsers, 10, "user features"),
                SideFeatures.encode(DATA.itemFeatures, DATA.numItems, 10, "item features"));
    }

    private static FmParams randomParams(FmFeatures f, int k, long seed) {
        FmParams p = new FmParams(f.numFeatures, k);
        SplittableRandom r = new SplittableRandom(seed);
        p.w0[0] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < p.w.length; i++) p.w[i] = (float) r.nextDouble(-0.5, 0.5);
        for (int i = 0; i < p.v.length; i++) p.v[i] = (float) r.nextDouble(-0.5, 0.5);
        return p;
    }

    /** The textbook FM over the concatenated input x = [user side, item side]: every pair j < l summed naively. */
    private static double naiveScore(FmParams p, FmFeatures f, int u, int i) {
        int[] idx = new int[(f.uPtr[u + 1] - f.uPtr[u]) + (f.iPtr[i + 1] - f.iPtr[i])];
        double[] x = new double[idx.length];
        int n = 0;
        for (int q = f.uPtr[u]; q < f.uPtr[u + 1]; q++) { idx[n] = f.uIdx[q]; x[n++] = f.uVal[q]; }
        for (int q = f.iPtr[i]; q < f.iPtr[i + 1]; q++) { idx[n] = f.iIdx[q]; x[n++] = f.iVal[q]; }
        double y = p.w0[0];
        for (int a = 0; a < n; a++) y += p.w[idx[a]] * x[a];
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++) {
                double d = 0;
                for (int h = 0; h < p.k; h++) d += (double) p.v[idx[a] * p.k + h] * p.v[idx[b] * p.k + h];
                y += d * x[a] * x[b];
            }
        return y;
    }

    @Test
    void splitVectorsReproduceTheFullFmScoreAndRanking() {
        FmFeatures f = features();
        FmParams p = randomParams(f, 6, 11);
        EmbeddingRecaller m = FmVectors.of(p, f);
        assertEquals(8, m.dim());
        float[] scores = new float[f.numItems];
        for (int u = 0; u < f.numUsers; u += 3) {
            m.scoreBlock(new int[]{u}, 0, 1, scores);
            double[] ref = new double[f.numItems];
            for (int i = 0; i < f.numItems; i++) {
                ref[i] = naiveScore(p, f, u, i);
                assertEquals(ref[i], scores[i], 1e-4 * Math.max(1, Math.abs(ref[i])), "user " + u + " item " + i);
            }
            // same ranking: sort item ids by each score (ties are measure-zero with random parameters)
            Integer[] a = new Integer[f.numItems], b = new Integer[f.numItems];
            for (int i = 0; i < f.numItems; i++) { a[i] = i; b[i] = i; }
            Arrays.sort(a, (x, y) -> Double.compare(ref[y], ref[x]));
            Arrays.sort(b, (x, y) -> Float.compare(scores[y], scores[x]));
            assertArrayEquals(a, b);
        }
    }

    private static double naiveLoss(FmParams p, FmFeatures f, int u, int[] its, boolean bpr) {
        if (bpr) return FmTrainer.softplus(-(naiveScore(p, f, u, its[0]) - naiveScore(p, f, u, its[1])));
        double l = FmTrainer.softplus(-naiveScore(p, f, u, its[0]));
        for (int t = 1; t < its.length; t++) l += FmTrainer.softplus(naiveScore(p, f, u, its[t]));
        return l;
    }

    private static void checkGradient(boolean bpr, int[] its) {
        FmFeatures f = features();
        FmParams p = randomParams(f, 4, 5);
        int u = 3;
        // with plain SGD, lr = 1 and no L2 one step moves every parameter by exactly -dL/dθ
        FmTrainer t = new FmTrainer(p, f, bpr ? "bpr" : "logistic", its.length - 1,
                new OptimizerConfig("sgd", 1.0, 0.0, 0.9, 0.999, 1e-8));
        List<float[]> tables = List.of(p.w0, p.w, p.v);
        List<float[]> before = new ArrayList<>();
        for (float[] tb : tables) before.add(tb.clone());
        double loss = t.step(u, its, its.length);
        List<float[]> after = new ArrayList<>();
        for (float[] tb : tables) after.add(tb.clone());
        for (int q = 0; q < tables.size(); q++) System.arraycopy(before.get(q), 0, tables.get(q), 0, before.get(q).length);
        assertEquals(naiveLoss(p, f, u, its, bpr), loss, 1e-5);
        // touched feature rows: the user's and every scored item's
        List<Integer> rows = new ArrayList<>();
        for (int q = f.uPtr[u]; q < f.uPtr[u + 1]; q++) rows.add(f.uIdx[q]);
        for (int it : its) for (int q = f.iPtr[it]; q < f.iPtr[it + 1]; q++) rows.add(f.iIdx[q]);
        int checked = 0;
        double eps = 1e-3;
        for (int j : rows) {
            for (int h = -1; h < p.k; h++) {
                float[] tb = h < 0 ? p.w : p.v;
                int pos = h < 0 ? j : j * p.k + h;
                float[] aft = h < 0 ? after.get(1) : after.get(2);
                float[] bef = h < 0 ? before.get(1) : before.get(2);
                float old = tb[pos];
                tb[pos] = (float) (old + eps);
                double lp = naiveLoss(p, f, u, its, bpr);
                tb[pos] = (float) (old - eps);
                double lm = naiveLoss(p, f, u, its, bpr);
                tb[pos] = old;
                double fd = (lp - lm) / ((double) (float) (old + eps) - (float) (old - eps));
                double analytic = -(aft[pos] - bef[pos]);
                assertEquals(fd, analytic, 2e-3 + 1e-2 * Math.abs(fd), "row " + j + " coord " + h);
                checked++;
            }
        }
        if (!bpr) {
            float old = p.w0[0];
            p.w0[0] = (float) (old + eps);
            double lp = naiveLoss(p, f, u, its, false);
            p.w0[0] = (float) (old - eps);
            double lm = naiveLoss(p, f, u, its, false);
            p.w0[0] = old;
            assertEquals((lp - lm) / (2 * eps), -(after.get(0)[0] - before.get(0)[0]), 2e-3);
        } else {
            assertEquals(before.get(0)[0], after.get(0)[0]); // w0 cancels in a BPR difference
        }
        assertTrue(checked > 30);
    }

    @Test
    void bprStepIsAnExactGradientStepIncludingSharedFeatureRows() {
        // items 0 and 1 are both in cluster 0: they share the cluster tag (and usually the genre), so their
        // gradients on those rows must be summed
        checkGradient(true, new int[]{0, 1});
    }

    @Test
    void logisticStepIsAnExactGradientStep() {
        checkGradient(false, new int[]{2, 25, 3, 61});
    }

    private static TrainContext ctx(long seed, Validator v, TrainingLog log) {
        return new TrainContext(DATA.train, DATA.train.empty(), DATA.userFeatures, DATA.itemFeatures, seed, 1, log, v);
    }

    private static FmRecallConfig small(String loss, int epochs) {
        return new FmRecallConfig(16, loss, 4, epochs, new EarlyStopping.Config(3, 1), 0.01, 10,
                new OptimizerConfig("adagrad", 0.05, 1e-5, 0.9, 0.999, 1e-8), Retrieval.EXACT);
    }

    @Test
    void plantedClustersBeatPopularity() {
        for (String loss : List.of("bpr", "logistic")) {
            TrainingLog log = new TrainingLog();
            EmbeddingRecaller m = new FmRecall(small(loss, 20)).fit(ctx(1, null, log));
            int hits = m == null ? 0 : DATA.hits(m, 10), pop = DATA.hits(DATA.popularity(), 10);
            double share = DATA.inClusterShare(m, 10), popShare = DATA.inClusterShare(DATA.popularity(), 10);
            assertTrue(hits > pop * 1.3, loss + ": hits " + hits + " vs popularity " + pop);
            assertTrue(share > 0.8 && share > popShare + 0.3, loss + ": in-cluster share " + share + " vs " + popShare);
            List<TrainingLog.Point> curve = log.series().get("loss");
            assertEquals(20, curve.size());
            assertTrue(curve.get(19).value() < curve.get(0).value() * 0.8, "loss decreases: " + curve);
        }
    }

    @Test
    void deterministicForASeed() {
        EmbeddingRecaller a = new FmRecall(small("bpr", 3)).fit(ctx(9, null, null));
        EmbeddingRecaller b = new FmRecall(small("bpr", 3)).fit(ctx(9, null, null));
        EmbeddingRecaller c = new FmRecall(small("bpr", 3)).fit(ctx(10, null, null));
        assertArrayEquals(PlantedClusters.userVectors(a), PlantedClusters.userVectors(b));
        assertArrayEquals(PlantedClusters.itemVectors(a), PlantedClusters.itemVectors(b));
        assertFalse(Arrays.equals(PlantedClusters.itemVectors(a), PlantedClusters.itemVectors(c)));
    }

    @Test
    void earlyStoppingKeepsTheBestSnapshot() {
        double[] scores = {0.2, 0.5, 0.4, 0.3, 0.9};
        List<FittedRecaller> seen = new ArrayList<>();
        Validator v = new Validator() {
            @Override public String metricId() { return "ndcg@10"; }
            @Override public double validate(FittedRecaller model) { seen.add(model); return scores[seen.size() - 1]; }
        };
        TrainingLog log = new TrainingLog();
        FmRecallConfig cfg = new FmRecallConfig(8, "bpr", 4, 10, new EarlyStopping.Config(2, 1), 0.01, 10,
                new OptimizerConfig("adagrad", 0.05, 1e-5, 0.9, 0.999, 1e-8), Retrieval.EXACT);
        EmbeddingRecaller best = new FmRecall(cfg).fit(ctx(1, v, log));
        // best at epoch 2; epochs 3 and 4 do not improve -> patience 2 reached after epoch 4
        assertEquals(4, seen.size());
        assertSame(seen.get(1), best);
        assertEquals(4, log.series().get("loss").size());
        assertEquals(List.of(new TrainingLog.Point(1, 0.2), new TrainingLog.Point(2, 0.5),
                new TrainingLog.Point(3, 0.4), new TrainingLog.Point(4, 0.3)), log.series().get("valid.ndcg@10"));
    }

    @Test
    void configDefaultsAndErrors() {
        ConfigBlock b = new ConfigBlock(ConfigFactory.parseString("factors = 32, loss = logistic"), "recall.fm-recall");
        FmRecallConfig c = FmRecallConfig.from(b);
        b.finish();
        assertEquals(32, c.factors());
        assertEquals("logistic", c.loss());
        assertEquals(FmRecallConfig.defaults().epochs(), c.epochs());
        ConfigError e = assertThrows(ConfigError.class, () -> FmRecallConfig.from(
                new ConfigBlock(ConfigFactory.parseString("loss = hinge"), "recall.fm-recall")));
        assertTrue(e.getMessage().contains("recall.fm-recall.loss") && e.getMessage().contains("bpr"), e.getMessage());
        ConfigBlock typo = new ConfigBlock(ConfigFactory.parseString("factor = 3"), "recall.fm-recall");
        new FmRecallFactory().create(typo);
        ConfigError t = assertThrows(ConfigError.class, typo::finish);
        assertTrue(t.getMessage().contains("factors"), t.getMessage());
    }

    @Test
    void hnswRetrievalServesTheSameScoresAndReportsItsQuality() {
        FmRecallConfig c = small("bpr", 3);
        FmRecallConfig h = new FmRecallConfig(c.factors(), c.loss(), c.negatives(), c.epochs(), c.stopping(), c.initStd(),
                c.numericBuckets(), c.optimizer(), new Retrieval("hnsw", HnswParams.DEFAULT));
        EmbeddingRecaller exact = new FmRecall(c).fit(ctx(3, null, null));
        EmbeddingRecaller ann = new FmRecall(h).fit(ctx(3, null, null));
        assertEquals("hnsw", ann.retrieval().mode());
        float[] a = new float[DATA.numItems], b = new float[DATA.numItems];
        for (int u = 0; u < DATA.numUsers; u++) {
            exact.scoreBlock(new int[]{u}, 0, 1, a);
            ann.scoreBlock(new int[]{u}, 0, 1, b);
            assertArrayEquals(a, b, "user " + u);
        }
        java.util.Map<String, Double> d = ann.diagnostics(DATA.train, 1);
        assertTrue(d.containsKey("ann.latency_us") && d.containsKey("exact.latency_us"), d.toString());
        assertTrue(d.get("ann.recall@10") > 0.9 && d.get("ann.recall@10") <= 1, d.toString());
        ConfigBlock blk = new ConfigBlock(ConfigFactory.parseString("retrieval = hnsw, hnsw { m = 12 }"), "recall.fm-recall");
        assertEquals(new Retrieval("hnsw", new HnswParams(12, 200, 100)), FmRecallConfig.from(blk).retrieval());
        blk.finish();
    }
}
