package io.reclab.data.loader;

import io.reclab.data.FeatureField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for {@link FeatureField} columns over {@code n} entities, filled in any order while reading a side file.
 * Entities never set stay missing (code -1, no values, NaN, empty text). Vocabularies grow in first-seen order
 * unless seeded, so the same file always gives the same codes. A later line for the same entity replaces the
 * earlier one.
 */
public final class FeatureColumns {
    private FeatureColumns() {}

    /** Maps category strings to codes in first-seen order. */
    public static final class Vocabulary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        public Vocabulary() {}

        public Vocabulary(List<String> seed) { for (String s : seed) code(s); }

        public int code(String s) {
            Integer c = codes.get(s);
            if (c != null) return c;
            int id = names.size();
            codes.put(s, id);
            names.add(s);
            return id;
        }

        /** Code of an existing category, or -1. */
        public int find(String s) {
            Integer c = codes.get(s);
            return c == null ? -1 : c;
        }

        public List<String> names() { return List.copyOf(names); }
    }

    /** One category per entity. */
    public static final class Categorical {
        private final String name;
        private final int[] codes;
        private final Vocabulary vocab = new Vocabulary();

        public Categorical(String name, int n) {
            this.name = name;
            this.codes = new int[n];
            Arrays.fill(codes, -1);
        }

        /** Sets the entity's category; a null or empty value means missing. */
        public void set(int entity, String value) {
            codes[entity] = value == null || value.isEmpty() ? -1 : vocab.code(value);
        }

        public FeatureField.Categorical build() {
            return new FeatureField.Categorical(name, codes, vocab.names());
        }
    }

    /** Several categories per entity. */
    public static final class MultiValued {
        private final String name;
        private final int[][] rows;
        private final Vocabulary vocab;

        public MultiValued(String name, int n) { this(name, n, new Vocabulary()); }

        public MultiValued(String name, int n, Vocabulary vocab) {
            this.name = name;
            this.rows = new int[n][];
            this.vocab = vocab;
        }

        public Vocabulary vocabulary() { return vocab; }

        /** Sets the entity's categories (duplicates and empty strings dropped, order kept). */
        public void set(int entity, List<String> values) {
            int[] c = new int[values.size()];
            int k = 0;
            for (String v : values) {
                if (v.isEmpty()) continue;
                int code = vocab.code(v);
                boolean dup = false;
                for (int j = 0; j < k; j++) if (c[j] == code) { dup = true; break; }
                if (!dup) c[k++] = code;
            }
            rows[entity] = Arrays.copyOf(c, k);
        }

        /** Sets codes directly (caller guarantees they index the vocabulary). */
        public void setCodes(int entity, int[] codes) { rows[entity] = codes; }

        public FeatureField.MultiValued build() {
            int n = rows.length;
            int[] offsets = new int[n + 1];
            for (int e = 0; e < n; e++) offsets[e + 1] = offsets[e] + (rows[e] == null ? 0 : rows[e].length);
            int[] codes = new int[offsets[n]];
            for (int e = 0; e < n; e++) if (rows[e] != null) System.arraycopy(rows[e], 0, codes, offsets[e], rows[e].length);
            return new FeatureField.MultiValued(name, offsets, codes, vocab.names());
        }
    }

    /** A number per entity. */
    public static final class Numeric {
        private final String name;
        private final float[] values;

        public Numeric(String name, int n) {
            this.name = name;
            this.values = new float[n];
            Arrays.fill(values, Float.NaN);
        }

        public void set(int entity, float v) { values[entity] = v; }

        public FeatureField.Numeric build() { return new FeatureField.Numeric(name, values); }
    }

    /** Display text per entity. */
    public static final class Text {
        private final String name;
        private final String[] values;

        public Text(String name, int n) {
            this.name = name;
            this.values = new String[n];
            Arrays.fill(values, "");
        }

        public void set(int entity, String v) { values[entity] = v == null ? "" : v; }

        public FeatureField.Text build() { return new FeatureField.Text(name, values); }
    }
}
