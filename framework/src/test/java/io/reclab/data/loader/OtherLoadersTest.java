package io.reclab.data.loader;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.data.DataFormatException;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureField;
import io.reclab.data.Interactions;
import io.reclab.data.synthetic.SyntheticConfig;
import io.reclab.data.synthetic.SyntheticGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RecBole atomic files, LightGCN text and the generic delimited format. */
class OtherLoadersTest {
    @TempDir Path dir;

    private static final Registry<DatasetLoader> FORMATS = new Registry<DatasetLoader>("dataset format")
            .register(RecBoleFactory.NAME, RecBoleFactory.DESCRIPTION, new RecBoleFactory())
            .register(LightGcnFactory.NAME, LightGcnFactory.DESCRIPTION, new LightGcnFactory())
            .register(DelimitedFactory.NAME, DelimitedFactory.DESCRIPTION, new DelimitedFactory());

    private static Dataset load(String format, Path path, String extra) throws Exception {
        ConfigBlock b = ConfigBlock.at(ConfigFactory.parseString("dataset { " + extra + " }")
                .withFallback(ConfigFactory.parseMap(Map.of("dataset.path", path.toString()))), "dataset");
        return FORMATS.create(format, b).load();
    }

    private static List<String> ext(Interactions x, boolean users) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < x.size(); r++) out.add(users ? x.users().external(x.user(r)) : x.items().external(x.item(r)));
        return out;
    }

    @Test
    void recBoleAtomicFilesWithSideFeatures() throws Exception {
        Path inter = Fixtures.write(dir, "toy.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float",
                "u1\ti9\t4\t881250949.0", "u2\ti9\t2.5\t881250950", "u1\ti3\t5\t881250951.9");
        Path user = Fixtures.write(dir, "toy.user", "user_id:token\tage:float\tgender:token",
                "u2\t31\tF", "u1\t\tM", "u9\t40\tF");
        Path item = Fixtures.write(dir, "toy.item", "item_id:token\tgenre:token_seq\tprice:float\temb:float_seq",
                "i3\tAction  Comedy\t9.5\t0.1 0.2", "i9\tDrama\t\t0.3");
        Dataset ds = load("recbole", dir, "name = toy");
        Interactions x = ds.interactions();
        assertEquals(List.of("u1", "u2", "u1"), ext(x, true));
        assertEquals(List.of("i9", "i9", "i3"), ext(x, false));
        assertArrayEquals(new float[] {4, 2.5f, 5}, x.valueColumn());
        // float timestamps: fractional seconds dropped
        assertArrayEquals(new long[] {881250949L, 881250950L, 881250951L}, x.timeColumn());
        assertNull(ds.predefinedParts());
        assertEquals(Fixtures.concatSha(inter, user, item), ds.info().sha256());
        FeatureField.Numeric age = (FeatureField.Numeric) ds.userFeatures().field("age").orElseThrow();
        assertTrue(Float.isNaN(age.value(0)));
        assertEquals(31f, age.value(1));
        FeatureField.Categorical gender = (FeatureField.Categorical) ds.userFeatures().field("gender").orElseThrow();
        assertEquals(List.of("F", "M"), gender.vocabulary());
        assertArrayEquals(new int[] {1, 0}, gender.codes());
        FeatureField.MultiValued genre = (FeatureField.MultiValued) ds.itemFeatures().field("genre").orElseThrow();
        // item dense ids: i9 = 0, i3 = 1; vocabulary in file order: Action, Comedy, Drama
        assertArrayEquals(new int[] {2}, genre.codesOf(0));
        assertArrayEquals(new int[] {0, 1}, genre.codesOf(1));
        FeatureField.Numeric price = (FeatureField.Numeric) ds.itemFeatures().field("price").orElseThrow();
        assertTrue(Float.isNaN(price.value(0)));
        assertEquals(9.5f, price.value(1));
        assertTrue(ds.itemFeatures().field("emb").isEmpty(), "float_seq is skipped");
    }

    @Test
    void recBoleBenchmarkFilesDefineThePredefinedSplitAndOptionalFields() throws Exception {
        String h = "uid:token\tiid:token\tts:float";
        Fixtures.write(dir, "bench.train.inter", h, "a\tx\t10", "b\ty\t11");
        Fixtures.write(dir, "bench.valid.inter", h, "a\ty\t12");
        Fixtures.write(dir, "bench.test.inter", h, "b\tx\t13", "c\tx\t14");
        Dataset ds = load("recbole", dir, "name = bench, user-field = uid, item-field = iid, time-field = ts");
        assertArrayEquals(new byte[] {Dataset.TRAIN, Dataset.TRAIN, Dataset.VALID, Dataset.TEST, Dataset.TEST}, ds.predefinedParts());
        assertEquals(List.of("a", "b", "a", "b", "c"), ext(ds.interactions(), true));
        // no rating field: value 1
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, ds.interactions().valueColumn());
        assertArrayEquals(new long[] {10, 11, 12, 13, 14}, ds.interactions().timeColumn());

        Fixtures.write(dir, "bad.inter", "user_id:token\titem_id:tok");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("recbole", dir, "name = bad"));
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.inter") + ":1: header field 2 `item_id:tok`"), e.getMessage());
        Fixtures.write(dir, "bad.inter", "user_id:token\trating:float", "a\t1");
        e = assertThrows(DataFormatException.class, () -> load("recbole", dir, "name = bad"));
        assertTrue(e.getMessage().contains("expected a `item_id:token` field"), e.getMessage());
        Fixtures.write(dir, "bad.inter", "user_id:token\titem_id:token\trating:float", "a\tb\t1", "a\tb\tgood");
        e = assertThrows(DataFormatException.class, () -> load("recbole", dir, "name = bad"));
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.inter") + ":3: expected `user_id:token<TAB>item_id:token<TAB>rating:float`"), e.getMessage());
        FileNotFoundException nf = assertThrows(FileNotFoundException.class, () -> load("recbole", dir, "name = none"));
        assertTrue(nf.getMessage().startsWith(dir.resolve("none.inter") + ": file not found"), nf.getMessage());
    }

    @Test
    void lightGcnKeepsNumericIdsAsDenseIds() throws Exception {
        Path train = Fixtures.write(dir, "train.txt", "0 3 1", "", "2 0 1 3 ", "1");
        Path test = Fixtures.write(dir, "test.txt", "0 2", "2 4");
        Dataset ds = load("lightgcn", dir, "");
        Interactions x = ds.interactions();
        // dense id = the number; user 1 lists no items but exists; items 0..4
        assertEquals(3, x.numUsers());
        assertEquals(5, x.numItems());
        assertArrayEquals(new int[] {0, 0, 2, 2, 2, 0, 2}, x.userColumn());
        assertArrayEquals(new int[] {3, 1, 0, 1, 3, 2, 4}, x.itemColumn());
        assertEquals("3", x.items().external(3));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 2, 2}, ds.predefinedParts());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6}, x.timeColumn());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1}, x.valueColumn());
        assertEquals(Fixtures.concatSha(train, test), ds.info().sha256());
        assertEquals(0, x.byUser().rowLength(1));
    }

    @Test
    void lightGcnFallsBackToFirstSeenForSparseOrTextIds() throws Exception {
        Fixtures.write(dir, "train.txt", "7 100 5");
        Fixtures.write(dir, "test.txt", "7 5");
        Dataset ds = load("lightgcn", dir, "");
        // items {100, 5}: the space 0..100 would be 101 > 2 * 2 ids, so first-seen order
        assertEquals(List.of("100", "5"), ds.interactions().items().externals());
        // users {7}: 8 > 2 * 1, first-seen as well
        assertEquals(List.of("7"), ds.interactions().users().externals());
        Fixtures.write(dir, "train.txt", "u 1 0");
        Fixtures.write(dir, "test.txt", "");
        Dataset text = load("lightgcn", dir, "");
        assertEquals(List.of("u"), text.interactions().users().externals());
        assertEquals(List.of("0", "1"), text.interactions().items().externals());
        assertArrayEquals(new int[] {1, 0}, text.interactions().itemColumn());
        Files.delete(dir.resolve("test.txt"));
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> load("lightgcn", dir, ""));
        assertTrue(e.getMessage().startsWith(dir.resolve("test.txt") + ": file not found"), e.getMessage());
    }

    @Test
    void delimitedByHeaderNamesIndicesAndOptions() throws Exception {
        Path f = Fixtures.write(dir, "log.tsv", "# exported", "when\tu\tthing\tstars", "100\talice\t\"a\tb\"\t4",
                "", "99.7\tbob\tc\t2");
        Dataset ds = load("csv", f, "delimiter = tab, skip-lines = 1, columns { user = u, item = thing, rating = stars, time = when }");
        Interactions x = ds.interactions();
        assertEquals(List.of("alice", "bob"), ext(x, true));
        assertEquals(List.of("a\tb", "c"), ext(x, false));
        assertArrayEquals(new float[] {4, 2}, x.valueColumn());
        assertArrayEquals(new long[] {100, 99}, x.timeColumn());
        assertEquals("log", ds.info().name());
        assertEquals(Fixtures.concatSha(f), ds.info().sha256());

        Path g = Fixtures.write(dir, "plain.csv", "1,x", "2,y", "1,y");
        Dataset noHeader = load("csv", g, "header = false");
        assertEquals(List.of("1", "2", "1"), ext(noHeader.interactions(), true));
        assertArrayEquals(new float[] {1, 1, 1}, noHeader.interactions().valueColumn());
        assertArrayEquals(new long[] {0, 1, 2}, noHeader.interactions().timeColumn());

        Path h = Fixtures.write(dir, "bad.csv", "user,item,rating", "1,x,4", "2,y,lots");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("csv", h, "columns.rating = rating"));
        assertTrue(e.getMessage().startsWith(h + ":3: rating column rating: expected a number, got `lots`"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> load("csv", h, "columns.time = when"));
        assertTrue(e.getMessage().contains("time column `when`"), e.getMessage());
        ConfigError ce = assertThrows(ConfigError.class, () -> load("csv", h, "columns.ratting = rating"));
        assertTrue(ce.getMessage().contains("did you mean `rating`"), ce.getMessage());
        ce = assertThrows(ConfigError.class, () -> load("csv", h, "header = false, columns.user = user"));
        assertTrue(ce.getMessage().contains("dataset.columns.user"), ce.getMessage());
    }

    @Test
    void csvRoundTripOfAGeneratedLog() throws Exception {
        Interactions x = new SyntheticGenerator(new SyntheticConfig("rt", 5, 60, 50, 4, 8, 10, 0.5, 1.0, 4.0, 0.1, 30))
                .generate().interactions();
        Path f = Fixtures.writeCsv(dir.resolve("rt.csv"), x);
        Interactions y = load("csv", f, "columns { rating = rating, time = time }").interactions();
        assertEquals(ext(x, true), ext(y, true));
        assertEquals(ext(x, false), ext(y, false));
        assertArrayEquals(x.valueColumn(), y.valueColumn());
        assertArrayEquals(x.timeColumn(), y.timeColumn());
        // dense ids in first-seen order of the file
        List<String> firstSeen = new ArrayList<>();
        for (String u : ext(x, true)) if (!firstSeen.contains(u)) firstSeen.add(u);
        assertEquals(firstSeen, y.users().externals());
    }

    @Test
    void logCsvIsReadBackAsTheSameLog() throws Exception {
        Path f = Fixtures.write(dir, "src.csv", "user,item,rating,time", "u1,\"a, b\",4,100", "\"say \"\"hi\"\"\",x,3.5,99", "u1,x,1,7");
        Interactions x = load("csv", f, "columns { rating = rating, time = time }").interactions();
        Path out = dir.resolve("out/round.csv");
        LogCsv.write(x, out);
        Interactions y = load("csv", out, "columns { rating = rating, time = time }").interactions();
        assertEquals(x.users().externals(), y.users().externals());
        assertEquals(x.items().externals(), y.items().externals());
        assertEquals(List.of("a, b", "x"), y.items().externals());
        assertEquals("say \"hi\"", y.users().external(1));
        assertArrayEquals(x.userColumn(), y.userColumn());
        assertArrayEquals(x.itemColumn(), y.itemColumn());
        assertArrayEquals(x.valueColumn(), y.valueColumn());
        assertArrayEquals(x.timeColumn(), y.timeColumn());
        try (var s = java.nio.file.Files.list(out.getParent())) {
            assertEquals(1, s.count(), "no temporary file left beside the output");
        }
    }
}
