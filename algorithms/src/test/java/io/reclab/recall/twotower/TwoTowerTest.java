package io.reclab.recall.twotower;

import com.typesafe.config.ConfigFactory;
import io.reclab.ann.HnswParams;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;
import io.reclab.recall.fmrecall.PlantedClusters;
import io.reclab.recall.fmrecall.SideFeatures;
import io.reclab.recall.item2vec.UserSequences;
import io.reclab.run.TrainingLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class TwoTowerTest {
    private static final PlantedClusters DATA = new PlantedClusters(5);

    private static TwoTowerConfig cfg(int emb, int[] hidden, int out, double tau, int batch, int epochs, double lr) {
        return new TwoTowerConfig(emb, hidden, out, true, 50, true, tau, true, batch, epochs,
                new EarlyStopping.Config(3, 1), 0.1, 10, new OptimizerConfig("adam", lr, 0.0, 0.9, 0.999, 1e-8),
                Retrieval.EXACT);
    }

    private static TwoTowerNet net(TwoTowerConfig c, int threads) {
        return new TwoTowerNet(c,
                SideFeatures.encode(DATA.userFeatures, DATA.numUsers, 10, "user features"),
                SideFeatures.encode(DATA.itemFeatures, DATA.numItems, 10, "item features"),
                UserSequences.of(DATA.train), DATA.train.itemCounts(), threads, 22);
    }

    @Test
    void inBatchSoftmaxByHand() {
        // B = 2, D = 1: e_u = [1, 1], e_i = [1, 0], τ = 1, log Q = [ln 1/2, ln 1/4]
        // logits (both rows) = [1 - ln(1/2), 0 - ln(1/4)] = [1 + ln 2, ln 4];  logsumexp = ln(2e + 4)
        // L = ((ln(2e+4) - 1 - ln 2) + (ln(2e+4) - ln 4)) / 2
        float[] eu = {1, 1}, ei = {1, 0}, prob = new float[4], gU = new float[2];
        float[] logQ = {(float) Math.log(0.5), (float) Math.log(0.25)};
        double loss = InBatchSoftmax.rows(eu, ei, new int[]{3, 9}, logQ, 2, 1, 1f, prob, gU, 0, 2);
        double lse = Math.log(2 * Math.E + 4);
        assertEquals(((lse - 1 - Math.log(2)) + (lse - Math.log(4))) / 2, loss, 1e-6);
        // dL/de_u[0] = Σ_b (p_0b - 1[b=0]) e_i[b] / B = (2e/(2e+4) - 1) * 1 / 2
        assertEquals((2 * Math.E / (2 * Math.E + 4) - 1) / 2, gU[0], 1e-6);
        // a duplicate positive is masked: each row keeps only its own column -> loss 0
        assertEquals(0.0, InBatchSoftmax.rows(eu, ei, new int[]{7, 7}, logQ, 2, 1, 1f, prob, gU, 0, 2), 1e-7);
    }

    @Test
    void historyPoolingLeavesThePositiveOut() {
        TwoTowerNet n = net(cfg(4, new int[]{5}, 3, 0.5, 4, 1, 0.01), 1);
        Tower.Input in = new Tower.Input();
        int u = 0;
        UserSequences s = UserSequences.of(DATA.train);
        int positive = s.items()[s.start(u) + 2];
        n.userInput(u, positive, in);
        int hist = 0;
        for (int q = 0; q < in.n; q++) {
            if (in.table[q] != TwoTowerNet.HIST) continue;
            hist++;
            assertNotEquals(positive, in.row[q]);
            assertEquals(1f / (s.length(u) - 1), in.weight[q], 1e-7);
        }
        assertEquals(s.length(u) - 1, hist);
        n.userInput(u, -1, in);
        int all = 0;
        for (int q = 0; q < in.n; q++) if (in.table[q] == TwoTowerNet.HIST) all++;
        assertEquals(s.length(u), all);
        n.close();
    }

    @Test
    void fullLossGradientMatchesFiniteDifferences() {
        TwoTowerNet n = net(cfg(3, new int[]{8}, 3, 0.5, 5, 1, 0.01), 1);
        // users 0, 1, 21, 40, 70 with positives; item 0 appears twice (masked duplicate)
        int[] us = {0, 1, 21, 40, 70}, its = {0, 0, 22, 41, 61};
        n.forwardBackward(us, its, 5);
        // precondition: no tower output is near zero, where normalisation makes the loss too curved for FD
        for (int a = 0; a < 5; a++) assertTrue(n.normU[a] > 0.02 && n.normI[a] > 0.02);
        // and each sample has two or more live hidden units: with one, the normalised output is a constant direction
        for (Tower.Block b : new Tower.Block[]{n.ub[0], n.ib[0]})
            for (int a = 0; a < 5; a++) {
                int live = 0;
                for (int k = 0; k < 8; k++) if (b.h[a * 8 + k] > 0) live++;
                assertTrue(live >= 2, "sample " + a + " has " + live + " live hidden units");
            }
        int histRow = UserSequences.of(DATA.train).items()[UserSequences.of(DATA.train).start(21)];
        SideFeatures uf = n.userFeats, itf = n.itemFeats;
        // (name, parameter array, index, analytic gradient)
        List<Object[]> checks = List.of(
                dense("user W0", n.user, n.ub[0], 0, false),
                dense("user W1", n.user, n.ub[0], 1, false),
                dense("user b0", n.user, n.ub[0], 0, true),
                dense("item W0", n.item, n.ib[0], 0, false),
                dense("item b1", n.item, n.ib[0], 1, true),
                row("user id", n, TwoTowerNet.USER_ID, 21),
                row("user feature", n, TwoTowerNet.USER_FEAT, uf.ids()[uf.entityStart(40)]),
                row("history item", n, TwoTowerNet.HIST, histRow),
                row("item id", n, TwoTowerNet.ITEM_ID, 41),
                row("item tag", n, TwoTowerNet.ITEM_FEAT, itf.ids()[itf.start(22, 1)]));
        double eps = 1e-3;
        for (Object[] ch : checks) {
            float[] p = (float[]) ch[1];
            int i = (Integer) ch[2];
            float old = p[i];
            p[i] = (float) (old + eps);
            n.clearGrads();
            double lp = n.forwardBackward(us, its, 5);
            p[i] = (float) (old - eps);
            n.clearGrads();
            double lm = n.forwardBackward(us, its, 5);
            p[i] = old;
            double fd = (lp - lm) / (2 * eps);
            float analytic = (Float) ch[3];
            assertEquals(fd, analytic, 1e-3 + 3e-2 * Math.abs(fd), ch[0] + ": fd " + fd + " analytic " + analytic);
            assertTrue(Math.abs(analytic) > 1e-6, ch[0] + " has a zero gradient");
        }
        n.close();
    }

    /**
     * A dense-parameter check (name, the tower's dense vector, offset, analytic gradient) on the weight or bias of
     * layer l with the largest analytic gradient, so that no check lands on a dead ReLU unit.
     */
    private static Object[] dense(String name, Tower t, Tower.Block b, int l, boolean bias) {
        io.reclab.nn.Dense d = t.layer(l);
        int best = -1;
        for (int j = 0; j < (bias ? 1 : d.in()); j++)
            for (int o = 0; o < d.out(); o++) {
                int off = bias ? d.biasOffset(o) : d.weightOffset(j, o);
                if (best < 0 || Math.abs(b.grad[off]) > Math.abs(b.grad[best])) best = off;
            }
        return new Object[]{name, t.params.dense, best, b.grad[best]};
    }

    /** An embedding check on the coordinate of {@code table}'s row with the largest analytic gradient. */
    private static Object[] row(String name, TwoTowerNet n, int table, int row) {
        EmbeddingGrad g = n.emb[0][table];
        int best = row * g.dim;
        for (int k = 1; k < g.dim; k++) if (Math.abs(g.g[row * g.dim + k]) > Math.abs(g.g[best])) best = row * g.dim + k;
        return new Object[]{name, n.tables[table], best, g.g[best]};
    }

    private static TrainContext ctx(long seed, int threads, TrainingLog log) {
        return new TrainContext(DATA.train, DATA.train.empty(), DATA.userFeatures, DATA.itemFeatures, seed, threads, log, null);
    }

    @Test
    void plantedClustersBeatPopularity() {
        TrainingLog log = new TrainingLog();
        EmbeddingRecaller m = new TwoTower(cfg(16, new int[]{32}, 16, 0.2, 64, 15, 0.003)).fit(ctx(1, 1, log));
        int hits = DATA.hits(m, 10), pop = DATA.hits(DATA.popularity(), 10);
        double share = DATA.inClusterShare(m, 10), popShare = DATA.inClusterShare(DATA.popularity(), 10);
        assertTrue(hits > pop * 2, "hits " + hits + " vs popularity " + pop);
        assertTrue(share > popShare + 0.3, "in-cluster share " + share + " vs " + popShare);
        List<TrainingLog.Point> curve = log.series().get("loss");
        assertEquals(15, curve.size());
        assertTrue(curve.get(14).value() < curve.get(0).value(), "loss decreases: " + curve);
        assertEquals(16, m.dim());
        assertEquals(DATA.numItems * 16, PlantedClusters.itemVectors(m).length);
    }

    @Test
    void deterministicForASeedAndThreadCount() {
        for (int threads : new int[]{1, 2}) {
            TwoTowerConfig c = cfg(8, new int[]{16}, 8, 0.1, 32, 2, 0.01);
            EmbeddingRecaller a = new TwoTower(c).fit(ctx(3, threads, null));
            EmbeddingRecaller b = new TwoTower(c).fit(ctx(3, threads, null));
            assertArrayEquals(PlantedClusters.itemVectors(a), PlantedClusters.itemVectors(b), "threads " + threads);
            assertArrayEquals(PlantedClusters.userVectors(a), PlantedClusters.userVectors(b), "threads " + threads);
        }
    }

    @Test
    void servedScoresAreCosinesOfTowerOutputsAndHnswReportsItsQuality() {
        TwoTowerConfig c = cfg(8, new int[]{16}, 8, 0.1, 32, 1, 0.01);
        TwoTowerConfig hnsw = new TwoTowerConfig(c.embeddingDim(), c.hidden(), c.outputDim(), c.userId(), c.history(),
                c.normalize(), c.temperature(), c.logqCorrection(), c.batchSize(), c.epochs(), c.stopping(),
                c.initStd(), c.numericBuckets(), c.optimizer(), new Retrieval("hnsw", HnswParams.DEFAULT));
        EmbeddingRecaller m = new TwoTower(hnsw).fit(ctx(4, 1, null));
        assertFalse(m.hasItemBias());
        float[] block = new float[DATA.numItems];
        for (int u = 0; u < DATA.numUsers; u += 5) {
            m.scoreBlock(new int[]{u}, 0, 1, block);
            float[] p = m.userVector(u);
            for (int i = 0; i < DATA.numItems; i++) {
                // old formula: <user-tower output, item-tower output>, both L2-normalised, so a cosine in [-1, 1]
                float[] q = m.itemVector(i);
                double dot = 0, np = 0, nq = 0;
                for (int k = 0; k < p.length; k++) { dot += p[k] * q[k]; np += p[k] * p[k]; nq += q[k] * q[k]; }
                assertEquals(1, np, 1e-5);
                assertEquals(1, nq, 1e-5);
                assertEquals(dot, block[i], 1e-6, "user " + u + " item " + i);
            }
        }
        // the same model trained with exact retrieval scores identically; HNSW only changes recall()
        EmbeddingRecaller exact = new TwoTower(c).fit(ctx(4, 1, null));
        assertArrayEquals(PlantedClusters.itemVectors(exact), PlantedClusters.itemVectors(m));
        Map<String, Double> d = m.diagnostics(DATA.train, 1);
        assertEquals(List.of("ann.recall@10", "ann.latency_us", "exact.latency_us"), List.copyOf(d.keySet()));
        assertTrue(d.get("ann.recall@10") > 0.9 && d.get("ann.recall@10") <= 1, d.toString());
        assertEquals(Map.of(), exact.diagnostics(DATA.train, 1));
    }

    @Test
    void configReadsRetrievalAndTheSharedStoppingKeys() {
        ConfigBlock b = new ConfigBlock(ConfigFactory.parseString("retrieval = hnsw, hnsw { ef = 50 }, valid-every = 2"),
                "recall.twotower");
        TwoTowerConfig c = TwoTowerConfig.from(b);
        b.finish();
        assertEquals(new Retrieval("hnsw", new HnswParams(16, 200, 50)), c.retrieval());
        assertEquals(new EarlyStopping.Config(3, 2), c.stopping());
        ConfigError e = assertThrows(ConfigError.class, () -> TwoTowerConfig.from(
                new ConfigBlock(ConfigFactory.parseString("patience = 0"), "recall.twotower")));
        assertTrue(e.getMessage().contains("recall.twotower.patience"), e.getMessage());
    }
}
