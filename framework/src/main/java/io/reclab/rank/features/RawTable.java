package io.reclab.rank.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A column-major table of raw (not yet encoded) ranking samples: named string columns (categorical, multi-valued
 * "a|b|c", sequences) and float columns (numeric, NaN = missing), a 0/1 label per row, optionally the row's user
 * (for GAUC; -1 = unknown) and the row's time. String columns are dictionary-encoded (codes into a per-column
 * dictionary of distinct strings), which keeps repeated values (Criteo, Avazu) cheap and lets encoders map each
 * distinct string once. An empty string is a value like any other (FuxiCTR fills missing categoricals with "").
 * Immutable; arrays are taken over, not copied.
 */
public final class RawTable {
    /** A column of the table. */
    public sealed interface Column permits StringColumn, FloatColumn {
        String name();

        int size();
    }

    /** Strings, dictionary-encoded: row r holds {@code dictionary[codes[r]]}. */
    public record StringColumn(String name, int[] codes, String[] dictionary) implements Column {
        public String value(int row) { return dictionary[codes[row]]; }

        @Override public int size() { return codes.length; }

        /** A column from plain values (tests, derived columns). */
        public static StringColumn of(String name, String... values) {
            StringColumnBuilder b = new StringColumnBuilder(name);
            for (String v : values) b.add(v);
            return b.build();
        }
    }

    /** Numbers; NaN marks a missing value. */
    public record FloatColumn(String name, float[] values) implements Column {
        @Override public int size() { return values.length; }
    }

    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final float[] labels;
    private final int[] users;
    private final long[] times;

    /**
     * @param users null when rows have no user (then every user is -1)
     * @param times null when rows have no time
     */
    public RawTable(List<Column> columns, float[] labels, int[] users, long[] times) {
        int n = labels.length;
        Map<String, Column> m = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.size() != n) throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, labels " + n);
            if (m.put(c.name(), c) != null) throw new IllegalArgumentException("duplicate column " + c.name());
        }
        if (users != null && users.length != n) throw new IllegalArgumentException("users has " + users.length + " rows, labels " + n);
        if (times != null && times.length != n) throw new IllegalArgumentException("times has " + times.length + " rows, labels " + n);
        this.columns = List.copyOf(columns);
        this.byName = Collections.unmodifiableMap(m);
        this.labels = labels;
        if (users == null) {
            users = new int[n];
            Arrays.fill(users, -1);
        }
        this.users = users;
        this.times = times;
    }

    public int size() { return labels.length; }
    public List<Column> columns() { return columns; }
    public float[] labels() { return labels; }
    public int[] users() { return users; }
    public boolean hasTimes() { return times != null; }

    public long[] times() {
        if (times == null) throw new IllegalStateException("this table has no times");
        return times;
    }

    public boolean has(String name) { return byName.containsKey(name); }

    /** The column named {@code name}; an unknown name lists the columns there are. */
    public Column column(String name) {
        Column c = byName.get(name);
        if (c == null) throw new IllegalArgumentException("no column `" + name + "`; columns: " + String.join(", ", byName.keySet()));
        return c;
    }

    public StringColumn stringColumn(String name) {
        Column c = column(name);
        if (!(c instanceof StringColumn s)) throw new IllegalArgumentException("column `" + name + "` is numeric, expected strings");
        return s;
    }

    public FloatColumn floatColumn(String name) {
        Column c = column(name);
        if (!(c instanceof FloatColumn f)) throw new IllegalArgumentException("column `" + name + "` holds strings, expected numbers");
        return f;
    }

    /** The rows listed, in that order (dictionaries are shared, so codes keep their meaning). */
    public RawTable select(int[] rows) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            if (c instanceof StringColumn s) {
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) codes[i] = s.codes()[rows[i]];
                out.add(new StringColumn(s.name(), codes, s.dictionary()));
            } else {
                FloatColumn f = (FloatColumn) c;
                float[] v = new float[rows.length];
                for (int i = 0; i < rows.length; i++) v[i] = f.values()[rows[i]];
                out.add(new FloatColumn(f.name(), v));
            }
        }
        float[] lab = new float[rows.length];
        int[] us = new int[rows.length];
        long[] ts = times == null ? null : new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            lab[i] = labels[rows[i]];
            us[i] = users[rows[i]];
            if (ts != null) ts[i] = times[rows[i]];
        }
        return new RawTable(out, lab, us, ts);
    }

    /**
     * The rows of {@code parts}, one after the other. Every part must have the same columns in the same order, of the
     * same kinds; string columns are re-encoded over the union of the parts' dictionaries (first-seen order), so a
     * value keeps its meaning across parts. Times are kept only when every part has them.
     */
    public static RawTable concat(List<RawTable> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to concatenate");
        if (parts.size() == 1) return parts.get(0);
        RawTable first = parts.get(0);
        int n = 0;
        boolean times = true;
        for (RawTable t : parts) {
            n += t.size();
            times &= t.hasTimes();
            if (t.columns.size() != first.columns.size())
                throw new IllegalArgumentException("parts differ in columns: " + first.byName.keySet() + " vs " + t.byName.keySet());
        }
        List<Column> out = new ArrayList<>(first.columns.size());
        for (int c = 0; c < first.columns.size(); c++) {
            Column head = first.columns.get(c);
            if (head instanceof StringColumn) {
                Map<String, Integer> dict = new LinkedHashMap<>();
                int[] codes = new int[n];
                int at = 0;
                for (RawTable t : parts) {
                    StringColumn s = t.stringColumn(head.name());
                    int[] remap = new int[s.dictionary().length];
                    for (int d = 0; d < remap.length; d++) remap[d] = dict.computeIfAbsent(s.dictionary()[d], k -> dict.size());
                    for (int r = 0; r < s.size(); r++) codes[at++] = remap[s.codes()[r]];
                }
                out.add(new StringColumn(head.name(), codes, dict.keySet().toArray(String[]::new)));
            } else {
                float[] v = new float[n];
                int at = 0;
                for (RawTable t : parts) {
                    float[] x = t.floatColumn(head.name()).values();
                    System.arraycopy(x, 0, v, at, x.length);
                    at += x.length;
                }
                out.add(new FloatColumn(head.name(), v));
            }
        }
        float[] lab = new float[n];
        int[] us = new int[n];
        long[] ts = times ? new long[n] : null;
        int at = 0;
        for (RawTable t : parts) {
            System.arraycopy(t.labels, 0, lab, at, t.size());
            System.arraycopy(t.users, 0, us, at, t.size());
            if (ts != null) System.arraycopy(t.times, 0, ts, at, t.size());
            at += t.size();
        }
        return new RawTable(out, lab, us, ts);
    }

    /** This table plus one more column. */
    public RawTable withColumn(Column c) {
        List<Column> out = new ArrayList<>(columns);
        out.add(c);
        return new RawTable(out, labels, users, times);
    }

    /** Appends strings to a dictionary-encoded column. */
    public static final class StringColumnBuilder {
        private final String name;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> dictionary = new ArrayList<>();
        private int[] codes = new int[64];
        private int size;

        public StringColumnBuilder(String name) { this.name = name; }

        public void add(String value) {
            Integer code = index.get(value);
            if (code == null) {
                code = dictionary.size();
                index.put(value, code);
                dictionary.add(value);
            }
            if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
            codes[size++] = code;
        }

        public int size() { return size; }

        public StringColumn build() {
            return new StringColumn(name, Arrays.copyOf(codes, size), dictionary.toArray(new String[0]));
        }
    }

    /** Appends numbers to a float column. */
    public static final class FloatColumnBuilder {
        private final String name;
        private float[] values = new float[64];
        private int size;

        public FloatColumnBuilder(String name) { this.name = name; }

        public void add(float v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        public int size() { return size; }

        public FloatColumn build() { return new FloatColumn(name, Arrays.copyOf(values, size)); }
    }
}
