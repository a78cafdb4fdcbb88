package io.reclab.spark.data;

import com.typesafe.config.Config;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.loader.DatasetLocation;

import java.util.List;

/**
 * Where and how the Spark engine reads a {@code dataset} block's interaction log: the same formats and keys as the
 * in-process loaders, read as lines (or Parquet rows) by Spark so that any Hadoop file system URI works
 * ({@code hdfs://}, {@code s3a://}, {@code file:}). Side files (genres, demographics) are not read: the Spark engine
 * runs recall models, which read the log only.
 *
 * @param format    the dataset format ({@code movielens-100k}, {@code movielens-dat}, {@code movielens-csv},
 *                  {@code csv}, {@code parquet}; {@code synthetic} is generated on the driver)
 * @param name      the dataset's name, as in-process
 * @param uri       the file (or folder of part files) Spark reads
 * @param delimiter the field separator of a text log (one character, or {@code ::} for ratings.dat)
 * @param quoted    whether fields follow RFC 4180 quoting (the {@code csv} format, as OpenCSV reads it)
 * @param header    the header line expected first: the exact text for MovieLens files, {@code "*"} for any line
 *                  naming the columns ({@code csv} with {@code header = true}), null for none
 * @param skipLines lines skipped before the header
 * @param user      the user column: a 0-based index, or a header / Parquet column name; likewise item
 * @param rating    the rating column, null when absent (every value 1); likewise time (null: the row's index)
 * @param row       a Parquet column giving the log order (null: the order Spark reads the files in)
 * @param expected  the line shape, for error messages
 */
public record LogSource(String format, String name, String uri, String delimiter, boolean quoted, String header,
                        int skipLines, String user, String item, String rating, String time, String row, String expected)
        implements java.io.Serializable {

    public static final List<String> FORMATS = List.of("movielens-100k", "movielens-dat", "movielens-csv", "csv", "parquet", "synthetic");

    /** Reads the resolved {@code dataset} block (its keys were already validated by the in-process factory). */
    public static LogSource of(Config dataset) {
        ConfigBlock b = new ConfigBlock(dataset, "dataset");
        String format = b.getString("format", null);
        String name = b.getString("name", format);
        return switch (format) {
            case "movielens-100k" -> new LogSource(format, name, file(b, "u.data", "a folder with u.data"), "\t", false, null, 0,
                    "0", "1", "2", "3", null, "user<TAB>item<TAB>rating<TAB>timestamp");
            case "movielens-dat" -> new LogSource(format, name, file(b, "ratings.dat", "a folder with ratings.dat"), "::", false, null, 0,
                    "0", "1", "2", "3", null, "UserID::MovieID::Rating::Timestamp");
            case "movielens-csv" -> new LogSource(format, name, file(b, "ratings.csv", "a folder with ratings.csv"), ",", false,
                    "userId,movieId,rating,timestamp", 0, "0", "1", "2", "3", null, "userId,movieId,rating,timestamp");
            case "csv", "parquet" -> delimited(b, format, name);
            case "synthetic" -> new LogSource(format, name, null, null, false, null, 0, null, null, null, null, null, null);
            default -> throw new ConfigError("dataset.format = " + format + " is not read by engine=spark (it reads "
                    + String.join(", ", FORMATS) + "); run it in-process (drop engine=spark) or convert the log to csv or parquet");
        };
    }

    private static LogSource delimited(ConfigBlock b, String format, String name) {
        String uri = raw(b);
        if (uri == null) uri = DatasetLocation.of(b, "the interaction file").path().toString();
        boolean parquet = format.equals("parquet");
        boolean header = !parquet && b.getBoolean("header", true);
        String d = parquet ? "," : b.getString("delimiter", ",");
        String delim = d.equalsIgnoreCase("tab") || d.equals("\\t") ? "\t" : d;
        int skip = parquet ? 0 : b.nonNegativeInt("skip-lines", 0);
        ConfigBlock cols = b.child("columns");
        String user = cols.getString("user", header || parquet ? "user" : "0");
        String item = cols.getString("item", header || parquet ? "item" : "1");
        String rating = cols.has("rating") ? cols.getString("rating", null) : null;
        String time = cols.has("time") ? cols.getString("time", null) : null;
        String row = parquet && cols.has("row") ? cols.getString("row", null) : null;
        return new LogSource(format, name, uri, delim, !parquet, header ? "*" : null, skip, user, item, rating, time, row,
                "user=" + user + ", item=" + item + (rating == null ? "" : ", rating=" + rating) + (time == null ? "" : ", time=" + time));
    }

    /** A path with a URI scheme ({@code hdfs://...}) as written: {@code java.nio} would fold its double slash. */
    private static String raw(ConfigBlock b) {
        if (!b.raw().hasPath("path")) return null;
        String p = b.raw().getString("path");
        return p.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") ? p : null;
    }

    private static String file(ConfigBlock b, String file, String expected) {
        String uri = raw(b);
        if (uri != null) return uri.endsWith("/") ? uri + file : uri + "/" + file;
        return DatasetLocation.of(b, expected).path().resolve(file).toString();
    }

    public boolean generated() { return format.equals("synthetic"); }

    public boolean parquet() { return format.equals("parquet"); }
}
