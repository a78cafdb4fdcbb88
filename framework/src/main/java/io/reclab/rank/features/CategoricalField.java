package io.reclab.rank.features;

import java.util.HashMap;
import java.util.Map;

/** A fitted one-hot field: vocabulary with OOV, or the hashing trick. */
final class CategoricalField implements FittedField {
    private final FieldSpec.Categorical spec;
    private final Vocabulary vocab; // null when hashing
    private final int seed;

    private CategoricalField(FieldSpec.Categorical spec, Vocabulary vocab, int seed) {
        this.spec = spec;
        this.vocab = vocab;
        this.seed = seed;
    }

    static CategoricalField fit(FieldSpec.Categorical spec, RawTable train, int seed) {
        if (spec.hashBuckets() > 0) return new CategoricalField(spec, null, seed);
        RawTable.StringColumn col = train.stringColumn(spec.column());
        int[] countByCode = new int[col.dictionary().length];
        for (int c : col.codes()) countByCode[c]++;
        Map<String, Integer> counts = new HashMap<>();
        for (int code = 0; code < countByCode.length; code++)
            if (countByCode[code] > 0) counts.merge(key(spec, col.dictionary()[code]), countByCode[code], Integer::sum);
        return new CategoricalField(spec, Vocabulary.fromCounts(counts, spec.minCount()), seed);
    }

    private static String key(FieldSpec.Categorical spec, String v) {
        return spec.prefixLength() > 0 && v.length() > spec.prefixLength() ? v.substring(0, spec.prefixLength()) : v;
    }

    Vocabulary vocabulary() { return vocab; }

    @Override public String name() { return spec.name(); }

    @Override public int width() { return vocab == null ? spec.hashBuckets() : vocab.size() + 1; }

    int localId(String value) {
        String k = key(spec, value);
        return vocab == null ? FeatureHash.bucket(k, seed, spec.hashBuckets()) : vocab.id(k);
    }

    @Override
    public RowEncoder bind(RawTable table) {
        RawTable.StringColumn col = table.stringColumn(spec.column());
        String[] dict = col.dictionary();
        int[] idByCode = new int[dict.length];
        for (int c = 0; c < dict.length; c++) idByCode[c] = localId(dict[c]);
        int[] codes = col.codes();
        return (row, sink) -> sink.add(idByCode[codes[row]], 1f);
    }
}
