package io.reclab.recall.als;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Csr;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.run.TrainingLog;
import io.reclab.train.EarlyStopping;
import io.reclab.train.Init;
import io.reclab.util.Parallel;
import io.reclab.train.PlantedData;
import com.typesafe.config.ConfigFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ImplicitAlsTest {

    private static AlsConfig cfg(int factors, int iterations, String solver, int cgSteps) {
        return new AlsConfig(factors, 40, 0.1, iterations, false, solver, cgSteps, 0.01, new EarlyStopping.Config(3, 1), Retrieval.EXACT);
    }

    private static Interactions random(int users, int items, int nnz, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] u = new int[nnz], i = new int[nnz];
        float[] v = new float[nnz];
        for (int t = 0; t < nnz; t++) { u[t] = r.nextInt(users); i[t] = r.nextInt(items); v[t] = 1 + r.nextInt(5); }
        return new Interactions(u, i, v, new long[nnz], IdMap.identity(users), IdMap.identity(items));
    }

    /** Brute force: (YᵀC_uY + λI)⁻¹ YᵀC_u p(u) with dense C_u over every item, solved by LU in Commons Math. */
    @Test
    void oneUserSolveEqualsDenseClosedForm() {
        int k = 5, items = 12;
        double reg = 0.3, alpha = 2.5;
        Interactions train = random(3, items, 20, 11);
        ConfidenceMatrix cm = ConfidenceMatrix.build(train, alpha, true);
        float[] y = Init.normal(items * k, 0.5, 3);
        float[] x = Init.normal(3 * k, 0.5, 4);
        try (Parallel par = new Parallel(1)) {
            double[] gram = AlsSolver.gram(y, items, k, reg, par);
            for (int u = 0; u < 3; u++) {
                // dense reference: C = diag(1 + alpha * r_ui summed over duplicates), p = 1 where observed
                double[] c = new double[items];
                double[] p = new double[items];
                java.util.Arrays.fill(c, 1);
                Csr raw = train.byUser();
                for (int q = raw.indptr[u]; q < raw.indptr[u + 1]; q++) { c[raw.indices[q]] += alpha * raw.values[q]; p[raw.indices[q]] = 1; }
                RealMatrix a = new Array2DRowRealMatrix(k, k);
                RealVector b = new ArrayRealVector(k);
                for (int i = 0; i < items; i++)
                    for (int s = 0; s < k; s++) {
                        b.addToEntry(s, c[i] * p[i] * y[i * k + s]);
                        for (int t = 0; t < k; t++) a.addToEntry(s, t, c[i] * y[i * k + s] * y[i * k + t]);
                    }
                for (int s = 0; s < k; s++) a.addToEntry(s, s, reg);
                RealVector expected = new LUDecomposition(a).getSolver().solve(b);
                AlsSolver.solveCholesky(cm.byUser, u, x, y, k, gram, new AlsSolver.Work(k));
                for (int s = 0; s < k; s++) assertEquals(expected.getEntry(s), x[u * k + s], 1e-4 * (1 + Math.abs(expected.getEntry(s))));
            }
        }
    }

    @Test
    void conjugateGradientConvergesToCholesky() {
        int k = 8, items = 30, users = 10;
        Interactions train = random(users, items, 120, 5);
        ConfidenceMatrix cm = ConfidenceMatrix.build(train, 40, false);
        float[] y = Init.normal(items * k, 0.3, 1);
        float[] xc = Init.normal(users * k, 0.01, 2), xg = xc.clone(), x3 = xc.clone();
        try (Parallel par = new Parallel(1)) {
            double[] gram = AlsSolver.gram(y, items, k, 0.05, par);
            AlsSolver.sweep(cm.byUser, xc, y, k, gram, true, 0, par);
            // CG on a k×k SPD system is exact after k steps (up to rounding)
            AlsSolver.sweep(cm.byUser, xg, y, k, gram, false, 3 * k, par);
            AlsSolver.sweep(cm.byUser, x3, y, k, gram, false, 3, par);
            double errFull = 0, err3 = 0, init = 0;
            for (int t = 0; t < xc.length; t++) {
                errFull = Math.max(errFull, Math.abs(xc[t] - xg[t]));
                err3 += (xc[t] - x3[t]) * (xc[t] - x3[t]);
            }
            assertTrue(errFull < 1e-4, "CG with k steps differs from Cholesky by " + errFull);
            float[] x0 = Init.normal(users * k, 0.01, 2);
            for (int t = 0; t < xc.length; t++) init += (xc[t] - x0[t]) * (xc[t] - x0[t]);
            assertTrue(err3 < 0.5 * init, "3 CG steps should move well towards the solution: " + err3 + " vs start " + init);
        }
    }

    @Test
    void lossMatchesBruteForceAndDecreasesEveryIteration() {
        int k = 6;
        Interactions train = random(25, 40, 200, 9);
        ConfidenceMatrix cm = ConfidenceMatrix.build(train, 40, false);
        float[] x = Init.normal(25 * k, 0.1, 1), y = Init.normal(40 * k, 0.1, 2);
        double reg = 0.1;
        try (Parallel par = new Parallel(2)) {
            double fast = AlsSolver.loss(cm.byUser, x, y, k, AlsSolver.gram(y, 40, k, reg, par), reg, par);
            double brute = 0;
            for (int u = 0; u < 25; u++)
                for (int i = 0; i < 40; i++) {
                    double s = 0;
                    for (int t = 0; t < k; t++) s += x[u * k + t] * y[i * k + t];
                    boolean obs = cm.byUser.contains(u, i);
                    double c = obs ? 41 : 1, p = obs ? 1 : 0;
                    brute += c * (p - s) * (p - s);
                }
            for (float v : x) brute += reg * v * v;
            for (float v : y) brute += reg * v * v;
            assertEquals(brute, fast, 1e-6 * brute);
        }
        for (String solver : List.of("cg", "cholesky")) {
            TrainingLog log = new TrainingLog();
            new ImplicitAls(cfg(k, 8, solver, 3)).fit(new TrainContext(train, train.empty(), null, null, 3, 2, log, null));
            List<TrainingLog.Point> pts = log.series().get("loss");
            assertEquals(8, pts.size());
            for (int e = 1; e < pts.size(); e++)
                assertTrue(pts.get(e).value() <= pts.get(e - 1).value() * (1 + 1e-6),
                        solver + ": loss rose at iteration " + (e + 1) + ": " + pts);
        }
    }

    @Test
    void deterministicForSeedAndIndependentOfThreads() {
        Interactions train = random(60, 50, 600, 13);
        EmbeddingRecaller a = (EmbeddingRecaller) new ImplicitAls(cfg(8, 4, "cg", 3)).fit(ctx(train, 5, 1));
        EmbeddingRecaller b = (EmbeddingRecaller) new ImplicitAls(cfg(8, 4, "cg", 3)).fit(ctx(train, 5, 2));
        EmbeddingRecaller c = (EmbeddingRecaller) new ImplicitAls(cfg(8, 4, "cg", 3)).fit(ctx(train, 6, 2));
        for (int u = 0; u < 60; u++) assertArrayEquals(a.userVector(u), b.userVector(u));
        for (int i = 0; i < 50; i++) assertArrayEquals(a.itemVector(i), b.itemVector(i));
        assertFalse(java.util.Arrays.equals(a.userVector(0), c.userVector(0)), "another seed should give other factors");
    }

    @Test
    void recoversPlantedClustersAndBeatsPopularity() {
        PlantedData d = PlantedData.standard();
        EmbeddingRecaller m = (EmbeddingRecaller) new ImplicitAls(cfg(8, 10, "cg", 3)).fit(d.context(1, 2));
        double hit = d.hitRate(m, 10), pop = d.popularityHitRate(10), share = d.inClusterShare(m, 10);
        // in-cluster: 15 unseen items per user, so a perfect cluster model hits with probability ~10/15
        assertTrue(hit > 0.45 && hit > 2 * pop, "ALS hit@10 " + hit + " vs popularity " + pop);
        assertTrue(share > 0.9, "in-cluster share of top-10 " + share);
    }

    @Test
    void configDefaultsAndErrors() {
        AlsConfig c = AlsConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.als"));
        assertEquals(AlsConfig.defaults(), c);
        ConfigBlock b = new ConfigBlock(ConfigFactory.parseString("factors = 16, solver = lu"), "recall.als");
        ConfigError e = assertThrows(ConfigError.class, () -> AlsConfig.from(b));
        assertTrue(e.getMessage().contains("recall.als.solver") && e.getMessage().contains("cholesky"), e.getMessage());
        ConfigBlock typo = new ConfigBlock(ConfigFactory.parseString("factor = 16"), "recall.als");
        new AlsFactory().create(typo);
        ConfigError u = assertThrows(ConfigError.class, typo::finish);
        assertTrue(u.getMessage().contains("did you mean `factors`"), u.getMessage());
        ConfigBlock hn = new ConfigBlock(ConfigFactory.parseString("retrieval = hnsw, hnsw { m = 8, efc = 3 }"), "recall.als");
        ConfigError h = assertThrows(ConfigError.class, () -> AlsConfig.from(hn));
        assertTrue(h.getMessage().contains("recall.als.hnsw"), h.getMessage());
    }

    private static TrainContext ctx(Interactions train, long seed, int threads) {
        return new TrainContext(train, train.empty(), null, null, seed, threads, new TrainingLog(), null);
    }
}
