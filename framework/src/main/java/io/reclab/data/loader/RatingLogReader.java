package io.reclab.data.loader;

import io.reclab.data.DataFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Streams a MovieLens-style rating log with exactly four fields per line, {@code user item rating timestamp}, split
 * on a fixed delimiter (tab in {@code u.data}, {@code ::} in {@code ratings.dat}, comma in {@code ratings.csv}).
 * Blank lines are skipped; anything else that does not have that shape fails naming the file and line.
 */
final class RatingLogReader {
    private RatingLogReader() {}

    /**
     * @param header   the exact header line expected first, or null if the file has none
     * @param expected the line shape for error messages, e.g. {@code user<TAB>item<TAB>rating<TAB>timestamp}
     */
    static void read(InputStream in, Path file, String delimiter, String header, String expected,
                     IdIndexer users, IdIndexer items, LogBuilder log) throws IOException {
        Fields f = new Fields(delimiter);
        try (LineReader r = new LineReader(in)) {
            if (header != null) {
                if (!r.next() || !r.text(StandardCharsets.UTF_8).trim().equals(header))
                    throw new DataFormatException(file, 1, "expected header `" + header + "`, got `"
                            + (r.lineNo() == 0 ? "" : r.excerpt(StandardCharsets.UTF_8)) + "`");
            }
            while (r.next()) {
                if (r.isBlank()) continue;
                if (f.split(r) != 4) throw bad(file, r, expected);
                float v = f.parseFloat(2);
                if (f.bad()) throw bad(file, r, expected);
                long t = f.parseSeconds(3);
                if (f.bad() || f.isEmpty(0) || f.isEmpty(1)) throw bad(file, r, expected);
                int u = users.add(f, 0, StandardCharsets.UTF_8);
                int i = items.add(f, 1, StandardCharsets.UTF_8);
                log.add(u, i, v, t);
            }
        }
    }

    static DataFormatException bad(Path file, LineReader r, String expected) {
        return new DataFormatException(file, r.lineNo(), "expected `" + expected + "`, got `"
                + r.excerpt(StandardCharsets.ISO_8859_1).replace("\t", "<TAB>") + "`");
    }
}
