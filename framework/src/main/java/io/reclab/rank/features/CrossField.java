package io.reclab.rank.features;

import java.util.List;

/**
 * A hashed cross of two or more string columns: the values joined with U+0001 (which does not occur in data) are
 * hashed into {@code hashBuckets} buckets. Nothing is fitted, so unseen combinations are handled like seen ones.
 */
final class CrossField implements FittedField {
    private final FieldSpec.Cross spec;
    private final int seed;

    CrossField(FieldSpec.Cross spec, RawTable train, int seed) {
        this.spec = spec;
        this.seed = seed;
        for (String c : spec.of()) train.stringColumn(c); // fail at fit time on a missing or numeric column
    }

    @Override public String name() { return spec.name(); }

    @Override public int width() { return spec.hashBuckets(); }

    @Override
    public RowEncoder bind(RawTable table) {
        List<String> of = spec.of();
        RawTable.StringColumn[] cols = new RawTable.StringColumn[of.size()];
        for (int i = 0; i < cols.length; i++) cols[i] = table.stringColumn(of.get(i));
        int buckets = spec.hashBuckets();
        StringBuilder sb = new StringBuilder();
        return (row, sink) -> {
            sb.setLength(0);
            for (int i = 0; i < cols.length; i++) {
                if (i > 0) sb.append('\u0001');
                sb.append(cols[i].value(row));
            }
            sink.add(FeatureHash.bucket(sb.toString(), seed, buckets), 1f);
        };
    }
}
