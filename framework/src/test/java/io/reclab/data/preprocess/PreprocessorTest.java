package io.reclab.data.preprocess;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.data.loader.DelimitedFactory;
import io.reclab.data.loader.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessorTest {
    private static IdMap names(String prefix, int n) {
        IdMap.Builder b = new IdMap.Builder();
        for (int i = 0; i < n; i++) b.add(prefix + i);
        return b.build();
    }

    private static Dataset dataset(int[] u, int[] i, float[] v, long[] t, int nU, int nI, byte[] parts) {
        Interactions x = new Interactions(u, i, v, t, names("u", nU), names("i", nI));
        return new Dataset(new DatasetInfo("t", "src", "abc", nU, nI, u.length), x,
                FeatureTable.empty(nU), FeatureTable.empty(nI), parts);
    }

    private static Preprocessing pp(Double min, boolean bin, int uc, int ic, Preprocessing.Dedupe d) {
        return new Preprocessing(min == null ? OptionalDouble.empty() : OptionalDouble.of(min), bin, uc, ic, d);
    }

    private static List<String> rows(Interactions x) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < x.size(); r++)
            out.add(x.users().external(x.user(r)) + "-" + x.items().external(x.item(r)) + ":" + x.value(r) + "@" + x.time(r));
        return out;
    }

    @Test
    void dedupeKeepsFirstOrLastByTimeWithLogOrderTies() {
        //          row: 0     1     2     3     4     5
        int[] u = {0, 0, 1, 0, 0, 1};
        int[] i = {0, 1, 0, 0, 0, 1};
        float[] v = {1, 2, 3, 4, 5, 6};
        long[] t = {50, 10, 10, 20, 50, 10};
        Dataset ds = dataset(u, i, v, t, 2, 2, null);
        // pair (u0, i0) = rows 0 (t50), 3 (t20), 4 (t50): first by time = row 3; last = row 4 (tie with row 0, later in log)
        assertEquals(List.of("u0-i1:2.0@10", "u1-i0:3.0@10", "u0-i0:4.0@20", "u1-i1:6.0@10"),
                rows(Preprocessor.apply(ds, pp(null, false, 0, 0, Preprocessing.Dedupe.FIRST)).interactions()));
        assertEquals(List.of("u0-i1:2.0@10", "u1-i0:3.0@10", "u0-i0:5.0@50", "u1-i1:6.0@10"),
                rows(Preprocessor.apply(ds, pp(null, false, 0, 0, Preprocessing.Dedupe.LAST)).interactions()));
        // dedupe runs before min-rating: "first" keeps row 3 (4.0), which min-rating 4.5 then drops
        assertEquals(List.of("u1-i1:6.0@10"),
                rows(Preprocessor.apply(ds, pp(4.5, false, 0, 0, Preprocessing.Dedupe.FIRST)).interactions()));
    }

    @Test
    void minRatingBinarizeAndCompactReindexing() {
        int[] u = {2, 0, 1, 2, 0};
        int[] i = {1, 2, 0, 0, 1};
        float[] v = {5, 2, 3, 4, 1};
        long[] t = {1, 2, 3, 4, 5};
        byte[] parts = {0, 0, 1, 2, 2};
        Dataset raw = dataset(u, i, v, t, 3, 3, parts);
        FeatureTable uf = new FeatureTable(3, List.of(new FeatureField.Numeric("age", new float[] {10, 11, 12}),
                new FeatureField.Text("nick", new String[] {"a", "b", "c"})));
        FeatureTable itf = new FeatureTable(3, List.of(
                new FeatureField.Categorical("cat", new int[] {0, 1, -1}, List.of("x", "y")),
                new FeatureField.MultiValued("tags", new int[] {0, 1, 1, 3}, new int[] {0, 0, 1}, List.of("p", "q"))));
        Dataset ds = new Dataset(raw.info(), raw.interactions(), uf, itf, parts);
        Dataset out = Preprocessor.apply(ds, pp(3.0, true, 0, 0, Preprocessing.Dedupe.NONE));
        Interactions y = out.interactions();
        // rows kept: 0 (u2,i1,5), 2 (u1,i0,3), 3 (u2,i0,4); user u0 and item i2 lose all rows
        // survivors in old dense order: users u1, u2 -> 0, 1; items i0, i1 -> 0, 1
        assertEquals(List.of("u1", "u2"), y.users().externals());
        assertEquals(List.of("i0", "i1"), y.items().externals());
        assertArrayEquals(new int[] {1, 0, 1}, y.userColumn());
        assertArrayEquals(new int[] {1, 0, 0}, y.itemColumn());
        assertArrayEquals(new float[] {1, 1, 1}, y.valueColumn());
        assertArrayEquals(new long[] {1, 3, 4}, y.timeColumn());
        assertArrayEquals(new byte[] {0, 1, 2}, out.predefinedParts());
        assertEquals(new DatasetInfo("t", "src", "abc", 2, 2, 3), out.info());
        assertArrayEquals(new float[] {11, 12}, ((FeatureField.Numeric) out.userFeatures().field("age").orElseThrow()).values());
        assertArrayEquals(new String[] {"b", "c"}, ((FeatureField.Text) out.userFeatures().field("nick").orElseThrow()).values());
        assertArrayEquals(new int[] {0, 1}, ((FeatureField.Categorical) out.itemFeatures().field("cat").orElseThrow()).codes());
        FeatureField.MultiValued tags = (FeatureField.MultiValued) out.itemFeatures().field("tags").orElseThrow();
        assertArrayEquals(new int[] {0}, tags.codesOf(0));
        assertArrayEquals(new int[] {}, tags.codesOf(1));
        assertEquals(List.of("p", "q"), tags.vocabulary());
        assertSame(ds, Preprocessor.apply(ds, Preprocessing.NONE));
    }

    /** Reference k-core: drop ONE violating row at a time, recounting from scratch, scanning from the end. */
    private static boolean[] bruteForceCore(int[] u, int[] i, int nU, int nI, int uc, int ic) {
        boolean[] keep = new boolean[u.length];
        java.util.Arrays.fill(keep, true);
        while (true) {
            int[] cu = new int[nU], ci = new int[nI];
            for (int r = 0; r < u.length; r++) if (keep[r]) { cu[u[r]]++; ci[i[r]]++; }
            int victim = -1;
            for (int r = u.length - 1; r >= 0 && victim < 0; r--) if (keep[r] && (cu[u[r]] < uc || ci[i[r]] < ic)) victim = r;
            if (victim < 0) return keep;
            keep[victim] = false;
        }
    }

    @Test
    void kCoreMatchesBruteForceFixpointOnRandomLogs() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int trial = 0; trial < 60; trial++) {
            int nU = 3 + rnd.nextInt(15), nI = 3 + rnd.nextInt(15), n = rnd.nextInt(120);
            int[] u = new int[n], i = new int[n];
            float[] v = new float[n];
            long[] t = new long[n];
            for (int r = 0; r < n; r++) {
                u[r] = rnd.nextInt(nU);
                i[r] = (int) Math.min(nI - 1, Math.floor(nI * Math.pow(rnd.nextDouble(), 2)));
                v[r] = r;
                t[r] = r;
            }
            int uc = rnd.nextInt(6), ic = rnd.nextInt(6);
            Dataset ds = dataset(u, i, v, t, nU, nI, null);
            Interactions y = Preprocessor.apply(ds, pp(null, false, uc, ic, Preprocessing.Dedupe.NONE)).interactions();
            boolean[] keep = bruteForceCore(u, i, nU, nI, uc, ic);
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < n; r++) if (keep[r]) expected.add("u" + u[r] + "-i" + i[r] + ":" + v[r] + "@" + t[r]);
            assertEquals(expected, rows(y), "trial " + trial + " uc=" + uc + " ic=" + ic);
            // with a real core, ids are compacted to survivors; cores <= 1 are a no-op that keeps empty entities
            if (uc > 1 || ic > 1) {
                for (int c : y.userCounts()) assertTrue(c >= Math.max(1, uc));
                for (int c : y.itemCounts()) assertTrue(c >= Math.max(1, ic));
            } else {
                assertEquals(nU, y.numUsers());
            }
        }
    }

    @Test
    void configParsingWithDefaultsAndUnknownKeys() {
        Preprocessing none = Preprocessing.fromDataset(ConfigBlock.at(ConfigFactory.parseString("dataset { format = csv }"), "dataset"));
        assertEquals(Preprocessing.NONE, none);
        Preprocessing p = Preprocessing.fromDataset(ConfigBlock.at(ConfigFactory.parseString(
                "dataset.preprocess { min-rating = 4, binarize = true, user-core = 5, item-core = 10, dedupe = last }"), "dataset"));
        assertEquals(pp(4.0, true, 5, 10, Preprocessing.Dedupe.LAST), p);
        ConfigError e = assertThrows(ConfigError.class, () -> Preprocessing.fromDataset(ConfigBlock.at(
                ConfigFactory.parseString("dataset.preprocess { user-cores = 5 }"), "dataset")));
        assertEquals("unknown key `user-cores` in dataset.preprocess; did you mean `user-core`?", e.getMessage());
        e = assertThrows(ConfigError.class, () -> Preprocessing.fromDataset(ConfigBlock.at(
                ConfigFactory.parseString("dataset.preprocess { dedupe = latest }"), "dataset")));
        assertTrue(e.getMessage().contains("expected one of none, first, last"), e.getMessage());
    }

    @Test
    void preprocessedLogRoundTripsThroughGenericCsv(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 400;
        int[] u = new int[n], i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int r = 0; r < n; r++) { u[r] = rnd.nextInt(30); i[r] = rnd.nextInt(25); v[r] = 1 + rnd.nextInt(5); t[r] = 1000 + r; }
        Dataset core = Preprocessor.apply(dataset(u, i, v, t, 30, 25, null), pp(2.0, false, 3, 3, Preprocessing.Dedupe.FIRST));
        Path f = Fixtures.writeCsv(dir.resolve("core.csv"), core.interactions());
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("dataset.path", f.toString());
        cfg.put("dataset.columns.rating", "rating");
        cfg.put("dataset.columns.time", "time");
        ConfigBlock b = ConfigBlock.at(ConfigFactory.parseMap(cfg), "dataset");
        Interactions back = new DelimitedFactory().create(b).load().interactions();
        assertEquals(rows(core.interactions()), rows(back));
        // re-applying the same preprocessing to its own output changes nothing
        Dataset again = Preprocessor.apply(core, pp(2.0, false, 3, 3, Preprocessing.Dedupe.FIRST));
        assertEquals(rows(core.interactions()), rows(again.interactions()));
        assertEquals(core.interactions().users().externals(), again.interactions().users().externals());
    }
}
