package io.reclab.data.loader;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import io.reclab.data.DataFormatException;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A generic delimited interaction log (one file), parsed with OpenCSV's RFC 4180 parser (quotes allowed, no
 * backslash escapes). Columns are chosen by header name or 0-based index; rating (value 1 when absent) and time
 * (seconds; integer or decimal, floored; the row index when absent) are optional. No side features.
 */
public final class DelimitedLoader implements DatasetLoader {
    /**
     * @param user   header name or 0-based index of the user column; likewise item, rating and time (null = absent)
     * @param header whether the first line (after {@code skipLines}) names the columns
     */
    public record Config(String name, Path path, char delimiter, boolean header, int skipLines,
                         String user, String item, String rating, String time, Charset encoding) {}

    private final Config config;

    public DelimitedLoader(Config config) { this.config = config; }

    @Override
    public Dataset load() throws IOException {
        Config c = config;
        Path file = c.path();
        Sources src = new Sources();
        IdIndexer users = new IdIndexer(), items = new IdIndexer();
        LogBuilder log = new LogBuilder(Files.isRegularFile(file) ? LogBuilder.capacityFor(file) : 16);
        try (CSVReader r = new CSVReaderBuilder(new InputStreamReader(src.open(file, "a delimited interaction log"), c.encoding()))
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(c.delimiter()).build())
                .withSkipLines(c.skipLines()).build()) {
            String[] head = null;
            long line = c.skipLines();
            if (c.header()) {
                head = r.readNext();
                line = r.getLinesRead();
                if (head == null) throw new DataFormatException(file, line + 1, "expected a header line, got end of file");
                if (head.length > 0) head[0] = head[0].replace("\uFEFF", "");
            }
            int cu = column(head, c.user(), "user", file, true);
            int ci = column(head, c.item(), "item", file, true);
            int cr = column(head, c.rating(), "rating", file, false);
            int ct = column(head, c.time(), "time", file, false);
            int need = Math.max(Math.max(cu, ci), Math.max(cr, ct)) + 1;
            String[] row;
            while ((row = r.readNext()) != null) {
                long lineNo = line + 1;
                line = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length < need)
                    throw new DataFormatException(file, lineNo, "expected at least " + need + " fields ("
                            + describe() + "), got " + row.length + ": `" + String.join(String.valueOf(c.delimiter()), row) + "`");
                String us = row[cu].trim(), is = row[ci].trim();
                if (us.isEmpty() || is.isEmpty())
                    throw new DataFormatException(file, lineNo, "empty user or item id in `" + String.join(String.valueOf(c.delimiter()), row) + "`");
                float v = 1f;
                if (cr >= 0) {
                    try {
                        v = Float.parseFloat(row[cr].trim());
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file, lineNo, "rating column " + c.rating() + ": expected a number, got `" + row[cr] + "`");
                    }
                }
                long t = log.size();
                if (ct >= 0) t = seconds(row[ct].trim(), file, lineNo);
                log.add(users.add(us), items.add(is), v, t);
            }
        } catch (CsvValidationException e) {
            throw new DataFormatException(file, e.getLineNumber(), "malformed CSV: " + e.getMessage());
        }
        Interactions x = log.build(users.build(), items.build());
        DatasetInfo info = new DatasetInfo(c.name(), file.toString(), src.sha256(), x.numUsers(), x.numItems(), x.size());
        return new Dataset(info, x, FeatureTable.empty(x.numUsers()), FeatureTable.empty(x.numItems()), null);
    }

    private String describe() {
        Config c = config;
        return "user=" + c.user() + ", item=" + c.item() + (c.rating() != null ? ", rating=" + c.rating() : "")
                + (c.time() != null ? ", time=" + c.time() : "");
    }

    private long seconds(String s, Path file, long lineNo) {
        return seconds(s, file, lineNo, "time column " + config.time());
    }

    /**
     * A time field in seconds: an integer, or a decimal floored; anything else fails naming the file, line and
     * {@code what} (the column). Shared with the Spark engine's reader, so both read a log's times alike.
     */
    public static long seconds(String s, Path file, long lineNo, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (Double.isFinite(d)) return (long) Math.floor(d);
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new DataFormatException(file, lineNo, what + ": expected seconds (a number), got `" + s + "`");
        }
    }

    /** Index of a column given by header name or 0-based index; -1 when not configured and optional. */
    private static int column(String[] head, String spec, String role, Path file, boolean required) {
        if (spec == null) {
            if (required) throw new IllegalStateException("no " + role + " column configured");
            return -1;
        }
        if (head != null) {
            for (int i = 0; i < head.length; i++) if (head[i].trim().equals(spec)) return i;
        }
        try {
            int idx = Integer.parseInt(spec.trim());
            if (idx >= 0) return idx;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DataFormatException(file, 1, role + " column `" + spec + "`: expected "
                + (head != null ? "one of the header names " + Arrays.toString(head) + " or " : "") + "a 0-based column index");
    }
}
