package io.reclab.recall.lightgcn;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.data.Csr;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;
import io.reclab.train.Init;
import io.reclab.util.Parallel;
import io.reclab.train.PlantedData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class LightGcnTest {
    private static final OptimizerConfig SGD = new OptimizerConfig("sgd", 0.1, 0, 0.9, 0.999, 1e-8);

    private static Interactions graph(int users, int items, int nnz, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] u = new int[nnz], i = new int[nnz];
        for (int t = 0; t < nnz; t++) { u[t] = r.nextInt(users); i[t] = r.nextInt(items); }
        u[0] = u[1]; i[0] = i[1]; // a duplicate interaction, which must count once
        return new Interactions(u, i, new float[nnz], new long[nnz], IdMap.identity(users), IdMap.identity(items));
    }

    @Test
    void adjacencyHandValues() {
        // user0 - {item0, item1}, user1 - {item0}: deg u0 = 2, u1 = 1, i0 = 2, i1 = 1
        // Â[u0,i0] = 1/sqrt(2*2) = 0.5; Â[u0,i1] = 1/sqrt(2*1); Â[u1,i0] = 1/sqrt(1*2)
        Interactions t = new Interactions(new int[]{0, 0, 1, 0}, new int[]{0, 1, 0, 0}, new float[4], new long[4],
                IdMap.identity(2), IdMap.identity(2));
        Csr a = NormalizedAdjacency.build(t.byUser());
        assertEquals(4, a.rows);
        assertEquals(6, a.nnz());
        assertEquals(0.5f, value(a, 0, 2), 1e-7);
        assertEquals((float) (1 / Math.sqrt(2)), value(a, 0, 3), 1e-7);
        assertEquals((float) (1 / Math.sqrt(2)), value(a, 1, 2), 1e-7);
        assertEquals(0.5f, value(a, 2, 0), 1e-7);
        assertEquals((float) (1 / Math.sqrt(2)), value(a, 3, 0), 1e-7);
    }

    private static float value(Csr a, int r, int c) {
        for (int q = a.indptr[r]; q < a.indptr[r + 1]; q++) if (a.indices[q] == c) return a.values[q];
        return 0f;
    }

    /** Dense reference: Â as a double matrix, F = (1/(K+1)) Σ_l Â^l E⁰. */
    private static double[][] denseFinal(Interactions t, float[] e0, int k, int layers) {
        int users = t.numUsers(), n = users + t.numItems();
        double[][] a = new double[n][n];
        int[] deg = new int[n];
        boolean[][] adj = new boolean[n][n];
        for (int r = 0; r < t.size(); r++) { adj[t.user(r)][users + t.item(r)] = true; adj[users + t.item(r)][t.user(r)] = true; }
        for (int x = 0; x < n; x++) for (int y = 0; y < n; y++) if (adj[x][y]) deg[x]++;
        for (int x = 0; x < n; x++) for (int y = 0; y < n; y++) if (adj[x][y]) a[x][y] = 1 / Math.sqrt((double) deg[x] * deg[y]);
        double[][] cur = new double[n][k], sum = new double[n][k];
        for (int x = 0; x < n; x++) for (int c = 0; c < k; c++) { cur[x][c] = e0[x * k + c]; sum[x][c] = cur[x][c]; }
        for (int l = 1; l <= layers; l++) {
            double[][] nxt = new double[n][k];
            for (int x = 0; x < n; x++) for (int y = 0; y < n; y++) if (a[x][y] != 0) for (int c = 0; c < k; c++) nxt[x][c] += a[x][y] * cur[y][c];
            cur = nxt;
            for (int x = 0; x < n; x++) for (int c = 0; c < k; c++) sum[x][c] += cur[x][c];
        }
        for (double[] row : sum) for (int c = 0; c < k; c++) row[c] /= (layers + 1);
        return sum;
    }

    private static double referenceLoss(Interactions t, float[] e0, int k, int layers, double l2, int[] su, int[] si, int[] sj) {
        double[][] f = denseFinal(t, e0, k, layers);
        int users = t.numUsers(), b = su.length;
        double loss = 0, reg = 0;
        for (int s = 0; s < b; s++) {
            double x = 0;
            for (int c = 0; c < k; c++) x += f[su[s]][c] * (f[users + si[s]][c] - f[users + sj[s]][c]);
            loss += Math.log1p(Math.exp(-x));
            for (int node : new int[]{su[s], users + si[s], users + sj[s]})
                for (int c = 0; c < k; c++) reg += (double) e0[node * k + c] * e0[node * k + c];
        }
        return loss / b + l2 * reg / (2.0 * b);
    }

    @Test
    void propagationMatchesDenseMatrixPowers() {
        Interactions t = graph(6, 5, 14, 3);
        int layers = 3;
        // k = 64 runs the vector kernel's register-blocked path, 3 its scalar tail
        for (int k : new int[]{3, 64}) {
            float[] e0 = Init.normal(11 * k, 1, 4);
            try (Parallel par = new Parallel(2)) {
                LightGcnState st = new LightGcnState(NormalizedAdjacency.build(t.byUser()), 6, 5, k, layers, e0, 0, SGD, par);
                float[] fin = st.propagateAll();
                double[][] ref = denseFinal(t, e0, k, layers);
                for (int x = 0; x < 11; x++) for (int c = 0; c < k; c++) assertEquals(ref[x][c], fin[x * k + c], 1e-5, "k=" + k);
            }
        }
    }

    /** Finite differences through the K-layer propagation, on every layer-0 coordinate. */
    @Test
    void gradientThroughPropagationMatchesFiniteDifferences() {
        // k = 64 runs the vector kernel's register-blocked path (4 × 16 lanes with AVX-512), 3 its scalar tail
        for (int k : new int[]{3, 64}) gradientMatchesFiniteDifferences(k);
    }

    private static void gradientMatchesFiniteDifferences(int k) {
        Interactions t = graph(5, 6, 13, 8);
        int users = 5, items = 6;
        double l2 = 0.05;
        int[] su = {0, 1, 1, 3, 4, 0}, si = new int[6], sj = new int[6];
        Csr byUser = t.byUser();
        SplittableRandom r = new SplittableRandom(2);
        for (int s = 0; s < su.length; s++) {
            while (byUser.rowLength(su[s]) == 0) su[s] = (su[s] + 1) % users;
            si[s] = byUser.indices[byUser.indptr[su[s]] + r.nextInt(byUser.rowLength(su[s]))];
            do sj[s] = r.nextInt(items); while (byUser.contains(su[s], sj[s]));
        }
        for (int layers : new int[]{1, 3}) {
            // std scaled by sqrt(3 / k) keeps the scores f_u·f_i at the same scale for every k
            float[] e0 = Init.normal((users + items) * k, 0.7 * Math.sqrt(3.0 / k), 5);
            try (Parallel par = new Parallel(2)) {
                LightGcnState st = new LightGcnState(NormalizedAdjacency.build(byUser), users, items, k, layers, e0, l2, SGD, par);
                double bpr = st.gradients(su, si, sj, 0, su.length);
                double full = referenceLoss(t, e0, k, layers, l2, su, si, sj);
                assertTrue(bpr > 0 && bpr < full);
                float h = 1e-2f;
                for (int c = 0; c < e0.length; c++) {
                    float keep = e0[c];
                    e0[c] = keep + h;
                    double up = referenceLoss(t, e0, k, layers, l2, su, si, sj);
                    e0[c] = keep - h;
                    double down = referenceLoss(t, e0, k, layers, l2, su, si, sj);
                    e0[c] = keep;
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, st.grad[c], 1e-4 + 1e-3 * Math.abs(fd), "k=" + k + " K=" + layers + " coordinate " + c);
                }
            }
        }
    }

    private static LightGcnConfig cfg(double lr, int batch, int epochs) {
        return cfg(lr, batch, epochs, LightGcnConfig.EXACT_REFRESH);
    }

    private static LightGcnConfig cfg(double lr, int batch, int epochs, int refresh) {
        return new LightGcnConfig(8, 2, new OptimizerConfig("adam", lr, 1e-4, 0.9, 0.999, 1e-8), batch, epochs,
                "uniform", 0.1, new EarlyStopping.Config(5, 10), Retrieval.EXACT, refresh);
    }

    /**
     * Cached propagation: the first batch after a refresh sees exactly the current embeddings, so its gradient equals
     * the exact mode's; later batches of the chunk use neighbourhood terms from the refresh, and the difference from
     * the exact gradient shrinks with the learning rate (staleness is bounded by the parameter movement since).
     */
    @Test
    void cachedPropagationIsExactAfterRefreshAndBoundedlyStaleBetween() {
        Interactions t = graph(7, 8, 30, 11);
        int k = 4, users = 7, items = 8, b = 4;
        Csr byUser = t.byUser();
        SplittableRandom r = new SplittableRandom(9);
        int n = 3 * b;
        int[] su = new int[n], si = new int[n], sj = new int[n];
        for (int s = 0; s < n; s++) {
            do su[s] = r.nextInt(users); while (byUser.rowLength(su[s]) == 0);
            si[s] = byUser.indices[byUser.indptr[su[s]] + r.nextInt(byUser.rowLength(su[s]))];
            do sj[s] = r.nextInt(items); while (byUser.contains(su[s], sj[s]));
        }
        double[] gapByLr = new double[2];
        double[] lrs = {1e-2, 1e-3};
        for (int v = 0; v < lrs.length; v++) {
            OptimizerConfig sgd = new OptimizerConfig("sgd", lrs[v], 0, 0.9, 0.999, 1e-8);
            float[] ea = Init.normal((users + items) * k, 0.5, 5), eb = ea.clone();
            try (Parallel par = new Parallel(2)) {
                Csr adj = NormalizedAdjacency.build(byUser);
                LightGcnState exact = new LightGcnState(adj, users, items, k, 3, ea, 0.01, sgd, par, 1);
                LightGcnState cached = new LightGcnState(adj, users, items, k, 3, eb, 0.01, sgd, par, 3);
                cached.beginEpoch();
                double gap = 0;
                for (int batch = 0; batch < 3; batch++) {
                    double le = exact.gradients(su, si, sj, batch * b, batch * b + b);
                    double lc = cached.gradients(su, si, sj, batch * b, batch * b + b);
                    if (batch == 0) {
                        assertEquals(le, lc, 1e-6);
                        for (int c = 0; c < ea.length; c++) assertEquals(exact.grad[c], cached.grad[c], 1e-6, "coordinate " + c);
                    } else {
                        for (int c = 0; c < ea.length; c++) gap = Math.max(gap, Math.abs(exact.grad[c] - cached.grad[c]));
                    }
                    exact.apply();
                    cached.apply();
                }
                gapByLr[v] = gap;
            }
        }
        // stale terms differ by O(lr): ten times smaller steps give a several times smaller gradient gap
        assertTrue(gapByLr[0] > 0, "with lr 1e-2 the stale batches must differ from exact");
        assertTrue(gapByLr[1] < gapByLr[0] / 5, "gap " + gapByLr[1] + " at lr 1e-3 vs " + gapByLr[0] + " at lr 1e-2");
    }

    @Test
    void cachedPropagationStillRecoversPlantedClusters() {
        PlantedData d = PlantedData.standard();
        EmbeddingRecaller m = (EmbeddingRecaller) new LightGcn(cfg(0.02, 128, 30, 4)).fit(d.context(1, 2));
        double hit = d.hitRate(m, 10), pop = d.popularityHitRate(10);
        assertTrue(hit > 0.45 && hit > 2 * pop, "LightGCN (cached) hit@10 " + hit + " vs popularity " + pop);
    }

    @Test
    void identicalForSameSeedAndAnyThreadCount() {
        PlantedData d = new PlantedData(2, 20, 15, 6, 3);
        EmbeddingRecaller a = (EmbeddingRecaller) new LightGcn(cfg(0.01, 32, 3)).fit(d.context(4, 1));
        EmbeddingRecaller b = (EmbeddingRecaller) new LightGcn(cfg(0.01, 32, 3)).fit(d.context(4, 2));
        for (int u = 0; u < d.numUsers(); u++) assertArrayEquals(a.userVector(u), b.userVector(u));
        for (int i = 0; i < d.train.numItems(); i++) assertArrayEquals(a.itemVector(i), b.itemVector(i));
        EmbeddingRecaller c = (EmbeddingRecaller) new LightGcn(cfg(0.01, 32, 3)).fit(d.context(5, 2));
        assertFalse(java.util.Arrays.equals(a.userVector(0), c.userVector(0)));
        // cached propagation is deterministic too, and differs from exact after the first refresh window
        EmbeddingRecaller x = (EmbeddingRecaller) new LightGcn(cfg(0.01, 32, 3, 3)).fit(d.context(4, 1));
        EmbeddingRecaller y = (EmbeddingRecaller) new LightGcn(cfg(0.01, 32, 3, 3)).fit(d.context(4, 2));
        for (int u = 0; u < d.numUsers(); u++) assertArrayEquals(x.userVector(u), y.userVector(u));
        assertFalse(java.util.Arrays.equals(a.userVector(0), x.userVector(0)));
    }

    @Test
    void recoversPlantedClustersAndBeatsPopularity() {
        PlantedData d = PlantedData.standard();
        EmbeddingRecaller m = (EmbeddingRecaller) new LightGcn(cfg(0.02, 128, 30)).fit(d.context(1, 2));
        double hit = d.hitRate(m, 10), pop = d.popularityHitRate(10), share = d.inClusterShare(m, 10);
        assertTrue(hit > 0.45 && hit > 2 * pop, "LightGCN hit@10 " + hit + " vs popularity " + pop);
        assertTrue(share > 0.9, "in-cluster share " + share);
    }

    @Test
    void configDefaults() {
        LightGcnConfig c = LightGcnConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.lightgcn"));
        assertEquals(64, c.factors());
        assertEquals(3, c.layers());
        assertEquals(0.001, c.optimizer().learningRate());
        assertEquals(1e-4, c.l2());
        assertEquals(2048, c.batchSize());
        assertEquals(1000, c.epochs());
        assertEquals(8, c.refreshEvery());
        assertEquals(0.1, c.initStd());
        assertEquals(new EarlyStopping.Config(5, 10), c.stopping());
    }
}
