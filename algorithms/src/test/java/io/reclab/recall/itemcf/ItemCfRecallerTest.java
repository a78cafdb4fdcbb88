package io.reclab.recall.itemcf;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.data.Interactions;
import io.reclab.recall.Recaller;
import io.reclab.recall.neighbors.Fixtures;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.SparseRows;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemCfRecallerTest {
    static final String H = ItemCfConfig.HISTORY_TOPK;
    static final String C = ItemCfConfig.CANDIDATE_TOPK;
    static final String B = ItemCfConfig.BARS;

    /*
     * u0: {0,1,2}  u1: {0,1}  u2: {1,2,3}  u3: {3}
     * U_0 = {0,1} (2)  U_1 = {0,1,2} (3)  U_2 = {0,2} (2)  U_3 = {2,3} (2)
     */
    static final int[][] HAND = {{0, 1, 2}, {0, 1}, {1, 2, 3}, {3}};

    static ItemNeighborhoodModel fit(int[][] rows, int items, ItemCfConfig c, int threads) {
        return new ItemCfRecaller(c).fit(Fixtures.context(Fixtures.log(items, rows), threads, 1));
    }

    @Test
    void cosineByHand() {
        SparseRows w = fit(HAND, 4, new ItemCfConfig(100, 0, false, false, H), 1).similarity();
        double r6 = Math.sqrt(6);
        assertEquals(2 / r6, w.get(0, 1), 1e-6);   // |{0,1}| / sqrt(2·3) = 0.81650
        assertEquals(0.5, w.get(0, 2), 1e-6);      // |{0}|   / sqrt(2·2)
        assertEquals(0.0, w.get(0, 3), 0);         // no common user: not stored
        assertEquals(2 / r6, w.get(1, 2), 1e-6);   // |{0,2}| / sqrt(3·2)
        assertEquals(1 / r6, w.get(1, 3), 1e-6);   // |{2}|   / sqrt(3·2) = 0.40825
        assertEquals(0.5, w.get(2, 3), 1e-6);      // |{2}|   / sqrt(2·2)
        assertEquals(w.get(1, 3), w.get(3, 1), 0); // symmetric without truncation
        assertEquals(0f, w.get(1, 1));             // no self-similarity
    }

    @Test
    void shrinkageAndIufByHand() {
        SparseRows shrunk = fit(HAND, 4, new ItemCfConfig(100, 1, false, false, H), 1).similarity();
        assertEquals(2 / (Math.sqrt(6) + 1), shrunk.get(0, 1), 1e-6); // 2 / 3.44949 = 0.57980
        SparseRows iuf = fit(HAND, 4, new ItemCfConfig(100, 0, true, false, H), 1).similarity();
        // co-raters of (0,1): u0 (|I|=3) and u1 (|I|=2): 1/ln 4 + 1/ln 3 = 0.721348 + 0.910239 = 1.631587; / sqrt 6
        assertEquals((1 / Math.log(4) + 1 / Math.log(3)) / Math.sqrt(6), iuf.get(0, 1), 1e-6);
        // (2,3) co-rated by u2 only (|I|=3): (1/ln 4) / sqrt(2·2) = 0.360674
        assertEquals(1 / Math.log(4) / 2, iuf.get(2, 3), 1e-6);
    }

    @Test
    void topKKeepsTheBestWithTiesBySmallerId() {
        SparseRows w = fit(HAND, 4, new ItemCfConfig(1, 0, false, false, H), 1).similarity();
        // row 1: sim to 0 and 2 tie at 2/sqrt6, 3 has 1/sqrt6 → keep item 0
        assertEquals(1, w.rowLength(1));
        assertEquals(0, w.cols[w.indptr[1]]);
        // row 3: 1 → 1/sqrt6 = 0.408, 2 → 0.5 → keep item 2
        assertEquals(2, w.cols[w.indptr[3]]);
    }

    @Test
    void scoresAreSumsOfNeighbourRows() {
        ItemNeighborhoodModel m = fit(HAND, 4, new ItemCfConfig(100, 0, false, false, H), 1);
        float[] s = m.score(1); // u1 has items {0,1}
        double r6 = Math.sqrt(6);
        assertEquals(0.5 + 2 / r6, s[2], 1e-6); // sim(0,2) + sim(1,2) = 1.31650
        assertEquals(1 / r6, s[3], 1e-6);       // sim(0,3) + sim(1,3) = 0 + 0.40825
        float[] normed = fit(HAND, 4, new ItemCfConfig(100, 0, false, true, H), 1).score(1);
        // row 0 max is 2/sqrt6 → sim(0,2) becomes 0.5/0.8165 = 0.61237; row 1 max 2/sqrt6 → sim(1,2) = 1, sim(1,3) = 0.5
        assertEquals(0.5 / (2 / r6) + 1, normed[2], 1e-6);
        assertEquals(0.5, normed[3], 1e-6);
    }

    @Test
    void matchesBruteForceOnRandomData() {
        int[][] rows = Fixtures.random(40, 25, 0.2, 11);
        Interactions log = Fixtures.log(25, rows);
        double[][] x = Fixtures.dense(log);
        for (boolean iuf : new boolean[]{false, true}) {
            double shrink = 3;
            ItemNeighborhoodModel m = fit(rows, 25, new ItemCfConfig(1000, shrink, iuf, false, H), 2);
            double[][] sim = bruteForce(x, shrink, iuf);
            for (int i = 0; i < 25; i++)
                for (int j = 0; j < 25; j++)
                    assertEquals(sim[i][j], m.similarity().get(i, j), 1e-5, "sim(" + i + "," + j + ") iuf=" + iuf);
            float[][] scores = Fixtures.scoreAll(m, 40);
            for (int u = 0; u < 40; u++)
                for (int j = 0; j < 25; j++) {
                    double e = 0;
                    for (int i = 0; i < 25; i++) e += x[u][i] * sim[i][j];
                    assertEquals(e, scores[u][j], 1e-4);
                }
        }
    }

    @Test
    void truncatedRowsAreTheLargestBruteForceEntries() {
        int[][] rows = Fixtures.random(40, 25, 0.25, 12);
        double[][] sim = bruteForce(Fixtures.dense(Fixtures.log(25, rows)), 10, false);
        SparseRows w = fit(rows, 25, new ItemCfConfig(5, 10, false, false, H), 1).similarity();
        for (int i = 0; i < 25; i++) {
            int nonZero = 0;
            for (double v : sim[i]) if (v != 0) nonZero++;
            assertEquals(Math.min(5, nonZero), w.rowLength(i));
            float weakestKept = Float.MAX_VALUE;
            for (int p = w.indptr[i]; p < w.indptr[i + 1]; p++) weakestKept = Math.min(weakestKept, w.values[p]);
            for (int j = 0; j < 25; j++)
                if (w.get(i, j) == 0 && j != i) assertTrue(sim[i][j] <= weakestKept + 1e-6, "dropped a stronger neighbour");
        }
    }

    @Test
    void identicalForAnyThreadCount() {
        int[][] rows = Fixtures.random(60, 40, 0.15, 13);
        SparseRows one = fit(rows, 40, new ItemCfConfig(7, 2, true, true, H), 1).similarity();
        SparseRows four = fit(rows, 40, new ItemCfConfig(7, 2, true, true, H), 4).similarity();
        assertArrayEquals(one.cols, four.cols);
        assertArrayEquals(one.values, four.values);
    }

    @Test
    void configDefaultsAndErrors() {
        Registry<Recaller> reg = new Registry<Recaller>("recall model").register(ItemCfFactory.NAME, ItemCfFactory.DESCRIPTION, new ItemCfFactory());
        ItemCfRecaller d = (ItemCfRecaller) reg.create("itemcf", ConfigBlock.at(ConfigFactory.empty(), "recall.itemcf"));
        assertEquals(ItemCfConfig.DEFAULTS, d.config());
        ItemCfRecaller c = (ItemCfRecaller) reg.create("itemcf", ConfigBlock.at(ConfigFactory.parseString(
                "recall.itemcf { neighbors = 20, shrinkage = 0, iuf = true, normalize = true }"), "recall.itemcf"));
        assertEquals(new ItemCfConfig(20, 0, true, true, C), c.config());
        ItemCfRecaller bars = (ItemCfRecaller) reg.create("itemcf", ConfigBlock.at(ConfigFactory.parseString(
                "recall.itemcf.variant = bars"), "recall.itemcf"));
        assertEquals(B, bars.config().variant());
        ConfigError badVariant = assertThrows(ConfigError.class, () -> reg.create("itemcf", ConfigBlock.at(
                ConfigFactory.parseString("recall.itemcf.variant = topk"), "recall.itemcf")));
        assertTrue(badVariant.getMessage().contains("candidate-topk"), badVariant.getMessage());
        ConfigError typo = assertThrows(ConfigError.class, () -> reg.create("itemcf", ConfigBlock.at(
                ConfigFactory.parseString("recall.itemcf.neighbours = 20"), "recall.itemcf")));
        assertTrue(typo.getMessage().contains("did you mean `neighbors`"), typo.getMessage());
        ConfigError bad = assertThrows(ConfigError.class, () -> reg.create("itemcf", ConfigBlock.at(
                ConfigFactory.parseString("recall.itemcf.neighbors = 0"), "recall.itemcf")));
        assertTrue(bad.getMessage().contains("recall.itemcf.neighbors"), bad.getMessage());
    }

    /*
     * The variants on HAND with k = 1 (cosines from cosineByHand; r6 = sqrt 6):
     *   N_1(0) = {1} (0.8165)   N_1(1) = {0} (0.8165, tie with 2 broken by the smaller id)
     *   N_1(2) = {1} (0.8165)   N_1(3) = {2} (0.5 > 1/r6 = 0.4082)
     * u3 has history {3}:
     *   history-topk:   row of 3 is {2: 0.5}                     → s(2) = 0.5, all else 0
     *   candidate-topk: i scores sim(i, j) for j ∈ {3} ∩ N_1(i); no N_1(i) contains 3 → all 0
     * u1 has history {0, 1}:
     *   history-topk:   rows 0 → {1: .8165}, 1 → {0: .8165}      → s(0) = s(1) = .8165, s(2) = s(3) = 0
     *   candidate-topk: s(0) = sim(0,1) = .8165 (1 ∈ N_1(0)), s(1) = .8165 (0 ∈ N_1(1)), s(2) = sim(2,1) = .8165, s(3) = 0
     * bars (k = 1, rows L1-normalised → every kept weight is 1; μ = (2, 3, 2, 2) / 4 = (.5, .75, .5, .5)):
     *   bias(i) = μ_i − μ_{N_1(i)}: bias(0) = .5 − .75 = −.25, bias(1) = .75 − .5 = .25, bias(2) = −.25, bias(3) = 0
     *   u1: s(0) = −.25 + 1 = .75, s(1) = .25 + 1 = 1.25, s(2) = −.25 + 1 = .75, s(3) = 0
     *   u3: no N_1(i) meets I_u3 = {3}, so s = bias = (−.25, .25, −.25, 0)
     */
    @Test
    void variantsByHandWithOneNeighbour() {
        double c = 2 / Math.sqrt(6);
        assertArrayEquals(new float[]{(float) c, (float) c, 0, 0}, fit(HAND, 4, new ItemCfConfig(1, 0, false, false, H), 1).score(1), 1e-6f);
        assertArrayEquals(new float[]{0, 0, 0.5f, 0}, fit(HAND, 4, new ItemCfConfig(1, 0, false, false, H), 1).score(3), 1e-6f);
        assertArrayEquals(new float[]{(float) c, (float) c, (float) c, 0}, fit(HAND, 4, new ItemCfConfig(1, 0, false, false, C), 1).score(1), 1e-6f);
        assertArrayEquals(new float[]{0, 0, 0, 0}, fit(HAND, 4, new ItemCfConfig(1, 0, false, false, C), 1).score(3), 1e-6f);
        assertArrayEquals(new float[]{0.75f, 1.25f, 0.75f, 0}, fit(HAND, 4, new ItemCfConfig(1, 0, false, false, B), 1).score(1), 1e-6f);
        assertArrayEquals(new float[]{-0.25f, 0.25f, -0.25f, 0}, fit(HAND, 4, new ItemCfConfig(1, 0, false, false, B), 1).score(3), 1e-6f);
    }

    /** Each variant equals its dense formula on random data with truncation (k = 4 of 25 items), shrink and iuf. */
    @Test
    void variantsMatchDenseReference() {
        int[][] rows = Fixtures.random(40, 25, 0.2, 21);
        double[][] x = Fixtures.dense(Fixtures.log(25, rows));
        int k = 4, users = 40, items = 25;
        for (boolean iuf : new boolean[]{false, true}) {
            double[][] sim = bruteForce(x, 2, iuf);
            double[][] sk = truncate(sim, k);
            double[] mu = new double[items];
            for (double[] r : x) for (int i = 0; i < items; i++) mu[i] += r[i] / users;
            double[][] bar = new double[items][items];
            for (int i = 0; i < items; i++) {
                double l1 = 0;
                for (double v : sk[i]) l1 += Math.abs(v);
                for (int j = 0; j < items; j++) bar[i][j] = l1 > 0 ? sk[i][j] / l1 : 0;
            }
            float[][] hist = Fixtures.scoreAll(fit(rows, items, new ItemCfConfig(k, 2, iuf, false, H), 2), users);
            float[][] cand = Fixtures.scoreAll(fit(rows, items, new ItemCfConfig(k, 2, iuf, false, C), 3), users);
            float[][] bars = Fixtures.scoreAll(fit(rows, items, new ItemCfConfig(k, 2, iuf, false, B), 1), users);
            for (int u = 0; u < users; u++)
                for (int i = 0; i < items; i++) {
                    double h = 0, cs = 0, b = mu[i];
                    for (int j = 0; j < items; j++) {
                        h += x[u][j] * sk[j][i];        // history item j's kept row, column i
                        cs += x[u][j] * sk[i][j];       // candidate i's kept row, column j
                        b += bar[i][j] * (x[u][j] - mu[j]);
                    }
                    assertEquals(h, hist[u][i], 1e-5, "history-topk u" + u + " i" + i);
                    assertEquals(cs, cand[u][i], 1e-5, "candidate-topk u" + u + " i" + i);
                    assertEquals(b, bars[u][i], 1e-5, "bars u" + u + " i" + i);
                }
            // truncation makes the two neighbourhoods differ somewhere, so the test can tell them apart
            boolean differ = false;
            for (int u = 0; u < users && !differ; u++)
                for (int i = 0; i < items; i++) if (Math.abs(hist[u][i] - cand[u][i]) > 1e-4) { differ = true; break; }
            assertTrue(differ);
        }
    }

    /** Row i of sim keeping its k largest entries (ties by smaller column id), the rest zero. */
    static double[][] truncate(double[][] sim, int k) {
        int n = sim.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            boolean[] taken = new boolean[n];
            for (int t = 0; t < k; t++) {
                int best = -1;
                for (int j = 0; j < n; j++)
                    if (!taken[j] && sim[i][j] > 0 && (best < 0 || sim[i][j] > sim[i][best])) best = j;
                if (best < 0) break;
                taken[best] = true;
                out[i][best] = sim[i][best];
            }
        }
        return out;
    }

    /** sim(i,j) = sum_u w_u x_ui x_uj / (sqrt(n_i n_j) + shrink), i != j, straight from the dense matrix. */
    static double[][] bruteForce(double[][] x, double shrink, boolean iuf) {
        int users = x.length, items = x[0].length;
        double[] n = new double[items];
        for (double[] row : x) for (int i = 0; i < items; i++) n[i] += row[i];
        double[][] sim = new double[items][items];
        for (int i = 0; i < items; i++)
            for (int j = 0; j < items; j++) {
                if (i == j) continue;
                double co = 0;
                for (int u = 0; u < users; u++) {
                    double deg = 0;
                    for (double v : x[u]) deg += v;
                    co += x[u][i] * x[u][j] * (iuf ? 1 / Math.log(1 + deg) : 1);
                }
                sim[i][j] = co / (Math.sqrt(n[i] * n[j]) + shrink);
            }
        return sim;
    }
}
