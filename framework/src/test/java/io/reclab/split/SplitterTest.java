package io.reclab.split;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class SplitterTest {
    private static final Dataset DATA = SplitFixtures.random(7, 60, 40, 12);

    private static Splitter make(String name, String hocon) {
        Registry<Splitter> reg = new Registry<Splitter>("splitter")
                .register(RandomSplitterFactory.NAME, RandomSplitterFactory.DESCRIPTION, new RandomSplitterFactory())
                .register(LeaveOneOutSplitterFactory.NAME, LeaveOneOutSplitterFactory.DESCRIPTION, new LeaveOneOutSplitterFactory())
                .register(TemporalSplitterFactory.NAME, TemporalSplitterFactory.DESCRIPTION, new TemporalSplitterFactory())
                .register(PredefinedSplitterFactory.NAME, PredefinedSplitterFactory.DESCRIPTION, new PredefinedSplitterFactory());
        return reg.create(name, ConfigBlock.at(ConfigFactory.parseString("split {" + hocon + "}"), "split"));
    }

    private static int[] count(Dataset d, byte[] lab, byte part) {
        int[] c = new int[d.interactions().numUsers()];
        for (int r = 0; r < lab.length; r++) if (lab[r] == part) c[d.interactions().user(r)]++;
        return c;
    }

    @Test
    void perUserSizesRounding() {
        // n=5, 0.2: round(1.0)=1 ; n=3, 0.2: round(0.6)=1 ; n=10, 0.25: round(2.5)=3 (half up)
        assertArrayEquals(new int[]{1, 0}, Parts.perUserSizes(5, 0.2, 0));
        assertArrayEquals(new int[]{1, 0}, Parts.perUserSizes(3, 0.2, 0));
        assertArrayEquals(new int[]{3, 0}, Parts.perUserSizes(10, 0.25, 0));
        // n=2, 0.9: round(1.8)=2, clamped to n-1=1 so train keeps one; n=1: everything stays in train
        assertArrayEquals(new int[]{1, 0}, Parts.perUserSizes(2, 0.9, 0));
        assertArrayEquals(new int[]{0, 0}, Parts.perUserSizes(1, 0.5, 0));
        // n=10, test .2 -> 2, valid .1 -> round(1.0)=1 ; n=3, .2/.1: test 1, valid max(1, round(.3)=0)=1, train 1
        assertArrayEquals(new int[]{2, 1}, Parts.perUserSizes(10, 0.2, 0.1));
        assertArrayEquals(new int[]{1, 1}, Parts.perUserSizes(3, 0.2, 0.1));
        // n=2 with validation: test 1, only one row left so no validation
        assertArrayEquals(new int[]{1, 0}, Parts.perUserSizes(2, 0.2, 0.1));
    }

    @Test
    void randomPerUserPartitionsAndKeepsEveryEligibleUser() {
        Splitter s = make("random", "test-ratio = 0.3, valid-ratio = 0.1");
        SplitResult r = s.split(DATA, new Well19937c(1));
        byte[] lab = SplitFixtures.labels(DATA, r);
        int[] all = DATA.interactions().userCounts();
        int[] tr = count(DATA, lab, Dataset.TRAIN), va = count(DATA, lab, Dataset.VALID), te = count(DATA, lab, Dataset.TEST);
        for (int u = 0; u < all.length; u++) {
            int[] sz = Parts.perUserSizes(all[u], 0.3, 0.1);
            assertEquals(sz[0], te[u], "test size of user " + u);
            assertEquals(sz[1], va[u], "valid size of user " + u);
            assertTrue(tr[u] >= 1 || all[u] == 0);
            if (all[u] >= 2) assertTrue(te[u] >= 1);
        }
        assertEquals("random 60/10/30 per user", r.protocol());
    }

    @Test
    void randomIsSeedDeterministicAndSeedSensitive() {
        Splitter s = make("random", "");
        byte[] a = SplitFixtures.labels(DATA, s.split(DATA, new Well19937c(11)));
        byte[] b = SplitFixtures.labels(DATA, s.split(DATA, new Well19937c(11)));
        byte[] c = SplitFixtures.labels(DATA, s.split(DATA, new Well19937c(12)));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        Splitter g = make("random", "per-user = false");
        assertFalse(Arrays.equals(SplitFixtures.labels(DATA, g.split(DATA, new Well19937c(11))),
                SplitFixtures.labels(DATA, g.split(DATA, new Well19937c(12)))));
    }

    @Test
    void randomGlobalCutsExactCounts() {
        SplitResult r = make("random", "per-user = false, test-ratio = 0.25, valid-ratio = 0.15").split(DATA, new Well19937c(3));
        SplitFixtures.labels(DATA, r);
        int n = DATA.interactions().size();
        assertEquals(Math.round(n * 0.25), r.test().size());
        assertEquals(Math.round(n * 0.15), r.valid().size());
        assertEquals("random 60/15/25 global", r.protocol());
    }

    @Test
    void randomPerUserTestItemsAreRoughlyUniform() {
        // one user with 10 rows, test-ratio .2 -> 2 rows to test; over 2000 seeds each row is picked ~ 2000*2/10 = 400 times
        int[] u = new int[10], it = new int[10];
        long[] t = new long[10];
        for (int k = 0; k < 10; k++) it[k] = k;
        Dataset d = SplitFixtures.of(u, it, t, 1, 10, null);
        Splitter s = make("random", "test-ratio = 0.2, valid-ratio = 0");
        int[] hits = new int[10];
        for (int seed = 0; seed < 2000; seed++) {
            SplitResult r = s.split(d, new Well19937c(seed));
            for (int k = 0; k < r.test().size(); k++) hits[r.test().item(k)]++;
        }
        // binomial sd = sqrt(2000 * .2 * .8) ~ 17.9; allow ~5 sd
        for (int h : hits) assertEquals(400, h, 90);
    }

    @Test
    void leaveOneOutTakesLatestWithRowTieBreak() {
        // user 0: rows 0..3 with times 5, 3, 9, 9 -> latest is row 3 (time 9, later row), next latest row 2
        // user 1: one row -> stays in train; user 2: two rows -> test gets the later time (row 5, time 8)
        int[] u = {0, 0, 0, 0, 1, 2, 2};
        int[] it = {0, 1, 2, 3, 0, 1, 2};
        long[] t = {5, 3, 9, 9, 1, 8, 2};
        Dataset d = SplitFixtures.of(u, it, t, 3, 4, null);
        byte[] lab = SplitFixtures.labels(d, make("leave-one-out", "valid = false").split(d, null));
        assertArrayEquals(new byte[]{0, 0, 0, 2, 0, 2, 0}, lab);
        SplitResult rv = make("leave-one-out", "valid = true").split(d, null);
        lab = SplitFixtures.labels(d, rv);
        // with validation user 2 has only 2 rows (< 3) and stays in train
        assertArrayEquals(new byte[]{0, 0, 1, 2, 0, 0, 0}, lab);
        assertTrue(rv.protocol().startsWith("leave-one-out"));
    }

    @Test
    void leaveOneOutOnRandomDataKeepsOrder() {
        byte[] lab = SplitFixtures.labels(DATA, make("leave-one-out", "valid = true").split(DATA, null));
        Interactions x = DATA.interactions();
        int[] all = x.userCounts();
        for (int u = 0; u < all.length; u++) {
            long maxTrain = Long.MIN_VALUE, valid = Long.MIN_VALUE, test = Long.MIN_VALUE;
            int nt = 0, nv = 0;
            for (int r = 0; r < x.size(); r++) {
                if (x.user(r) != u) continue;
                if (lab[r] == 0) maxTrain = Math.max(maxTrain, x.time(r));
                if (lab[r] == 1) { valid = x.time(r); nv++; }
                if (lab[r] == 2) { test = x.time(r); nt++; }
            }
            if (all[u] >= 3) {
                assertEquals(1, nt); assertEquals(1, nv);
                assertTrue(maxTrain <= valid && valid <= test, "user " + u);
            } else {
                assertEquals(0, nt + nv);
            }
        }
    }

    @Test
    void temporalGlobalRespectsTime() {
        SplitResult r = make("temporal", "test-ratio = 0.2, valid-ratio = 0.1").split(DATA, null);
        SplitFixtures.labels(DATA, r);
        int n = DATA.interactions().size();
        assertEquals(Math.round(n * 0.2), r.test().size());
        assertEquals(Math.round(n * 0.1), r.valid().size());
        long maxTrain = max(r.train()), minValid = min(r.valid()), maxValid = max(r.valid()), minTest = min(r.test());
        assertTrue(maxTrain <= minValid && maxValid <= minTest, maxTrain + " " + minValid + " " + maxValid + " " + minTest);
        assertTrue(r.protocol().startsWith("temporal 70/10/20 global"));
    }

    @Test
    void temporalGlobalHandExample() {
        // times 40, 10, 30, 20, 50 ; test-ratio .4 -> round(2.0)=2 latest rows (times 50, 40 = rows 4, 0)
        int[] u = {0, 1, 0, 1, 2};
        int[] it = {0, 0, 1, 1, 0};
        long[] t = {40, 10, 30, 20, 50};
        Dataset d = SplitFixtures.of(u, it, t, 3, 2, null);
        assertArrayEquals(new byte[]{2, 0, 0, 0, 2}, SplitFixtures.labels(d, make("temporal", "test-ratio = 0.4, valid-ratio = 0").split(d, null)));
    }

    @Test
    void temporalPerUserRespectsTimePerUser() {
        SplitResult r = make("temporal", "mode = per-user, test-ratio = 0.25, valid-ratio = 0").split(DATA, null);
        byte[] lab = SplitFixtures.labels(DATA, r);
        Interactions x = DATA.interactions();
        int[] all = x.userCounts();
        int[] te = count(DATA, lab, Dataset.TEST), tr = count(DATA, lab, Dataset.TRAIN);
        for (int u = 0; u < all.length; u++) {
            assertEquals(Parts.perUserSizes(all[u], 0.25, 0)[0], te[u]);
            if (all[u] >= 2) assertTrue(tr[u] >= 1 && te[u] >= 1);
            long maxTrain = Long.MIN_VALUE, minTest = Long.MAX_VALUE;
            for (int k = 0; k < x.size(); k++) {
                if (x.user(k) != u) continue;
                if (lab[k] == 0) maxTrain = Math.max(maxTrain, x.time(k));
                else minTest = Math.min(minTest, x.time(k));
            }
            assertTrue(maxTrain <= minTest, "user " + u);
        }
        assertEquals("temporal 75/25 per user", r.protocol());
    }

    @Test
    void predefinedUsesShippedPartsOrExplains() {
        int[] u = {0, 0, 1, 1};
        int[] it = {0, 1, 0, 1};
        long[] t = new long[4];
        byte[] parts = {Dataset.TRAIN, Dataset.TEST, Dataset.VALID, Dataset.TRAIN};
        Dataset d = SplitFixtures.of(u, it, t, 2, 2, parts);
        assertArrayEquals(parts, SplitFixtures.labels(d, make("predefined", "").split(d, null)));
        ConfigError e = assertThrows(ConfigError.class, () -> make("predefined", "").split(DATA, null));
        assertTrue(e.getMessage().contains("dataset toy ships no split; use random"), e.getMessage());
    }

    @Test
    void shippedDefaultsHoldOutValidation() {
        // every default split has a validation part: random per user 80/10/10, leave-one-out's second latest
        // interaction, temporal 80/10/10
        SplitResult r = make("random", "").split(DATA, new Well19937c(5));
        assertTrue(r.valid().size() > 0 && r.protocol().equals("random 80/10/10 per user"), r.protocol());
        assertTrue(make("leave-one-out", "").split(DATA, null).valid().size() > 0);
        assertTrue(make("temporal", "").split(DATA, null).valid().size() > 0);
    }

    @Test
    void predefinedWithoutValidationCarvesASeededShareOfEachUsersTrainRows() {
        // user 0: 10 train rows + 1 test; user 1: 1 train row (kept whole) + 1 test
        int n = 13;
        int[] u = new int[n], it = new int[n];
        long[] t = new long[n];
        byte[] parts = new byte[n];
        for (int k = 0; k < 11; k++) { u[k] = 0; it[k] = k; }
        parts[10] = Dataset.TEST;
        u[11] = 1; it[11] = 0;
        u[12] = 1; it[12] = 1; parts[12] = Dataset.TEST;
        Dataset d = SplitFixtures.of(u, it, t, 2, 11, parts);
        byte[] a = SplitFixtures.labels(d, make("predefined", "valid-ratio = 0.2").split(d, new Well19937c(3)));
        byte[] b = SplitFixtures.labels(d, make("predefined", "valid-ratio = 0.2").split(d, new Well19937c(3)));
        assertArrayEquals(a, b, "same seed, same carve");
        int valid = 0;
        for (int k = 0; k < n; k++) {
            if (parts[k] == Dataset.TEST) assertEquals(Dataset.TEST, a[k], "test rows never move");
            if (a[k] == Dataset.VALID) { valid++; assertEquals(0, u[k], "user 1 has a single train row"); }
        }
        assertEquals(2, valid, "round(10 * 0.2) of user 0's train rows");
        assertArrayEquals(parts, SplitFixtures.labels(d, make("predefined", "valid-ratio = 0").split(d, new Well19937c(3))));
    }

    @Test
    void badConfigIsRejected() {
        ConfigError e = assertThrows(ConfigError.class, () -> make("random", "test-ratio = 1.2"));
        assertTrue(e.getMessage().contains("split.test-ratio"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> make("random", "test-ratio = 0.6, valid-ratio = 0.5"));
        assertTrue(e.getMessage().contains("< 1"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> make("random", "test-ration = 0.1"));
        assertTrue(e.getMessage().contains("did you mean `test-ratio`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> make("temporal", "mode = daily"));
        assertTrue(e.getMessage().contains("global, per-user"), e.getMessage());
    }

    private static long max(Interactions x) {
        long m = Long.MIN_VALUE;
        for (long t : x.timeColumn()) m = Math.max(m, t);
        return m;
    }

    private static long min(Interactions x) {
        long m = Long.MAX_VALUE;
        for (long t : x.timeColumn()) m = Math.min(m, t);
        return m;
    }
}
