package io.reclab.data.loader;

import io.reclab.data.DataFormatException;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MovieLens 100K (GroupLens, 1998) from its folder: {@code u.data} (tab-separated {@code user item rating timestamp})
 * and, when present, {@code u.user} ({@code id|age|gender|occupation|zip}) and {@code u.item}
 * ({@code id|title|release date|video release date|url|19 genre flags}, ISO-8859-1), with {@code u.genre} naming the
 * genre flags. User features: age (numeric), gender, occupation, zip (categorical: the zip's FIRST character, i.e. the
 * US postal region, so the field generalises across users). Item features: genres (multi-valued), year (numeric, from
 * the release date), title (text). Side-file rows for ids absent from {@code u.data} are ignored.
 */
public final class MovieLens100kLoader implements DatasetLoader {
    /** The 19 genre flag names of {@code u.genre}, used when that file is absent. */
    public static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    /** Typed config: dataset name for provenance and the folder holding {@code u.data}. */
    public record Config(String name, Path path) {}

    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private final Config config;

    public MovieLens100kLoader(Config config) { this.config = config; }

    @Override
    public Dataset load() throws IOException {
        Path dir = config.path();
        Sources src = new Sources();
        Path data = dir.resolve("u.data");
        IdIndexer users = new IdIndexer(), items = new IdIndexer();
        LogBuilder log = new LogBuilder(100_000);
        try (InputStream in = src.open(data, "the MovieLens 100K ratings, `user<TAB>item<TAB>rating<TAB>timestamp` per line")) {
            RatingLogReader.read(in, data, "\t", null, "user<TAB>item<TAB>rating<TAB>timestamp", users, items, log);
        }
        FeatureTable uf = FeatureTable.empty(users.size());
        Path userFile = dir.resolve("u.user");
        if (Files.isRegularFile(userFile)) uf = readUsers(src, userFile, users);
        List<String> genres = GENRES;
        Path genreFile = dir.resolve("u.genre");
        if (Files.isRegularFile(genreFile)) genres = readGenres(src, genreFile);
        FeatureTable itf = FeatureTable.empty(items.size());
        Path itemFile = dir.resolve("u.item");
        if (Files.isRegularFile(itemFile)) itf = readItems(src, itemFile, items, genres);
        Interactions x = log.build(users.build(), items.build());
        DatasetInfo info = new DatasetInfo(config.name(), dir.toString(), src.sha256(), x.numUsers(), x.numItems(), x.size());
        return new Dataset(info, x, uf, itf, null);
    }

    private static FeatureTable readUsers(Sources src, Path file, IdIndexer users) throws IOException {
        int n = users.size();
        FeatureColumns.Numeric age = new FeatureColumns.Numeric("age", n);
        FeatureColumns.Categorical gender = new FeatureColumns.Categorical("gender", n);
        FeatureColumns.Categorical occupation = new FeatureColumns.Categorical("occupation", n);
        FeatureColumns.Categorical zip = new FeatureColumns.Categorical("zip", n);
        Fields f = new Fields("|");
        String expected = "id|age|gender|occupation|zip";
        try (LineReader r = new LineReader(src.open(file, "MovieLens 100K users, `" + expected + "` per line"))) {
            while (r.next()) {
                if (r.isBlank()) continue;
                if (f.split(r) != 5) throw RatingLogReader.bad(file, r, expected);
                int u = users.find(f, 0, LATIN1);
                float a = f.parseFloat(1);
                if (f.bad()) throw RatingLogReader.bad(file, r, expected);
                if (u < 0) continue;
                age.set(u, a);
                gender.set(u, f.string(2, LATIN1));
                occupation.set(u, f.string(3, LATIN1));
                String z = f.string(4, LATIN1);
                zip.set(u, z.isEmpty() ? null : z.substring(0, 1));
            }
        }
        return new FeatureTable(n, List.of(age.build(), gender.build(), occupation.build(), zip.build()));
    }

    private static List<String> readGenres(Sources src, Path file) throws IOException {
        List<String> names = new ArrayList<>();
        Fields f = new Fields("|");
        try (LineReader r = new LineReader(src.open(file, "MovieLens 100K genre names, `name|index` per line"))) {
            while (r.next()) {
                if (r.isBlank()) continue;
                if (f.split(r) != 2) throw RatingLogReader.bad(file, r, "name|index");
                int idx = f.parseInt(1);
                if (f.bad() || idx != names.size())
                    throw new DataFormatException(file, r.lineNo(), "expected genre index " + names.size() + ", got `" + r.excerpt(LATIN1) + "`");
                names.add(f.string(0, LATIN1));
            }
        }
        return names;
    }

    private static FeatureTable readItems(Sources src, Path file, IdIndexer items, List<String> genres) throws IOException {
        int n = items.size();
        int g = genres.size();
        FeatureColumns.MultiValued genre = new FeatureColumns.MultiValued("genres", n, new FeatureColumns.Vocabulary(genres));
        FeatureColumns.Numeric year = new FeatureColumns.Numeric("year", n);
        FeatureColumns.Text title = new FeatureColumns.Text("title", n);
        Fields f = new Fields("|");
        String expected = "id|title|release date|video release date|url|" + g + " genre flags (0/1)";
        try (LineReader r = new LineReader(src.open(file, "MovieLens 100K items, `" + expected + "` per line"))) {
            while (r.next()) {
                if (r.isBlank()) continue;
                if (f.split(r) != 5 + g) throw RatingLogReader.bad(file, r, expected);
                int[] codes = new int[g];
                int k = 0;
                for (int j = 0; j < g; j++) {
                    long flag = f.parseLong(5 + j);
                    if (f.bad() || (flag != 0 && flag != 1)) throw RatingLogReader.bad(file, r, expected);
                    if (flag == 1) codes[k++] = j;
                }
                int it = items.find(f, 0, LATIN1);
                if (it < 0) continue;
                genre.setCodes(it, java.util.Arrays.copyOf(codes, k));
                year.set(it, yearOfDate(f.string(2, LATIN1)));
                title.set(it, f.string(1, LATIN1));
            }
        }
        return new FeatureTable(n, List.of(genre.build(), year.build(), title.build()));
    }

    /** Year of a {@code dd-Mon-yyyy} date, NaN when absent or malformed (ml-100k has one item without a date). */
    static float yearOfDate(String date) {
        int dash = date.lastIndexOf('-');
        String y = date.substring(dash + 1);
        if (y.length() != 4) return Float.NaN;
        for (int i = 0; i < 4; i++) if (!Character.isDigit(y.charAt(i))) return Float.NaN;
        return Integer.parseInt(y);
    }
}
