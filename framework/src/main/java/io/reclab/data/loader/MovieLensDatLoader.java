package io.reclab.data.loader;

import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MovieLens 1M / 10M (GroupLens) from a folder of {@code ::}-separated files: {@code ratings.dat}
 * ({@code user::item::rating::timestamp}), optional {@code users.dat} ({@code id::gender::age::occupation::zip};
 * 10M has none) and optional {@code movies.dat} ({@code id::title (year)::Genre1|Genre2}). User features: gender,
 * age (numeric: the 1M age-group code such as 18 or 25), occupation (categorical: the 1M occupation code), zip
 * (categorical: first character, the US postal region). Item features: genres (multi-valued, vocabulary in
 * first-seen order), year (numeric, from the title), title (text). Side files are decoded with {@code encoding}
 * (ISO-8859-1 for 1M).
 */
public final class MovieLensDatLoader implements DatasetLoader {
    /** Typed config: name, folder, and the charset of users.dat/movies.dat. */
    public record Config(String name, Path path, Charset encoding) {}

    private final Config config;

    public MovieLensDatLoader(Config config) { this.config = config; }

    @Override
    public Dataset load() throws IOException {
        Path dir = config.path();
        Charset cs = config.encoding();
        Sources src = new Sources();
        Path ratings = dir.resolve("ratings.dat");
        IdIndexer users = new IdIndexer(), items = new IdIndexer();
        LogBuilder log = new LogBuilder(Files.isRegularFile(ratings) ? LogBuilder.capacityFor(ratings) : 16);
        String expected = "user::item::rating::timestamp";
        try (InputStream in = src.open(ratings, "the MovieLens ratings, `" + expected + "` per line")) {
            RatingLogReader.read(in, ratings, "::", null, expected, users, items, log);
        }
        FeatureTable uf = FeatureTable.empty(users.size());
        Path usersFile = dir.resolve("users.dat");
        if (Files.isRegularFile(usersFile)) uf = readUsers(src, usersFile, users, cs);
        FeatureTable itf = FeatureTable.empty(items.size());
        Path moviesFile = dir.resolve("movies.dat");
        if (Files.isRegularFile(moviesFile)) itf = readMovies(src, moviesFile, items, cs);
        Interactions x = log.build(users.build(), items.build());
        DatasetInfo info = new DatasetInfo(config.name(), dir.toString(), src.sha256(), x.numUsers(), x.numItems(), x.size());
        return new Dataset(info, x, uf, itf, null);
    }

    private static FeatureTable readUsers(Sources src, Path file, IdIndexer users, Charset cs) throws IOException {
        int n = users.size();
        FeatureColumns.Categorical gender = new FeatureColumns.Categorical("gender", n);
        FeatureColumns.Numeric age = new FeatureColumns.Numeric("age", n);
        FeatureColumns.Categorical occupation = new FeatureColumns.Categorical("occupation", n);
        FeatureColumns.Categorical zip = new FeatureColumns.Categorical("zip", n);
        Fields f = new Fields("::");
        String expected = "id::gender::age::occupation::zip";
        try (LineReader r = new LineReader(src.open(file, "MovieLens users, `" + expected + "` per line"))) {
            while (r.next()) {
                if (r.isBlank()) continue;
                if (f.split(r) != 5) throw RatingLogReader.bad(file, r, expected);
                float a = f.parseFloat(2);
                if (f.bad()) throw RatingLogReader.bad(file, r, expected);
                int u = users.find(f, 0, cs);
                if (u < 0) continue;
                gender.set(u, f.string(1, cs));
                age.set(u, a);
                occupation.set(u, f.string(3, cs));
                String z = f.string(4, cs);
                zip.set(u, z.isEmpty() ? null : z.substring(0, 1));
            }
        }
        return new FeatureTable(n, List.of(gender.build(), age.build(), occupation.build(), zip.build()));
    }

    private static FeatureTable readMovies(Sources src, Path file, IdIndexer items, Charset cs) throws IOException {
        int n = items.size();
        FeatureColumns.MultiValued genres = new FeatureColumns.MultiValued("genres", n);
        FeatureColumns.Numeric year = new FeatureColumns.Numeric("year", n);
        FeatureColumns.Text title = new FeatureColumns.Text("title", n);
        Fields f = new Fields("::");
        String expected = "id::title (year)::Genre1|Genre2";
        try (LineReader r = new LineReader(src.open(file, "MovieLens movies, `" + expected + "` per line"))) {
            while (r.next()) {
                if (r.isBlank()) continue;
                if (f.split(r) != 3 || f.isEmpty(0)) throw RatingLogReader.bad(file, r, expected);
                int it = items.find(f, 0, cs);
                if (it < 0) continue;
                String t = f.string(1, cs);
                title.set(it, t);
                year.set(it, MovieTitles.year(t));
                genres.set(it, MovieTitles.genres(f.string(2, cs)));
            }
        }
        return new FeatureTable(n, List.of(genres.build(), year.build(), title.build()));
    }
}
