package io.reclab.data.synthetic;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.data.Csr;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureField;
import io.reclab.data.Interactions;
import io.reclab.data.loader.Sha256;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticGeneratorTest {
    private static Dataset gen(long seed) {
        SyntheticConfig d = SyntheticConfig.defaults();
        return new SyntheticGenerator(new SyntheticConfig(d.name(), seed, d.users(), d.items(), d.clusters(), d.factors(),
                d.interactionsPerUser(), d.spread(), d.popularityExponent(), d.affinity(), d.noise(), d.days())).generate();
    }

    /** The default dataset, generated once for the read-only checks below (generation is deterministic). */
    private static Dataset defaultDataset;

    private static synchronized Dataset defaults() {
        if (defaultDataset == null) defaultDataset = gen(42);
        return defaultDataset;
    }

    @Test
    void deterministicForASeedAndDifferentAcrossSeeds() {
        Dataset a = defaults(), b = gen(42), c = gen(43);
        Interactions x = a.interactions(), y = b.interactions(), z = c.interactions();
        assertArrayEquals(x.userColumn(), y.userColumn());
        assertArrayEquals(x.itemColumn(), y.itemColumn());
        assertArrayEquals(x.valueColumn(), y.valueColumn());
        assertArrayEquals(x.timeColumn(), y.timeColumn());
        assertEquals(a.info(), b.info());
        assertArrayEquals(((FeatureField.MultiValued) a.itemFeatures().field("tags").orElseThrow()).codes(),
                ((FeatureField.MultiValued) b.itemFeatures().field("tags").orElseThrow()).codes());
        assertNotEquals(a.info().sha256(), c.info().sha256());
        assertFalse(Arrays.equals(x.itemColumn(), z.itemColumn()) && Arrays.equals(x.userColumn(), z.userColumn()));
        assertEquals(Sha256.ofInteractions(x), a.info().sha256());
    }

    @Test
    void theLogDoesNotDependOnTheThreadCount() {
        SyntheticConfig c = SyntheticConfig.defaults();
        Interactions one = new SyntheticGenerator(c).generate(1).interactions(), three = new SyntheticGenerator(c).generate(3).interactions();
        assertArrayEquals(one.userColumn(), three.userColumn());
        assertArrayEquals(one.itemColumn(), three.itemColumn());
        assertArrayEquals(one.timeColumn(), three.timeColumn());
    }

    @Test
    void shapeMatchesConfigAndLogIsTimeOrdered() {
        Dataset ds = gen(7);
        Interactions x = ds.interactions();
        assertEquals(1000, x.numUsers());
        assertEquals(800, x.numItems());
        assertEquals(new io.reclab.data.DatasetInfo("synthetic", SyntheticConfig.defaults().describe().replace("seed=42", "seed=7"),
                ds.info().sha256(), 1000, 800, x.size()), ds.info());
        // mean activity 40 with 10% spread slack: 1000 users -> between 36k and 44k rows
        assertTrue(x.size() > 36_000 && x.size() < 44_000, "rows " + x.size());
        long[] t = x.timeColumn();
        for (int r = 1; r < t.length; r++) assertTrue(t[r - 1] <= t[r]);
        assertTrue(t[0] >= SyntheticConfig.EPOCH && t[t.length - 1] < SyntheticConfig.EPOCH + 365 * 86_400L);
        // no duplicate (user, item) pairs, every user has >= 2 rows, ratings are integers in 1..5
        Csr m = x.byUser();
        for (int u = 0; u < m.rows; u++) {
            assertTrue(m.rowLength(u) >= 2);
            for (int p = m.rowStart(u) + 1; p < m.rowEnd(u); p++) assertTrue(m.indices[p - 1] < m.indices[p]);
        }
        for (float v : x.valueColumn()) assertTrue(v >= 1 && v <= 5 && v == Math.rint(v));
        // Zipf skew: the top 10% of items hold far more than 10% of interactions
        int[] cnt = x.itemCounts();
        int[] sorted = cnt.clone();
        Arrays.sort(sorted);
        long top = 0;
        for (int i = sorted.length - 80; i < sorted.length; i++) top += sorted[i];
        assertTrue(top > 0.3 * x.size(), "top-10% share " + (double) top / x.size());
    }

    @Test
    void sideFeaturesTrackTheLatentClusters() {
        Dataset ds = defaults();
        Interactions x = ds.interactions();
        FeatureField.Categorical seg = (FeatureField.Categorical) ds.userFeatures().field("segment").orElseThrow();
        FeatureField.Categorical cat = (FeatureField.Categorical) ds.itemFeatures().field("category").orElseThrow();
        // a user's items share the user's segment as category far more often than the 1/8 of chance
        int same = 0;
        for (int r = 0; r < x.size(); r++) if (seg.code(x.user(r)) == cat.code(x.item(r))) same++;
        double share = (double) same / x.size();
        assertTrue(share > 0.4, "segment/category agreement " + share);
        assertEquals(8, seg.vocabulary().size());
        FeatureField.MultiValued tags = (FeatureField.MultiValued) ds.itemFeatures().field("tags").orElseThrow();
        assertEquals(24, tags.vocabulary().size());
        for (int i = 0; i < x.numItems(); i++) assertTrue(tags.codesOf(i).length >= 1);
    }

    @Test
    void factoryReadsKeysAndRejectsTypos() {
        Registry<DatasetLoader> reg = new Registry<DatasetLoader>("dataset format")
                .register(SyntheticFactory.NAME, SyntheticFactory.DESCRIPTION, new SyntheticFactory());
        ConfigBlock ok = ConfigBlock.at(ConfigFactory.parseString("dataset { users = 50, items = 40, seed = 3, noise = 0.2 }"), "dataset");
        SyntheticConfig c = ((SyntheticLoader) reg.create("synthetic", ok)).config();
        assertEquals(50, c.users());
        assertEquals(40, c.items());
        assertEquals(3, c.seed());
        assertEquals(0.2, c.noise());
        assertEquals(8, c.clusters());
        ConfigBlock typo = ConfigBlock.at(ConfigFactory.parseString("dataset { user = 50 }"), "dataset");
        ConfigError e = assertThrows(ConfigError.class, () -> reg.create("synthetic", typo));
        assertTrue(e.getMessage().contains("did you mean `users`"), e.getMessage());
        ConfigBlock bad = ConfigBlock.at(ConfigFactory.parseString("dataset { noise = 1.5 }"), "dataset");
        assertThrows(ConfigError.class, () -> reg.create("synthetic", bad));
    }

    /**
     * The point of the generator: personalised models must clearly beat popularity. Reference recommenders written
     * here by brute force: item-item cosine over binary train vectors, score(u, i) = sum over u's train items j of
     * cos(i, j); popularity = train count. Random 80/20 split of rows, train items excluded, NDCG@10 averaged over
     * users with test items.
     */
    @Test
    void itemItemCosineClearlyBeatsPopularity() {
        Interactions x = defaults().interactions();
        int nU = x.numUsers(), nI = x.numItems();
        SplittableRandom r = new SplittableRandom(2026);
        boolean[][] train = new boolean[nU][nI], test = new boolean[nU][nI];
        for (int row = 0; row < x.size(); row++) {
            if (r.nextDouble() < 0.8) train[x.user(row)][x.item(row)] = true;
            else test[x.user(row)][x.item(row)] = true;
        }
        double[][] co = new double[nI][nI];
        double[] pop = new double[nI];
        for (int u = 0; u < nU; u++) {
            int[] items = indices(train[u]);
            for (int a : items) { pop[a]++; for (int b : items) co[a][b]++; }
        }
        double[][] cos = new double[nI][nI];
        for (int a = 0; a < nI; a++)
            for (int b = 0; b < nI; b++)
                if (a != b && co[a][b] > 0) cos[a][b] = co[a][b] / Math.sqrt(pop[a] * pop[b]);
        double ndcgCf = 0, ndcgPop = 0;
        int users = 0;
        for (int u = 0; u < nU; u++) {
            int nTest = indices(test[u]).length;
            if (nTest == 0) continue;
            users++;
            double[] s = new double[nI];
            for (int j : indices(train[u])) for (int i = 0; i < nI; i++) s[i] += cos[j][i];
            ndcgCf += ndcg(s, train[u], test[u], nTest);
            ndcgPop += ndcg(pop, train[u], test[u], nTest);
        }
        ndcgCf /= users;
        ndcgPop /= users;
        System.out.printf("synthetic NDCG@10: item-cosine %.4f, popularity %.4f, ratio %.2f%n", ndcgCf, ndcgPop, ndcgCf / ndcgPop);
        assertTrue(ndcgCf > 1.5 * ndcgPop, "item-cosine " + ndcgCf + " vs popularity " + ndcgPop);
    }

    private static int[] indices(boolean[] b) {
        int n = 0;
        for (boolean v : b) if (v) n++;
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < b.length; i++) if (b[i]) out[n++] = i;
        return out;
    }

    /** NDCG@10 of the top 10 by score (ties by lower id), train items excluded; IDCG over min(|test|, 10) hits. */
    private static double ndcg(double[] score, boolean[] exclude, boolean[] rel, int nRel) {
        boolean[] used = new boolean[score.length];
        double dcg = 0;
        for (int rank = 1; rank <= 10; rank++) {
            int best = -1;
            for (int i = 0; i < score.length; i++) {
                if (exclude[i] || used[i]) continue;
                if (best < 0 || score[i] > score[best]) best = i;
            }
            used[best] = true;
            if (rel[best]) dcg += 1 / (Math.log(rank + 1) / Math.log(2));
        }
        double idcg = 0;
        for (int rank = 1; rank <= Math.min(nRel, 10); rank++) idcg += 1 / (Math.log(rank + 1) / Math.log(2));
        return dcg / idcg;
    }
}
