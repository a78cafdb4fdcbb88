package io.reclab.spark.data;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import io.reclab.data.DataFormatException;
import io.reclab.data.Interactions;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads a {@link LogSource} into a DataFrame of raw rows {@code (row, user, item, value, time)}: {@code row} is the
 * row's position in the log (what "log order" and "first seen" mean in-process), ids are the external strings
 * trimmed, a missing rating is 1 and a missing time is the row's index among the data rows, as in-process. A
 * line of the wrong shape fails naming the file and line.
 */
public final class LogReader {
    /** The raw row schema. */
    public static final StructType SCHEMA = new StructType()
            .add("row", DataTypes.LongType, false)
            .add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false)
            .add("value", DataTypes.FloatType, false)
            .add("time", DataTypes.LongType, false);

    private LogReader() {}

    public static Dataset<Row> read(SparkSession spark, LogSource s) throws IOException {
        if (s.uri() != null && !s.uri().matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !Files.exists(Path.of(s.uri())))
            throw new FileNotFoundException(s.uri() + ": file not found (dataset " + s.name() + "); point dataset.path= at it"
                    + " (`./reclab data list` names the datasets `./reclab data fetch` downloads)");
        return s.parquet() ? parquet(spark, s) : text(spark, s);
    }

    /** A log already in memory (the generated synthetic data), in its row order. */
    public static Dataset<Row> of(SparkSession spark, Interactions x, int partitions) {
        List<Row> rows = new ArrayList<>(x.size());
        for (int r = 0; r < x.size(); r++)
            rows.add(RowFactory.create((long) r, x.users().external(x.user(r)), x.items().external(x.item(r)), x.value(r), x.time(r)));
        return spark.createDataFrame(org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, partitions), SCHEMA);
    }

    private static Dataset<Row> parquet(SparkSession spark, LogSource s) {
        Dataset<Row> df = spark.read().parquet(s.uri());
        List<String> names = Arrays.asList(df.columns());
        for (String[] c : new String[][]{{"user", s.user()}, {"item", s.item()}, {"rating", s.rating()}, {"time", s.time()}, {"row", s.row()}})
            if (c[1] != null && !names.contains(c[1]))
                throw new DataFormatException(Path.of(s.uri()), 0, c[0] + " column `" + c[1] + "`: expected one of " + names);
        Column value = s.rating() == null ? lit(1f) : col(s.rating()).cast("float");
        if (s.row() != null) {
            // the log order is given: times default to it, as a row index does for a text log
            Column row = col(s.row()).cast("long");
            return df.select(row.as("row"), org.apache.spark.sql.functions.trim(col(s.user()).cast("string")).as("user"),
                    org.apache.spark.sql.functions.trim(col(s.item()).cast("string")).as("item"), value.as("value"),
                    (s.time() == null ? row : col(s.time()).cast("long")).as("time"));
        }
        Dataset<Row> sel = df.select(col(s.user()).cast("string").as("user"), col(s.item()).cast("string").as("item"),
                value.as("value"), (s.time() == null ? lit(-1L) : col(s.time()).cast("long")).as("time"));
        boolean indexTime = s.time() == null;
        JavaRDD<Row> rows = sel.javaRDD().zipWithIndex().map(t -> {
            Row r = t._1();
            long row = t._2();
            return RowFactory.create(row, r.getString(0).trim(), r.getString(1).trim(), r.getFloat(2), indexTime ? row : r.getLong(3));
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Dataset<Row> text(SparkSession spark, LogSource s) {
        String uri = s.uri();
        int skip = s.skipLines() + (s.header() == null ? 0 : 1);
        org.apache.spark.api.java.JavaPairRDD<String, Long> lines = spark.read().textFile(uri).javaRDD().zipWithIndex();
        Path file = Path.of(uri.replaceFirst("^file:", ""));
        if (s.header() != null && !s.header().equals("*")) {
            // the exact MovieLens header is checked, as in-process
            List<Tuple2<String, Long>> first = lines.filter(t -> t._2() == s.skipLines()).collect();
            String got = first.isEmpty() ? "" : first.get(0)._1();
            if (!got.trim().equals(s.header()))
                throw new DataFormatException(file, s.skipLines() + 1, "expected header `" + s.header() + "`, got `" + got + "`");
        }
        int[] cols = columns(spark, s, lines, file);
        org.apache.spark.api.java.JavaPairRDD<String, Long> data = lines.filter(t -> t._2() >= skip && !t._1().isBlank());
        boolean indexTime = s.time() == null;
        // the data rows' own index is only needed as the time of a log without one: the line index orders rows alike
        JavaRDD<scala.Tuple3<String, Long, Long>> numbered = indexTime
                ? data.zipWithIndex().map(t -> new scala.Tuple3<>(t._1()._1(), t._1()._2(), t._2()))
                : data.map(t -> new scala.Tuple3<>(t._1(), t._2(), -1L));
        String delim = s.delimiter();
        boolean quoted = s.quoted();
        String expected = s.expected();
        String fileName = file.toString(); // a Path is not serializable
        JavaRDD<Row> rows = numbered.mapPartitions(it -> {
            RFC4180Parser parser = quoted ? new RFC4180ParserBuilder().withSeparator(delim.charAt(0)).build() : null;
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                scala.Tuple3<String, Long, Long> t = it.next();
                out.add(parse(t._1(), t._2(), t._3(), parser, delim, cols, Path.of(fileName), expected));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Column indices {user, item, rating, time} (-1 when absent), resolving header names from the header line. */
    private static int[] columns(SparkSession spark, LogSource s, org.apache.spark.api.java.JavaPairRDD<String, Long> lines, Path file) {
        String[] specs = {s.user(), s.item(), s.rating(), s.time()};
        String[] head = null;
        if ("*".equals(s.header())) {
            List<Tuple2<String, Long>> first = lines.filter(t -> t._2() == s.skipLines()).collect();
            if (first.isEmpty()) throw new DataFormatException(file, s.skipLines() + 1, "expected a header line, got end of file");
            try {
                head = new RFC4180ParserBuilder().withSeparator(s.delimiter().charAt(0)).build().parseLine(first.get(0)._1().replace("\uFEFF", ""));
            } catch (IOException e) {
                throw new DataFormatException(file, s.skipLines() + 1, "malformed header: " + e.getMessage());
            }
        }
        int[] out = new int[4];
        String[] roles = {"user", "item", "rating", "time"};
        for (int k = 0; k < 4; k++) {
            out[k] = -1;
            if (specs[k] == null) continue;
            if (head != null) for (int i = 0; i < head.length; i++) if (head[i].trim().equals(specs[k])) { out[k] = i; break; }
            if (out[k] < 0) {
                try {
                    out[k] = Integer.parseInt(specs[k].trim());
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, 1, roles[k] + " column `" + specs[k] + "`: expected "
                            + (head != null ? "one of the header names " + Arrays.toString(head) + " or " : "") + "a 0-based column index");
                }
            }
        }
        return out;
    }

    /** One data line; {@code dataIndex} is its index among the data rows, or -1 when the log has a time column. */
    static Row parse(String line, long lineIndex, long dataIndex, RFC4180Parser parser, String delim, int[] cols,
                     Path file, String expected) throws IOException {
        String[] f = parser != null ? parser.parseLine(line) : split(line, delim);
        int need = 0;
        for (int c : cols) need = Math.max(need, c + 1);
        long lineNo = lineIndex + 1;
        if (f.length < need || (parser == null && f.length != 4))
            throw new DataFormatException(file, lineNo, "expected `" + expected + "`, got `" + line.replace("\t", "<TAB>") + "`");
        String u = f[cols[0]].trim(), i = f[cols[1]].trim();
        if (u.isEmpty() || i.isEmpty())
            throw new DataFormatException(file, lineNo, "empty user or item id in `" + line + "`");
        float v = 1f;
        if (cols[2] >= 0) {
            try {
                v = Float.parseFloat(f[cols[2]].trim());
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, lineNo, "rating: expected a number, got `" + f[cols[2]] + "`");
            }
        }
        long t = dataIndex;
        if (cols[3] >= 0) t = io.reclab.data.loader.DelimitedLoader.seconds(f[cols[3]].trim(), file, lineNo, "time");
        return RowFactory.create(dataIndex >= 0 ? dataIndex : lineIndex, u, i, v, t);
    }

    private static String[] split(String line, String delim) {
        List<String> out = new ArrayList<>(4);
        int p = 0;
        while (true) {
            int q = line.indexOf(delim, p);
            if (q < 0) { out.add(line.substring(p)); break; }
            out.add(line.substring(p, q));
            p = q + delim.length();
        }
        return out.toArray(String[]::new);
    }

}
