package io.reclab.rank.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values kept for a field: those seen at least {@code minCount} times in training, with ids 1..size in
 * lexicographic order (so ids do not depend on row order); id 0 is the field's single out-of-vocabulary id.
 * Immutable once built.
 */
final class Vocabulary {
    static final int OOV = 0;
    private final Map<String, Integer> ids;
    private final List<String> values;

    private Vocabulary(Map<String, Integer> ids, List<String> values) {
        this.ids = ids;
        this.values = values;
    }

    static Vocabulary fromCounts(Map<String, Integer> counts, int minCount) {
        List<String> kept = new ArrayList<>();
        counts.forEach((v, c) -> { if (c >= minCount) kept.add(v); });
        Collections.sort(kept);
        Map<String, Integer> ids = new HashMap<>(kept.size() * 2);
        for (int i = 0; i < kept.size(); i++) ids.put(kept.get(i), i + 1);
        return new Vocabulary(Collections.unmodifiableMap(ids), Collections.unmodifiableList(kept));
    }

    /** The value's id, or {@link #OOV}. */
    int id(String value) {
        Integer id = ids.get(value);
        return id == null ? OOV : id;
    }

    /** Number of kept values (the field's width is this + 1 for OOV). */
    int size() { return values.size(); }

    List<String> values() { return values; }
}
