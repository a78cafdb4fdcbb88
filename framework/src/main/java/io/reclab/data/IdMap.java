package io.reclab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bijection between external ids (as written in a data file) and dense internal ids {@code 0..size()-1}.
 * Dense ids index every primitive array in reclab; external ids are kept so results can be written back out.
 * Instances built by {@link Builder} are immutable once {@link Builder#build()} returns.
 */
public final class IdMap {
    private final Map<String, Integer> toDense;
    private final List<String> toExternal;

    private IdMap(Map<String, Integer> toDense, List<String> toExternal) {
        this.toDense = toDense;
        this.toExternal = toExternal;
    }

    /** Map of {@code n} ids named "0".."n-1" (for synthetic data). */
    public static IdMap identity(int n) {
        Builder b = new Builder();
        for (int i = 0; i < n; i++) b.add(Integer.toString(i));
        return b.build();
    }

    public int size() { return toExternal.size(); }

    /** Dense id of an external id, or -1 if unknown. */
    public int dense(String external) {
        Integer v = toDense.get(external);
        return v == null ? -1 : v;
    }

    public String external(int dense) { return toExternal.get(dense); }

    public List<String> externals() { return toExternal; }

    /** Incremental construction in first-seen order, so that the same file always gives the same dense ids. */
    public static final class Builder {
        private final Map<String, Integer> toDense = new HashMap<>();
        private final List<String> toExternal = new ArrayList<>();

        /** Returns the dense id of {@code external}, assigning the next one if it is new. */
        public int add(String external) {
            Integer v = toDense.get(external);
            if (v != null) return v;
            int id = toExternal.size();
            toDense.put(external, id);
            toExternal.add(external);
            return id;
        }

        public int get(String external) {
            Integer v = toDense.get(external);
            return v == null ? -1 : v;
        }

        public int size() { return toExternal.size(); }

        public IdMap build() {
            return new IdMap(Collections.unmodifiableMap(new HashMap<>(toDense)),
                    Collections.unmodifiableList(new ArrayList<>(toExternal)));
        }
    }
}
