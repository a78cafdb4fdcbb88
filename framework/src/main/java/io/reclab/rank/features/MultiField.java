package io.reclab.rank.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A fitted multi-valued field (genres, tags) or sequence field (recent items): a vocabulary over the separated
 * tokens, each row emitting one nonzero per token with weight 1/n (mean pooling) or 1 (sum). A sequence keeps only
 * its last {@code maxLength} tokens (the most recent, as histories are written oldest first). An empty string has
 * no tokens and emits nothing.
 */
final class MultiField implements FittedField {
    private final String name;
    private final String column;
    private final Pattern separator;
    private final FieldSpec.Pooling pooling;
    private final int maxLength;
    private final Vocabulary vocab;

    private MultiField(String name, String column, Pattern separator, FieldSpec.Pooling pooling, int maxLength, Vocabulary vocab) {
        this.name = name;
        this.column = column;
        this.separator = separator;
        this.pooling = pooling;
        this.maxLength = maxLength;
        this.vocab = vocab;
    }

    static MultiField fit(FieldSpec.Multi s, RawTable train) {
        return fit(s.name(), s.column(), s.separator(), s.pooling(), Integer.MAX_VALUE, s.minCount(), train);
    }

    static MultiField fit(FieldSpec.Sequence s, RawTable train) {
        return fit(s.name(), s.column(), s.separator(), s.pooling(), s.maxLength(), s.minCount(), train);
    }

    private static MultiField fit(String name, String column, String sep, FieldSpec.Pooling pooling, int maxLength,
                                  int minCount, RawTable train) {
        Pattern p = Pattern.compile(Pattern.quote(sep));
        RawTable.StringColumn col = train.stringColumn(column);
        int[] countByCode = new int[col.dictionary().length];
        for (int c : col.codes()) countByCode[c]++;
        Map<String, Integer> counts = new HashMap<>();
        for (int code = 0; code < countByCode.length; code++) {
            if (countByCode[code] == 0) continue;
            for (String t : tokens(col.dictionary()[code], p, maxLength)) counts.merge(t, countByCode[code], Integer::sum);
        }
        return new MultiField(name, column, p, pooling, maxLength, Vocabulary.fromCounts(counts, minCount));
    }

    static List<String> tokens(String value, Pattern sep, int maxLength) {
        List<String> out = new ArrayList<>();
        if (value.isEmpty()) return out;
        for (String t : sep.split(value)) if (!t.isEmpty()) out.add(t);
        return out.size() > maxLength ? out.subList(out.size() - maxLength, out.size()) : out;
    }

    Vocabulary vocabulary() { return vocab; }

    @Override public String name() { return name; }

    @Override public int width() { return vocab.size() + 1; }

    @Override
    public RowEncoder bind(RawTable table) {
        RawTable.StringColumn col = table.stringColumn(column);
        String[] dict = col.dictionary();
        int[][] idsByCode = new int[dict.length][];
        for (int c = 0; c < dict.length; c++) {
            List<String> toks = tokens(dict[c], separator, maxLength);
            int[] ids = new int[toks.size()];
            for (int i = 0; i < ids.length; i++) ids[i] = vocab.id(toks.get(i));
            idsByCode[c] = ids;
        }
        int[] codes = col.codes();
        boolean mean = pooling == FieldSpec.Pooling.MEAN;
        return (row, sink) -> {
            int[] ids = idsByCode[codes[row]];
            float w = mean ? 1f / ids.length : 1f;
            for (int id : ids) sink.add(id, w);
        };
    }
}
