package io.reclab.rank.features;

import io.reclab.rank.Samples;

import java.util.Arrays;
import java.util.List;

/**
 * A fitted feature pipeline: encodes raw tables into {@link Samples} with global dense feature ids. Field f owns ids
 * {@code offset(f) .. offset(f) + width(f) - 1}, fields in declared order; nonzeros within a sample follow field
 * order. Immutable: encoding validation or test data never changes a vocabulary or a statistic.
 */
public final class FittedFeaturePipeline {
    private final List<FittedField> fields;
    private final int[] offsets;
    private final String[] names;

    FittedFeaturePipeline(List<FittedField> fields) {
        this.fields = List.copyOf(fields);
        this.offsets = new int[fields.size() + 1];
        this.names = new String[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            offsets[f + 1] = offsets[f] + fields.get(f).width();
            names[f] = fields.get(f).name();
        }
    }

    public int numFields() { return fields.size(); }
    public int numFeatures() { return offsets[fields.size()]; }
    public List<String> fieldNames() { return List.of(names); }

    public int fieldIndex(String name) {
        for (int f = 0; f < names.length; f++) if (names[f].equals(name)) return f;
        throw new IllegalArgumentException("no field `" + name + "`; fields: " + String.join(", ", names));
    }

    /** First global feature id of a field. */
    public int offset(String field) { return offsets[fieldIndex(field)]; }

    /** Number of feature ids of a field (vocabulary + 1 OOV, hash buckets, buckets + 1 missing, or 1). */
    public int width(String field) { return fields.get(fieldIndex(field)).width(); }

    /**
     * Global feature id of a categorical value, as encoding would give it (OOV id for unseen values); -1 for fields
     * that are not single categorical.
     */
    public int featureId(String field, String value) {
        FittedField f = fields.get(fieldIndex(field));
        if (!(f instanceof CategoricalField c)) return -1;
        return offset(field) + c.localId(value);
    }

    /** Bucket edges of a bucketized numeric field (fitted quantiles or the configured edges). */
    public double[] bucketEdges(String field) {
        FittedField f = fields.get(fieldIndex(field));
        if (!(f instanceof NumericField n)) throw new IllegalArgumentException("field `" + field + "` is not numeric");
        return n.edges();
    }

    /** Encodes every row of {@code table} (its labels and users are carried over). */
    public Samples transform(RawTable table) {
        int n = table.size(), k = fields.size();
        FittedField.RowEncoder[] enc = new FittedField.RowEncoder[k];
        for (int f = 0; f < k; f++) {
            try {
                enc[f] = fields.get(f).bind(table);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field `" + names[f] + "`: " + e.getMessage(), e);
            }
        }
        FittedField.Sink sink = new FittedField.Sink();
        int[] rowPtr = new int[n + 1];
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < k; f++) {
                sink.base = offsets[f];
                sink.field = f;
                enc[f].emit(r, sink);
            }
            rowPtr[r + 1] = sink.size;
        }
        return new Samples(k, numFeatures(), rowPtr, Arrays.copyOf(sink.ids, sink.size), Arrays.copyOf(sink.vals, sink.size),
                Arrays.copyOf(sink.fields, sink.size), table.labels().clone(), table.users().clone(), names.clone());
    }
}
