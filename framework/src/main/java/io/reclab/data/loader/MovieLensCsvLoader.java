package io.reclab.data.loader;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;
import io.reclab.data.DataFormatException;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MovieLens 20M / 25M / latest (GroupLens) from a folder of CSV files: {@code ratings.csv} with header
 * {@code userId,movieId,rating,timestamp} (streamed with a byte-level fast path: it never quotes), and optional
 * {@code movies.csv} ({@code movieId,title,genres}; titles may be quoted and contain commas, so it is read with
 * OpenCSV). Item features: genres (multi-valued, first-seen vocabulary; {@code (no genres listed)} = none),
 * year (numeric, from the title), title (text). No user features. UTF-8.
 */
public final class MovieLensCsvLoader implements DatasetLoader {
    public static final String RATINGS_HEADER = "userId,movieId,rating,timestamp";
    public static final String MOVIES_HEADER = "movieId,title,genres";

    /** Typed config: dataset name (provenance) and the folder holding the files. */
    public record Config(String name, Path path) {}

    private final Config config;

    public MovieLensCsvLoader(Config config) { this.config = config; }

    @Override
    public Dataset load() throws IOException {
        Path dir = config.path();
        Sources src = new Sources();
        Path ratings = dir.resolve("ratings.csv");
        IdIndexer users = new IdIndexer(), items = new IdIndexer();
        LogBuilder log = new LogBuilder(Files.isRegularFile(ratings) ? LogBuilder.capacityFor(ratings) : 16);
        try (InputStream in = src.open(ratings, "the MovieLens ratings with header `" + RATINGS_HEADER + "`")) {
            RatingLogReader.read(in, ratings, ",", RATINGS_HEADER, "userId,movieId,rating,timestamp", users, items, log);
        }
        FeatureTable itf = FeatureTable.empty(items.size());
        Path movies = dir.resolve("movies.csv");
        if (Files.isRegularFile(movies)) itf = readMovies(src, movies, items);
        Interactions x = log.build(users.build(), items.build());
        DatasetInfo info = new DatasetInfo(config.name(), dir.toString(), src.sha256(), x.numUsers(), x.numItems(), x.size());
        return new Dataset(info, x, FeatureTable.empty(x.numUsers()), itf, null);
    }

    private static FeatureTable readMovies(Sources src, Path file, IdIndexer items) throws IOException {
        int n = items.size();
        FeatureColumns.MultiValued genres = new FeatureColumns.MultiValued("genres", n);
        FeatureColumns.Numeric year = new FeatureColumns.Numeric("year", n);
        FeatureColumns.Text title = new FeatureColumns.Text("title", n);
        try (CSVReader r = new CSVReaderBuilder(new InputStreamReader(
                src.open(file, "MovieLens movies with header `" + MOVIES_HEADER + "`"), StandardCharsets.UTF_8)).build()) {
            String[] row = r.readNext();
            if (row == null || !String.join(",", row).trim().replace("\uFEFF", "").equals(MOVIES_HEADER))
                throw new DataFormatException(file, 1, "expected header `" + MOVIES_HEADER + "`, got `"
                        + (row == null ? "" : String.join(",", row)) + "`");
            long line = r.getLinesRead();
            while ((row = r.readNext()) != null) {
                long start = line + 1;
                line = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != 3 || row[0].isBlank())
                    throw new DataFormatException(file, start, "expected `movieId,title,genres`, got " + row.length + " fields `"
                            + String.join(",", row) + "`");
                int it = items.find(row[0].trim());
                if (it < 0) continue;
                String t = row[1].trim();
                title.set(it, t);
                year.set(it, MovieTitles.year(t));
                genres.set(it, MovieTitles.genres(row[2]));
            }
        } catch (CsvValidationException e) {
            throw new DataFormatException(file, e.getLineNumber(), "malformed CSV: " + e.getMessage());
        }
        return new FeatureTable(n, List.of(genres.build(), year.build(), title.build()));
    }
}
