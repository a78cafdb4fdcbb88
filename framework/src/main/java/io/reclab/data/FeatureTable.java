package io.reclab.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Side features of users or of items, by field name, aligned with an {@link IdMap} (row e = dense id e).
 * MovieLens demographics (age, gender, occupation, zip) and genres land here for later ranking models.
 */
public final class FeatureTable {
    private final int size;
    private final Map<String, FeatureField> fields;

    public FeatureTable(int size, List<FeatureField> fields) {
        this.size = size;
        Map<String, FeatureField> m = new LinkedHashMap<>();
        for (FeatureField f : fields) {
            int n = rowsOf(f);
            if (n != size) throw new IllegalArgumentException("field " + f.name() + " has " + n + " rows, expected " + size);
            if (m.put(f.name(), f) != null) throw new IllegalArgumentException("duplicate field " + f.name());
        }
        this.fields = Collections.unmodifiableMap(m);
    }

    private static int rowsOf(FeatureField f) {
        if (f instanceof FeatureField.Categorical c) return c.codes().length;
        if (f instanceof FeatureField.MultiValued mv) return mv.offsets().length - 1;
        if (f instanceof FeatureField.Numeric nu) return nu.values().length;
        return ((FeatureField.Text) f).values().length;
    }

    public static FeatureTable empty(int size) { return new FeatureTable(size, List.of()); }

    public int size() { return size; }
    public Map<String, FeatureField> fields() { return fields; }
    public Optional<FeatureField> field(String name) { return Optional.ofNullable(fields.get(name)); }
    public boolean isEmpty() { return fields.isEmpty(); }
}
