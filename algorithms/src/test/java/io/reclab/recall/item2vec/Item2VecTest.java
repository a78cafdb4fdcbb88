package io.reclab.recall.item2vec;

import com.typesafe.config.ConfigFactory;
import io.reclab.ann.HnswParams;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.recall.fmrecall.PlantedClusters;
import io.reclab.recall.fmrecall.SideFeatures;
import io.reclab.run.TrainingLog;
import io.reclab.train.AliasTable;
import io.reclab.train.EarlyStopping;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class Item2VecTest {
    private static final PlantedClusters DATA = new PlantedClusters(3);

    private static Item2VecConfig cfg(int window, boolean side, String sim, int epochs) {
        return new Item2VecConfig(16, window, 5, 0.0, epochs, 0.025, 50, sim, 0.5, side, 10,
                new EarlyStopping.Config(3, 1), Retrieval.EXACT);
    }

    private static TrainContext ctx(long seed, int threads, TrainingLog log) {
        return new TrainContext(DATA.train, DATA.train.empty(), DATA.userFeatures, DATA.itemFeatures, seed, threads, log, null);
    }

    /**
     * The learning-rate schedule depends on {@code decay-epochs}, not on the budget: a 6-epoch run that early
     * stopping returns at epoch 2 (scripted validation peaks there) is exactly a 2-epoch run with the same horizon,
     * while a 2-epoch run whose horizon is its own budget (the old schedule) trains differently.
     */
    @Test
    void decayFollowsTheHorizonNotTheBudget() {
        Item2VecConfig budget6 = new Item2VecConfig(16, 10, 5, 0.0, 6, 0.025, 50, "conditional", 0.5, false, 10,
                new EarlyStopping.Config(2, 1), Retrieval.EXACT, 4);
        Item2VecConfig budget2 = new Item2VecConfig(16, 10, 5, 0.0, 2, 0.025, 50, "conditional", 0.5, false, 10,
                new EarlyStopping.Config(2, 1), Retrieval.EXACT, 4);
        Item2VecConfig oldSchedule = new Item2VecConfig(16, 10, 5, 0.0, 2, 0.025, 50, "conditional", 0.5, false, 10,
                new EarlyStopping.Config(2, 1), Retrieval.EXACT);
        assertEquals(2, oldSchedule.decayEpochs());
        double[] script = {0.1, 0.5, 0.2, 0.3, 0.9, 0.9};
        int[] calls = {0};
        io.reclab.recall.Validator v = new io.reclab.recall.Validator() {
            @Override public String metricId() { return "ndcg@10"; }
            @Override public double validate(io.reclab.recall.FittedRecaller m) { return script[calls[0]++]; }
        };
        TrainContext withValidator = new TrainContext(DATA.train, DATA.train.empty(), DATA.userFeatures,
                DATA.itemFeatures, 5, 2, new TrainingLog(), v);
        io.reclab.recall.FittedRecaller stopped = new Item2Vec(budget6).fit(withValidator);
        assertEquals(4, calls[0], "best at epoch 2, two misses, stop after epoch 4");
        io.reclab.recall.FittedRecaller two = new Item2Vec(budget2).fit(ctx(5, 2, new TrainingLog()));
        io.reclab.recall.FittedRecaller old = new Item2Vec(oldSchedule).fit(ctx(5, 2, new TrainingLog()));
        boolean oldDiffers = false;
        for (int u = 0; u < 10; u++) {
            assertArrayEquals(two.score(u), stopped.score(u), "user " + u);
            oldDiffers |= !java.util.Arrays.equals(two.score(u), old.score(u));
        }
        assertTrue(oldDiffers, "a horizon of 2 epochs decays faster than one of 4");
    }

    /** L = -log σ(h·o_0) - Σ_{t≥1} log σ(-h·o_t), h = mean of the centre's id row and feature rows, in double. */
    private static double naiveLoss(SgnsParams p, int centre, int[] targets) {
        int d = p.dim;
        int s = p.features.entityStart(centre), e = p.features.entityEnd(centre);
        double[] h = new double[d];
        for (int k = 0; k < d; k++) h[k] = p.inId[centre * d + k];
        for (int q = s; q < e; q++) for (int k = 0; k < d; k++) h[k] += p.inFeat[p.features.ids()[q] * d + k];
        for (int k = 0; k < d; k++) h[k] /= (1 + e - s);
        double l = 0;
        for (int t = 0; t < targets.length; t++) {
            double dot = 0;
            for (int k = 0; k < d; k++) dot += h[k] * p.out[targets[t] * d + k];
            l += t == 0 ? Math.log1p(Math.exp(-dot)) : Math.log1p(Math.exp(dot));
        }
        return l;
    }

    @Test
    void sgnsStepWithSideInformationIsAGradientStep() {
        SideFeatures f = SideFeatures.encode(DATA.itemFeatures, DATA.numItems, 10, "item features");
        int d = 6;
        SplittableRandom r = new SplittableRandom(4);
        float[] inId = new float[DATA.numItems * d], inFeat = new float[f.numIds() * d], out = new float[DATA.numItems * d];
        for (float[] a : List.of(inId, inFeat, out)) for (int i = 0; i < a.length; i++) a[i] = (float) r.nextDouble(-1, 1);
        SgnsParams p = new SgnsParams(d, inId, inFeat, out, f);
        int centre = 5;
        int[] targets = {7, 30, 44, 71};
        float[][] before = {inId.clone(), inFeat.clone(), out.clone()};
        double loss = p.step(centre, targets, targets.length, 1f, new float[d], new float[d]);
        float[][] after = {inId.clone(), inFeat.clone(), out.clone()};
        System.arraycopy(before[0], 0, inId, 0, inId.length);
        System.arraycopy(before[1], 0, inFeat, 0, inFeat.length);
        System.arraycopy(before[2], 0, out, 0, out.length);
        assertEquals(naiveLoss(p, centre, targets), loss, 1e-5);
        // coordinates: the centre's id row, each of its feature rows, each target's output row
        int[][] rows = new int[1 + (f.entityEnd(centre) - f.entityStart(centre)) + targets.length][];
        int n = 0;
        rows[n++] = new int[]{0, centre};
        for (int q = f.entityStart(centre); q < f.entityEnd(centre); q++) rows[n++] = new int[]{1, f.ids()[q]};
        for (int t : targets) rows[n++] = new int[]{2, t};
        assertEquals(9, n); // id + genre + 2 tags + year bucket + 4 targets
        float[][] tables = {inId, inFeat, out};
        double eps = 1e-3;
        for (int[] row : rows) {
            float[] tb = tables[row[0]];
            for (int k = 0; k < d; k++) {
                int pos = row[1] * d + k;
                float old = tb[pos];
                tb[pos] = old + (float) eps;
                double lp = naiveLoss(p, centre, targets);
                tb[pos] = old - (float) eps;
                double lm = naiveLoss(p, centre, targets);
                tb[pos] = old;
                double fd = (lp - lm) / ((double) (old + (float) eps) - (old - (float) eps));
                double analytic = -(after[row[0]][pos] - before[row[0]][pos]); // lr = 1
                assertEquals(fd, analytic, 1e-3 + 1e-2 * Math.abs(fd), "table " + row[0] + " row " + row[1] + " k " + k);
            }
        }
        // untouched rows did not move
        assertEquals(before[2][0], after[2][0]);
    }

    @Test
    void plantedClustersBeatPopularity() {
        int pop = DATA.hits(DATA.popularity(), 10);
        double popShare = DATA.inClusterShare(DATA.popularity(), 10);
        for (Item2VecConfig c : List.of(cfg(0, false, "cosine", 15), cfg(3, false, "cosine", 15), cfg(0, false, "output", 15),
                cfg(0, true, "input", 15), cfg(0, false, "conditional", 15))) {
            TrainingLog log = new TrainingLog();
            EmbeddingRecaller m = new Item2Vec(c).fit(ctx(1, 1, log));
            int hits = DATA.hits(m, 10);
            double share = DATA.inClusterShare(m, 10);
            assertTrue(hits > pop * 1.3, c + ": hits " + hits + " vs popularity " + pop);
            assertTrue(share > 0.6 && share > popShare + 0.3, c + ": in-cluster share " + share + " vs " + popShare);
            List<TrainingLog.Point> curve = log.series().get("loss");
            assertEquals(15, curve.size());
            assertTrue(curve.get(14).value() < curve.get(0).value(), "loss decreases: " + curve);
        }
    }

    private static double cosine(float[] v, int a, float[] mean) {
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < mean.length; k++) {
            dot += v[a + k] * mean[k];
            na += v[a + k] * v[a + k];
            nb += mean[k] * mean[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void sideInformationGivesColdItemsAVectorNearTheirCluster() {
        EmbeddingRecaller m = new Item2Vec(cfg(0, true, "cosine", 15)).fit(ctx(2, 1, null));
        float[] v = PlantedClusters.itemVectors(m);
        int d = m.dim();
        float[][] centroid = new float[DATA.clusters][d];
        for (int i = 0; i < DATA.warmItems; i++)
            for (int k = 0; k < d; k++) centroid[DATA.itemCluster[i]][k] += v[i * d + k];
        for (int c = 0; c < DATA.clusters; c++) {
            int cold = DATA.warmItems + c;
            double own = cosine(v, cold * d, centroid[c]);
            for (int o = 0; o < DATA.clusters; o++)
                if (o != c) assertTrue(own > cosine(v, cold * d, centroid[o]) + 0.1,
                        "cold item of cluster " + c + ": own " + own + " vs cluster " + o + " " + cosine(v, cold * d, centroid[o]));
        }
        // without side information a never-seen item has no vector at all
        EmbeddingRecaller plain = new Item2Vec(cfg(0, false, "cosine", 2)).fit(ctx(2, 1, null));
        float[] pv = PlantedClusters.itemVectors(plain);
        for (int k = 0; k < d; k++) assertEquals(0f, pv[DATA.warmItems * d + k]);
    }

    @Test
    void deterministicForASeedAndThreadCount() {
        for (int threads : new int[]{1, 2}) {
            EmbeddingRecaller a = new Item2Vec(cfg(0, true, "cosine", 3)).fit(ctx(5, threads, null));
            EmbeddingRecaller b = new Item2Vec(cfg(0, true, "cosine", 3)).fit(ctx(5, threads, null));
            assertArrayEquals(PlantedClusters.itemVectors(a), PlantedClusters.itemVectors(b), "threads " + threads);
            assertArrayEquals(PlantedClusters.userVectors(a), PlantedClusters.userVectors(b), "threads " + threads);
        }
        // two threads train a comparable model (delta aggregation ~ sequential SGD)
        EmbeddingRecaller par = new Item2Vec(cfg(0, false, "cosine", 15)).fit(ctx(1, 2, null));
        assertTrue(DATA.hits(par, 10) > DATA.hits(DATA.popularity(), 10) * 1.3);
    }

    @Test
    void userSequencesAreTimeOrdered() {
        // user 0: items 2 (t=5), 0 (t=1), 1 (t=5, later row) -> 0, 2, 1 ; user 1: item 3
        Interactions in = new Interactions(new int[]{0, 1, 0, 0}, new int[]{2, 3, 0, 1}, new float[4],
                new long[]{5, 0, 1, 5}, IdMap.identity(2), IdMap.identity(4));
        UserSequences s = UserSequences.of(in);
        assertArrayEquals(new int[]{0, 2, 1}, Arrays.copyOfRange(s.items(), s.start(0), s.end(0)));
        assertArrayEquals(new int[]{3}, Arrays.copyOfRange(s.items(), s.start(1), s.end(1)));
    }

    @Test
    void negativeSamplerMatchesWeights() {
        double[] w = {1, 0, 3, 6};
        AliasTable a = new AliasTable(w); // the sampler SgnsEpoch draws negatives with
        SplittableRandom r = new SplittableRandom(1);
        int[] c = new int[4];
        int n = 200_000;
        for (int i = 0; i < n; i++) c[a.sample(r)]++;
        // expected shares 0.1, 0, 0.3, 0.6; binomial sd <= sqrt(.25/n) ~ 0.0011
        assertEquals(0.1, c[0] / (double) n, 0.006);
        assertEquals(0, c[1]);
        assertEquals(0.3, c[2] / (double) n, 0.006);
        assertEquals(0.6, c[3] / (double) n, 0.006);
    }

    /** Random SGNS parameters without side information (output rows of never-seen items stay 0, as in training). */
    private static SgnsParams randomParams(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] counts = DATA.train.itemCounts();
        float[] inId = new float[DATA.numItems * d], out = new float[DATA.numItems * d];
        for (int i = 0; i < DATA.numItems; i++)
            for (int k = 0; k < d; k++) {
                inId[i * d + k] = (float) r.nextDouble(-1, 1);
                if (counts[i] > 0) out[i * d + k] = (float) r.nextDouble(-1, 1);
            }
        return new SgnsParams(d, inId, new float[0], out, null);
    }

    private static Item2VecVectors vectors(String sim, int history) {
        Item2VecConfig c = new Item2VecConfig(6, 10, 5, 0.0, 1, 0.025, history, sim, 0.5, false, 10,
                new EarlyStopping.Config(3, 1), Retrieval.EXACT);
        return new Item2VecVectors(c, UserSequences.of(DATA.train), DATA.train.itemCounts(), null);
    }

    /** The user's last {@code history} training items, oldest first. */
    private static int[] recent(UserSequences s, int u, int history) {
        return Arrays.copyOfRange(s.items(), Math.max(s.start(u), s.end(u) - history), s.end(u));
    }

    @Test
    void conditionalScoresAreMeanInputDotOutputPlusWeightedLogPrior() {
        int d = 6, history = 4;
        SgnsParams p = randomParams(d, 21);
        EmbeddingRecaller m = vectors("conditional", history).build(p).exact();
        UserSequences seqs = UserSequences.of(DATA.train);
        int[] counts = DATA.train.itemCounts();
        double z = 0;
        for (int c : counts) z += Math.pow(c, 0.75);
        float[] block = new float[DATA.numItems];
        int neverSeen = 0;
        for (int u = 0; u < DATA.numUsers; u++) {
            m.scoreBlock(new int[]{u}, 0, 1, block);
            int[] h = recent(seqs, u, history);
            for (int i = 0; i < DATA.numItems; i++) {
                assertEquals(m.score(u, i), block[i], "block and single score agree, user " + u + " item " + i);
                if (counts[i] == 0) {
                    // never a context: -inf survives the dot product (0 + -inf) in every kernel
                    assertEquals(Float.NEGATIVE_INFINITY, block[i], "never-seen item " + i);
                    neverSeen++;
                    continue;
                }
                // s(u, i) = <(1/|H|) sum_{h in H} in_h, out_i> + 0.5 * log(count_i^0.75 / sum_j count_j^0.75)
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    double mean = 0;
                    for (int it : h) mean += p.inId[it * d + k];
                    dot += mean / h.length * p.out[i * d + k];
                }
                double ref = dot + 0.5 * Math.log(Math.pow(counts[i], 0.75) / z);
                assertEquals(ref, block[i], 1e-5 * Math.max(1, Math.abs(ref)), "user " + u + " item " + i);
            }
        }
        assertEquals(DATA.numUsers * DATA.clusters, neverSeen); // the planted data's cold items, one per cluster
    }

    @Test
    void cosineScoresAreMeanCosineToRecentItems() {
        int d = 6, history = 3;
        SgnsParams p = randomParams(d, 22);
        EmbeddingRecaller m = vectors("cosine", history).build(p).exact();
        assertFalse(m.hasItemBias());
        UserSequences seqs = UserSequences.of(DATA.train);
        int[] counts = DATA.train.itemCounts();
        for (int u = 0; u < DATA.numUsers; u += 7) {
            int[] h = recent(seqs, u, history);
            for (int i = 0; i < DATA.numItems; i++) {
                if (counts[i] == 0) { // never trained and no side information: a zero vector
                    assertEquals(0f, m.score(u, i), "never-seen item " + i);
                    continue;
                }
                // mean over h of cos(in_h, in_i) (every trained input row is random, so nonzero)
                double ref = 0;
                for (int it : h) {
                    double dot = 0, na = 0, nb = 0;
                    for (int k = 0; k < d; k++) {
                        double a = p.inId[it * d + k], b = p.inId[i * d + k];
                        dot += a * b; na += a * a; nb += b * b;
                    }
                    ref += dot / Math.sqrt(na * nb) / h.length;
                }
                assertEquals(ref, m.score(u, i), 1e-5, "user " + u + " item " + i);
            }
        }
    }

    @Test
    void hnswServingKeepsNeverSeenItemsBelowEverySeenItem() {
        Item2VecVectors.Snapshot snap = vectors("conditional", 50).build(randomParams(6, 23));
        EmbeddingRecaller exact = snap.exact();
        EmbeddingRecaller ann = snap.serve(new Retrieval("hnsw", HnswParams.DEFAULT), 1);
        int[] counts = DATA.train.itemCounts();
        int[] none = new int[0];
        for (int u = 0; u < DATA.numUsers; u++) {
            float minSeen = Float.POSITIVE_INFINITY, maxUnseen = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < DATA.numItems; i++) {
                float s = ann.score(u, i);
                assertTrue(Float.isFinite(s), "hnsw scores are finite: user " + u + " item " + i);
                if (counts[i] > 0) {
                    assertEquals(exact.score(u, i), s, "seen items keep their exact score");
                    minSeen = Math.min(minSeen, s);
                } else {
                    maxUnseen = Math.max(maxUnseen, s);
                }
            }
            assertTrue(maxUnseen < minSeen, "user " + u + ": never-seen " + maxUnseen + " vs seen " + minSeen);
            // full ranking is the same as with -inf: seen items by score, then never-seen ones by id
            assertArrayEquals(exact.exactRecall(u, DATA.numItems, none), ann.exactRecall(u, DATA.numItems, none));
            for (int i : ann.recall(u, 10, none)) assertTrue(counts[i] > 0, "hnsw top-10 of user " + u + " has " + i);
        }
        // nothing to replace: the same array comes back
        float[] b = {1f, -2f};
        assertSame(b, Item2VecVectors.finiteFloor(1, new float[]{1f}, new float[]{1f, 1f}, b));
        assertNull(Item2VecVectors.finiteFloor(1, new float[]{1f}, new float[]{1f, 1f}, null));
    }

    /** decay-epochs follows the epochs of the block unless set, so raising the budget alone stretches the decay. */
    @Test
    void decayEpochsDefaultsToTheConfiguredEpochs() {
        assertEquals(Item2VecConfig.defaults().epochs(), Item2VecConfig.defaults().decayEpochs());
        Item2VecConfig longer = Item2VecConfig.from(new ConfigBlock(ConfigFactory.parseString("epochs = 20"), "recall.item2vec"));
        assertEquals(20, longer.epochs());
        assertEquals(20, longer.decayEpochs());
        Item2VecConfig fixed = Item2VecConfig.from(new ConfigBlock(
                ConfigFactory.parseString("epochs = 20, decay-epochs = 8"), "recall.item2vec"));
        assertEquals(20, fixed.epochs());
        assertEquals(8, fixed.decayEpochs());
        assertThrows(ConfigError.class, () -> Item2VecConfig.from(new ConfigBlock(
                ConfigFactory.parseString("decay-epochs = 0"), "recall.item2vec")));
    }

    @Test
    void configReadsRetrievalAndTheSharedStoppingKeys() {
        ConfigBlock b = new ConfigBlock(ConfigFactory.parseString(
                "retrieval = hnsw, hnsw { m = 8, ef = 40 }, patience = 2, valid-every = 3"), "recall.item2vec");
        Item2VecConfig c = Item2VecConfig.from(b);
        b.finish();
        assertEquals(new Retrieval("hnsw", new HnswParams(8, 200, 40)), c.retrieval());
        assertEquals(new EarlyStopping.Config(2, 3), c.stopping());
        assertEquals(Item2VecConfig.defaults(), Item2VecConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.item2vec")));
        ConfigBlock old = new ConfigBlock(ConfigFactory.parseString("eval-every = 2"), "recall.item2vec");
        Item2VecConfig.from(old);
        ConfigError e = assertThrows(ConfigError.class, old::finish);
        assertTrue(e.getMessage().contains("eval-every"), e.getMessage());
    }
}
