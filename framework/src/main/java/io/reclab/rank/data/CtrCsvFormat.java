package io.reclab.rank.data;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.rank.features.FieldSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column roles of a FuxiCTR / BARS CSV (header line, a label column, named feature columns). Columns not listed are
 * ignored. Keys: {@code label} ("label"), {@code categorical}, {@code numeric}, {@code sequence} (lists of column
 * names, default empty), {@code user-column} ("" = none; its values group rows for GAUC), {@code separator} (","),
 * {@code sequence-separator} ("^", FuxiCTR's splitter).
 */
public record CtrCsvFormat(String label, List<String> categorical, List<String> numeric, List<String> sequence,
                           String userColumn, char separator, String sequenceSeparator) {
    public CtrCsvFormat {
        Set<String> seen = new HashSet<>();
        for (List<String> l : List.of(categorical, numeric, sequence))
            for (String c : l) if (!seen.add(c)) throw new IllegalArgumentException("column `" + c + "` listed twice");
        if (seen.contains(label)) throw new IllegalArgumentException("label column `" + label + "` also listed as a feature");
        categorical = List.copyOf(categorical);
        numeric = List.copyOf(numeric);
        sequence = List.copyOf(sequence);
    }

    public static CtrCsvFormat from(ConfigBlock b) {
        String sep = b.getString("separator", ",");
        if (sep.length() != 1) throw new ConfigError("`" + b.path() + ".separator` = \"" + sep + "\": expected one character");
        try {
            return new CtrCsvFormat(b.getString("label", "label"), b.getStringList("categorical", List.of()),
                    b.getStringList("numeric", List.of()), b.getStringList("sequence", List.of()),
                    b.getString("user-column", ""), sep.charAt(0), b.getString("sequence-separator", "^"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("`" + b.path() + "`: " + e.getMessage());
        }
    }

    /**
     * Fields for a {@link io.reclab.rank.features.FeaturePipeline}: categorical columns with {@code minCount},
     * numeric columns untransformed, sequences mean-pooled keeping the last {@code maxLength} values.
     */
    public List<FieldSpec> defaultFields(int minCount, int maxLength) {
        List<FieldSpec> out = new ArrayList<>();
        for (String c : categorical) out.add(new FieldSpec.Categorical(c, c, minCount, 0, 0));
        for (String c : numeric) out.add(new FieldSpec.Numeric(c, c, FieldSpec.Transform.NONE, new double[0], 0));
        for (String c : sequence) out.add(new FieldSpec.Sequence(c, c, sequenceSeparator, FieldSpec.Pooling.MEAN, minCount, maxLength));
        return out;
    }
}
