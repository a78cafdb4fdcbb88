package io.reclab.rank.data;

import io.reclab.data.DataFormatException;
import io.reclab.rank.features.FieldSpec;
import io.reclab.rank.features.RawTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the Criteo display-advertising TSV (Kaggle 2014 / Criteo_x1..x4): {@code label}, 13 integer columns
 * I1..I13 and 26 hashed categorical columns C1..C26 (hex strings), any of them possibly empty. By default
 * ({@link Integers#LOG_SQUARED}) integers become categories as in the competition's winning solution (Juan et al.,
 * libFFM): v > 2 → floor(ln(v)^2), other values kept, empty stays empty; with {@link Integers#RAW} they are float
 * columns (empty = NaN). {@link #defaultFields} gives FuxiCTR's encoding: every column categorical, min-count 10.
 */
public final class CriteoLoader {
    /** Treatment of I1..I13. */
    public enum Integers { LOG_SQUARED, RAW }

    public static final int NUM_INT = 13, NUM_CAT = 26;
    private final Integers integers;

    public CriteoLoader(Integers integers) { this.integers = integers; }

    public RawTable load(Path file) {
        RawTable.StringColumnBuilder[] ints = new RawTable.StringColumnBuilder[NUM_INT];
        RawTable.FloatColumnBuilder[] raw = new RawTable.FloatColumnBuilder[NUM_INT];
        RawTable.StringColumnBuilder[] cats = new RawTable.StringColumnBuilder[NUM_CAT];
        for (int i = 0; i < NUM_INT; i++) {
            if (integers == Integers.RAW) raw[i] = new RawTable.FloatColumnBuilder("I" + (i + 1));
            else ints[i] = new RawTable.StringColumnBuilder("I" + (i + 1));
        }
        for (int i = 0; i < NUM_CAT; i++) cats[i] = new RawTable.StringColumnBuilder("C" + (i + 1));
        float[] labels = new float[1024];
        int n = 0;
        try (BufferedReader r = TextFiles.open(file)) {
            long lineNo = 0;
            for (String line; (line = TextFiles.readLine(r, file)) != null; ) {
                lineNo++;
                if (line.isEmpty()) continue;
                String[] f = TextFiles.split(line, '\t', 1 + NUM_INT + NUM_CAT);
                if (f.length != 1 + NUM_INT + NUM_CAT)
                    throw new DataFormatException(file, lineNo, "expected 40 tab-separated fields (label, I1..I13, C1..C26), found " + f.length);
                if (n == labels.length) labels = Arrays.copyOf(labels, n * 2);
                labels[n++] = TextFiles.parseLabel(f[0], file, lineNo);
                for (int i = 0; i < NUM_INT; i++) {
                    String s = f[1 + i];
                    if (integers == Integers.RAW) {
                        raw[i].add(TextFiles.parseFloat(s, file, lineNo, "I" + (i + 1)));
                    } else {
                        ints[i].add(s.isEmpty() ? "" : Long.toString(logSquared(parseLong(s, file, lineNo, i))));
                    }
                }
                for (int i = 0; i < NUM_CAT; i++) cats[i].add(f[1 + NUM_INT + i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<RawTable.Column> cols = new ArrayList<>();
        for (int i = 0; i < NUM_INT; i++) cols.add(integers == Integers.RAW ? raw[i].build() : ints[i].build());
        for (RawTable.StringColumnBuilder c : cats) cols.add(c.build());
        return new RawTable(cols, Arrays.copyOf(labels, n), null, null);
    }

    private static long parseLong(String s, Path file, long line, int col) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "column I" + (col + 1) + ": `" + s + "` is not an integer");
        }
    }

    /** floor(ln(v)^2) for v > 2, v otherwise. */
    public static long logSquared(long v) {
        if (v <= 2) return v;
        double l = Math.log(v);
        return (long) Math.floor(l * l);
    }

    /** FuxiCTR's Criteo fields: all 39 columns categorical with min-count 10 (raw integers: numeric, log). */
    public List<FieldSpec> defaultFields() {
        List<FieldSpec> out = new ArrayList<>();
        for (int i = 1; i <= NUM_INT; i++) {
            String c = "I" + i;
            out.add(integers == Integers.RAW ? new FieldSpec.Numeric(c, c, FieldSpec.Transform.LOG, new double[0], 0)
                    : new FieldSpec.Categorical(c, c, 10, 0, 0));
        }
        for (int i = 1; i <= NUM_CAT; i++) out.add(new FieldSpec.Categorical("C" + i, "C" + i, 10, 0, 0));
        return out;
    }
}
