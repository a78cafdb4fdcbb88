package io.reclab.rank.features;

/**
 * One field of a fitted pipeline: its width (number of feature ids it owns) and, bound to a table, an encoder that
 * emits a row's nonzeros as field-local ids. Binding maps each distinct dictionary string of the table once, so the
 * per-row work is an array lookup.
 */
interface FittedField {
    String name();

    int width();

    RowEncoder bind(RawTable table);

    /** Emits one row's nonzeros (local ids 0..width-1) into a sink. */
    @FunctionalInterface
    interface RowEncoder {
        void emit(int row, Sink sink);
    }

    /** Growable nonzero buffer; {@link #add} offsets local ids by the current field's base. */
    final class Sink {
        int[] ids = new int[1024];
        float[] vals = new float[1024];
        int[] fields = new int[1024];
        int size;
        int base;
        int field;

        void add(int localId, float value) {
            if (size == ids.length) {
                int cap = size * 2;
                ids = java.util.Arrays.copyOf(ids, cap);
                vals = java.util.Arrays.copyOf(vals, cap);
                fields = java.util.Arrays.copyOf(fields, cap);
            }
            ids[size] = base + localId;
            vals[size] = value;
            fields[size] = field;
            size++;
        }
    }
}
