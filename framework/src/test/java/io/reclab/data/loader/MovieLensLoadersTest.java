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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MovieLensLoadersTest {
    @TempDir Path dir;

    private static final Registry<DatasetLoader> FORMATS = new Registry<DatasetLoader>("dataset format")
            .register(MovieLens100kFactory.NAME, MovieLens100kFactory.DESCRIPTION, new MovieLens100kFactory())
            .register(MovieLensDatFactory.NAME, MovieLensDatFactory.DESCRIPTION, new MovieLensDatFactory())
            .register(MovieLensCsvFactory.NAME, MovieLensCsvFactory.DESCRIPTION, new MovieLensCsvFactory());

    private static Dataset load(String format, Path path, String extra) throws Exception {
        ConfigBlock b = ConfigBlock.at(ConfigFactory.parseString("dataset { " + extra + " }")
                .withFallback(ConfigFactory.parseMap(java.util.Map.of("dataset.path", path.toString()))), "dataset");
        return FORMATS.create(format, b).load();
    }

    private static List<String> ext(Interactions x, boolean users) {
        List<String> out = new java.util.ArrayList<>();
        for (int r = 0; r < x.size(); r++) out.add(users ? x.users().external(x.user(r)) : x.items().external(x.item(r)));
        return out;
    }

    private static FeatureField.Categorical cat(Dataset ds, boolean user, String name) {
        return (FeatureField.Categorical) (user ? ds.userFeatures() : ds.itemFeatures()).field(name).orElseThrow();
    }

    private static String catValue(FeatureField.Categorical c, int e) {
        return c.code(e) < 0 ? null : c.vocabulary().get(c.code(e));
    }

    private static List<String> genres(Dataset ds, int item) {
        FeatureField.MultiValued g = (FeatureField.MultiValued) ds.itemFeatures().field("genres").orElseThrow();
        List<String> out = new java.util.ArrayList<>();
        for (int c : g.codesOf(item)) out.add(g.vocabulary().get(c));
        return out;
    }

    private static float num(Dataset ds, boolean user, String name, int e) {
        return ((FeatureField.Numeric) (user ? ds.userFeatures() : ds.itemFeatures()).field(name).orElseThrow()).value(e);
    }

    private static String text(Dataset ds, String name, int e) {
        return ((FeatureField.Text) ds.itemFeatures().field(name).orElseThrow()).value(e);
    }

    private static String flags(int... on) {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 19; g++) {
            boolean set = false;
            for (int o : on) set |= o == g;
            sb.append('|').append(set ? 1 : 0);
        }
        return sb.toString();
    }

    @Test
    void movieLens100kReadsLogUsersAndLatin1Items() throws Exception {
        Path data = Fixtures.write(dir, "u.data", "196\t242\t3\t881250949", "186\t302\t3\t891717742",
                "196\t302\t4.5\t881251000", "", "22\t377\t1\t878887116");
        Path users = Fixtures.write(dir, "u.user", "196|49|M|writer|55105", "186|39|F|executive|00000",
                "22|25|M|writer|T8H1N", "999|30|F|other|12345");
        Path items = Fixtures.write(dir, "u.item", StandardCharsets.ISO_8859_1,
                "242|Kolya (1996)|24-Jan-1997||http://x" + flags(5),
                "302|Café Noir (1997)|01-Jan-1997||http://y" + flags(11, 16),
                "377|Heavyweights (1994)|||http://z" + flags(4, 5),
                "999|Unused (1990)|01-Jan-1990||u" + flags(0));
        Dataset ds = load("movielens-100k", dir, "name = ml-tiny");
        Interactions x = ds.interactions();
        // first-seen ids: users 196, 186, 22; items 242, 302, 377; the blank line is skipped
        assertEquals(List.of("196", "186", "22"), x.users().externals());
        assertEquals(List.of("242", "302", "377"), x.items().externals());
        assertArrayEquals(new int[] {0, 1, 0, 2}, x.userColumn());
        assertArrayEquals(new int[] {0, 1, 1, 2}, x.itemColumn());
        assertArrayEquals(new float[] {3, 3, 4.5f, 1}, x.valueColumn());
        assertArrayEquals(new long[] {881250949L, 891717742L, 881251000L, 878887116L}, x.timeColumn());
        assertEquals("ml-tiny", ds.info().name());
        assertEquals(dir.toString(), ds.info().source());
        assertEquals(3, ds.info().users());
        assertEquals(3, ds.info().items());
        assertEquals(4, ds.info().interactions());
        // reading order u.data, u.user, u.item (no u.genre here)
        assertEquals(Fixtures.concatSha(data, users, items), ds.info().sha256());
        // users: the row for 999 (not in the log) is ignored; zip keeps its first character
        assertEquals(49f, num(ds, true, "age", 0));
        assertEquals("F", catValue(cat(ds, true, "gender"), 1));
        assertEquals("writer", catValue(cat(ds, true, "occupation"), 2));
        assertEquals(List.of("writer", "executive"), cat(ds, true, "occupation").vocabulary());
        assertEquals("5", catValue(cat(ds, true, "zip"), 0));
        assertEquals("0", catValue(cat(ds, true, "zip"), 1));
        assertEquals("T", catValue(cat(ds, true, "zip"), 2));
        // items: 19 standard genre names when u.genre is absent; ISO-8859-1 title decoded
        assertEquals(List.of("Comedy"), genres(ds, 0));
        assertEquals(List.of("Horror", "Thriller"), genres(ds, 1));
        assertEquals(List.of("Children's", "Comedy"), genres(ds, 2));
        assertEquals(19, ((FeatureField.MultiValued) ds.itemFeatures().field("genres").orElseThrow()).vocabulary().size());
        assertEquals("Café Noir (1997)", text(ds, "title", 1));
        assertEquals(1997f, num(ds, false, "year", 0));
        assertTrue(Float.isNaN(num(ds, false, "year", 2)), "missing release date gives NaN");
    }

    @Test
    void movieLens100kUsesGenreFileAndWorksWithoutSideFiles() throws Exception {
        Fixtures.write(dir, "u.data", "1\t10\t5\t100", "2\t10\t4\t200");
        Dataset bare = load("movielens-100k", dir, "");
        assertTrue(bare.userFeatures().isEmpty() && bare.itemFeatures().isEmpty());
        assertEquals(dir.getFileName().toString(), bare.info().name());

        Path genre = Fixtures.write(dir, "u.genre", "none|0", "Good|1");
        Fixtures.write(dir, "u.item", "10|X (2000)|01-Jan-2000||u|0|1");
        Dataset ds = load("movielens-100k", dir, "");
        assertEquals(List.of("Good"), genres(ds, 0));
        assertTrue(ds.info().sha256().equals(Fixtures.concatSha(dir.resolve("u.data"), genre, dir.resolve("u.item"))));
    }

    @Test
    void malformedLinesNameFileLineAndShape() throws Exception {
        Fixtures.write(dir, "u.data", "1\t10\t5\t100", "1\t11\t5");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("movielens-100k", dir, ""));
        assertEquals(dir.resolve("u.data") + ":2: expected `user<TAB>item<TAB>rating<TAB>timestamp`, got `1<TAB>11<TAB>5`",
                e.getMessage());
        Fixtures.write(dir, "u.data", "1\t10\tfive\t100");
        e = assertThrows(DataFormatException.class, () -> load("movielens-100k", dir, ""));
        assertTrue(e.getMessage().startsWith(dir.resolve("u.data") + ":1: expected"), e.getMessage());
    }

    @Test
    void missingFileNamesPathAndExpectation() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> load("movielens-100k", dir, ""));
        assertTrue(e.getMessage().startsWith(dir.resolve("u.data") + ": file not found (expected"), e.getMessage());
        assertTrue(e.getMessage().contains("user<TAB>item<TAB>rating<TAB>timestamp"));
        assertEquals(1, e.getMessage().lines().count());
        e = assertThrows(FileNotFoundException.class, () -> load("movielens-csv", dir, ""));
        assertTrue(e.getMessage().contains("ratings.csv") && e.getMessage().contains("userId,movieId,rating,timestamp"));
    }

    @Test
    void movieLensDatReadsOneMillionLayout() throws Exception {
        Path ratings = Fixtures.write(dir, "ratings.dat", "1::1193::5::978300760", "1::661::3::978302109", "2::1193::4::978298413");
        Path users = Fixtures.write(dir, "users.dat", "1::F::1::10::48067", "2::M::56::16::70072");
        Path movies = Fixtures.write(dir, "movies.dat", StandardCharsets.ISO_8859_1,
                "1193::One Flew Over the Cuckoo's Nest (1975)::Drama",
                "661::James and the Giant Peach (1996)::Animation|Children's|Musical",
                "2::Misérables, Les (1995)::Drama");
        Dataset ds = load("movielens-dat", dir, "");
        Interactions x = ds.interactions();
        assertEquals(List.of("1", "1", "2"), ext(x, true));
        assertEquals(List.of("1193", "661", "1193"), ext(x, false));
        assertArrayEquals(new float[] {5, 3, 4}, x.valueColumn());
        assertArrayEquals(new long[] {978300760L, 978302109L, 978298413L}, x.timeColumn());
        assertEquals(Fixtures.concatSha(ratings, users, movies), ds.info().sha256());
        assertEquals("F", catValue(cat(ds, true, "gender"), 0));
        assertEquals(56f, num(ds, true, "age", 1));
        assertEquals("16", catValue(cat(ds, true, "occupation"), 1));
        assertEquals("7", catValue(cat(ds, true, "zip"), 1));
        assertEquals(List.of("Animation", "Children's", "Musical"), genres(ds, 1));
        assertEquals(List.of("Drama", "Animation", "Children's", "Musical"),
                ((FeatureField.MultiValued) ds.itemFeatures().field("genres").orElseThrow()).vocabulary());
        assertEquals(1975f, num(ds, false, "year", 0));
        assertEquals("James and the Giant Peach (1996)", text(ds, "title", 1));

        // 10M layout: no users.dat, half-star ratings
        Files.delete(users);
        Fixtures.write(dir, "ratings.dat", "5::10::3.5::838985046");
        Dataset ten = load("movielens-dat", dir, "encoding = UTF-8");
        assertTrue(ten.userFeatures().isEmpty());
        assertEquals(3.5f, ten.interactions().value(0));

        Fixtures.write(dir, "ratings.dat", "5::10::3.5::838985046", "5,11,3,1");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("movielens-dat", dir, ""));
        assertTrue(e.getMessage().startsWith(dir.resolve("ratings.dat") + ":2: expected `user::item::rating::timestamp`"), e.getMessage());
        ConfigError ce = assertThrows(ConfigError.class, () -> load("movielens-dat", dir, "encoding = nope"));
        assertTrue(ce.getMessage().contains("dataset.encoding"), ce.getMessage());
    }

    @Test
    void movieLensCsvReadsQuotedTitlesWithOpenCsv() throws Exception {
        Path ratings = Fixtures.write(dir, "ratings.csv", "userId,movieId,rating,timestamp",
                "1,2,3.5,1112486027", "1,29,3.5,1112484676", "2,2,4.0,974820889");
        Path movies = Fixtures.write(dir, "movies.csv", "movieId,title,genres",
                "2,Jumanji (1995),Adventure|Children|Fantasy",
                "29,\"City of Lost Children, The (Cité des enfants perdus, La) (1995)\",Adventure|Drama|Mystery",
                "5,Unrated (2001),(no genres listed)");
        Dataset ds = load("movielens-csv", dir, "name = ml-latest-small");
        Interactions x = ds.interactions();
        assertEquals(List.of("1", "1", "2"), ext(x, true));
        assertEquals(List.of("2", "29", "2"), ext(x, false));
        assertArrayEquals(new float[] {3.5f, 3.5f, 4f}, x.valueColumn());
        assertArrayEquals(new long[] {1112486027L, 1112484676L, 974820889L}, x.timeColumn());
        assertEquals("City of Lost Children, The (Cité des enfants perdus, La) (1995)", text(ds, "title", 1));
        assertEquals(1995f, num(ds, false, "year", 1));
        assertEquals(List.of("Adventure", "Drama", "Mystery"), genres(ds, 1));
        assertEquals(Fixtures.concatSha(ratings, movies), ds.info().sha256());
        assertEquals("ml-latest-small", ds.info().name());

        Fixtures.write(dir, "ratings.csv", "user,movie,rating,timestamp", "1,2,3,4");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("movielens-csv", dir, ""));
        assertTrue(e.getMessage().contains("ratings.csv:1: expected header `userId,movieId,rating,timestamp`"), e.getMessage());
    }

    @Test
    void titleYearParsing() {
        assertEquals(1995f, MovieTitles.year("Toy Story (1995)"));
        assertEquals(2007f, MovieTitles.year("Some Series (2007-2013) "));
        assertTrue(Float.isNaN(MovieTitles.year("No Year")));
        assertTrue(Float.isNaN(MovieTitles.year("Bad (19x5)")));
        assertEquals(1997f, MovieLens100kLoader.yearOfDate("24-Jan-1997"));
        assertTrue(Float.isNaN(MovieLens100kLoader.yearOfDate("")));
    }

    /** Opt-in: the real MovieLens 100K when available (never copied into the repository). */
    @Test
    void realMovieLens100k() throws Exception {
        Path root = locateMl100k();
        Assumptions.assumeTrue(root != null, "ml-100k not found at -Dreclab.ml100k, $RECLAB_ML100K, ../shared/data/ml-100k or ../../shared/data/ml-100k; skipping");
        Dataset ds = new MovieLens100kLoader(new MovieLens100kLoader.Config("ml-100k", root)).load();
        assertEquals(943, ds.info().users());
        assertEquals(1682, ds.info().items());
        assertEquals(100_000, ds.info().interactions());
        assertEquals(Sha256.ofFiles(List.of(root.resolve("u.data"), root.resolve("u.user"), root.resolve("u.genre"),
                root.resolve("u.item"))), ds.info().sha256());
        int toy = ds.interactions().items().dense("1");
        assertEquals("Toy Story (1995)", text(ds, "title", toy));
        assertEquals(1995f, num(ds, false, "year", toy));
        assertEquals(List.of("Animation", "Children's", "Comedy"), genres(ds, toy));
        int u1 = ds.interactions().users().dense("1");
        assertEquals(24f, num(ds, true, "age", u1));
        assertEquals("technician", catValue(cat(ds, true, "occupation"), u1));
        assertEquals("8", catValue(cat(ds, true, "zip"), u1));
        assertEquals(21, cat(ds, true, "occupation").vocabulary().size());
        // first row of u.data is "196 242 3 881250949"
        assertEquals("196", ds.interactions().users().external(0));
        assertEquals("242", ds.interactions().items().external(0));
        assertEquals(881250949L, ds.interactions().time(0));
    }

    static Path locateMl100k() {
        String p = System.getProperty("reclab.ml100k");
        if (p == null) p = System.getenv("RECLAB_ML100K");
        List<Path> candidates = p != null ? List.of(Path.of(p))
                : List.of(Path.of("../shared/data/ml-100k"), Path.of("../../shared/data/ml-100k"));
        for (Path c : candidates) if (Files.isRegularFile(c.resolve("u.data"))) return c;
        return null;
    }
}
