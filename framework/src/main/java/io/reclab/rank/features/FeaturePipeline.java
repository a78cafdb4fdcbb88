package io.reclab.rank.features;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The declared input fields of a ranking model, unfitted. {@link #fit} learns vocabularies, statistics and quantile
 * edges from training rows only; the returned {@link FittedFeaturePipeline} then encodes any table (train, valid,
 * test) the same way. Parsed from a {@code features} block:
 * <pre>
 * features {
 *   hash-seed = 0          # seed of the hashing trick (categorical hash-buckets, crosses)
 *   fields = [
 *     {name = user_id, type = categorical, min-count = 1}
 *     {name = age, type = numeric, transform = bucketize, buckets = [18, 25, 35, 45, 55]}
 *     {name = genres, type = multi, pooling = mean, separator = "|"}
 *     {name = gender_x_occupation, type = cross, of = [gender, occupation], hash-buckets = 10000}
 *     {name = history, type = sequence, max-length = 20}
 *   ]
 * }
 * </pre>
 * Per type, keys and defaults: categorical {@code column (= name), min-count 1, hash-buckets 0 (vocabulary),
 * prefix-length 0}; numeric {@code transform none|log|standardize|bucketize, buckets [edges] | quantiles n};
 * multi {@code separator "|", pooling mean|sum, min-count 1}; sequence as multi plus {@code max-length 20};
 * cross {@code of [2+ columns], hash-buckets 10000}.
 */
public final class FeaturePipeline {
    private final List<FieldSpec> fields;
    private final int hashSeed;

    public FeaturePipeline(List<FieldSpec> fields, int hashSeed) {
        if (fields.isEmpty()) throw new IllegalArgumentException("a feature pipeline needs at least one field");
        Set<String> names = new HashSet<>();
        for (FieldSpec f : fields)
            if (!names.add(f.name())) throw new IllegalArgumentException("field `" + f.name() + "` declared twice");
        this.fields = List.copyOf(fields);
        this.hashSeed = hashSeed;
    }

    /** Reads {@code hash-seed} and {@code fields} (a list of field objects) from {@code block}. */
    public static FeaturePipeline fromConfig(ConfigBlock block) {
        int seed = block.getInt("hash-seed", 0);
        if (!block.has("fields")) throw new ConfigError("missing required key `" + block.path() + ".fields` (a list of field objects)");
        List<? extends com.typesafe.config.Config> list;
        try {
            list = block.raw().getConfigList("fields");
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigError("`" + block.path() + ".fields`: expected a list of objects like {name = x, type = categorical}");
        }
        if (list.isEmpty())
            throw new ConfigError("`" + block.path() + ".fields` is empty: expected at least one field, e.g. {name = user_id, type = categorical}");
        List<FieldSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++)
            specs.add(FieldSpec.parse(new ConfigBlock(list.get(i), block.path() + ".fields[" + i + "]")));
        Set<String> names = new HashSet<>();
        for (FieldSpec f : specs)
            if (!names.add(f.name())) throw new ConfigError("`" + block.path() + ".fields`: field `" + f.name() + "` declared twice");
        return new FeaturePipeline(specs, seed);
    }

    public List<FieldSpec> fields() { return fields; }

    public int hashSeed() { return hashSeed; }

    /** Learns every field's encoding from {@code train} (and only from it). */
    public FittedFeaturePipeline fit(RawTable train) {
        List<FittedField> fitted = new ArrayList<>(fields.size());
        for (FieldSpec f : fields) {
            try {
                fitted.add(fitOne(f, train));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field `" + f.name() + "`: " + e.getMessage(), e);
            }
        }
        return new FittedFeaturePipeline(fitted);
    }

    private FittedField fitOne(FieldSpec f, RawTable train) {
        if (f instanceof FieldSpec.Categorical c) return CategoricalField.fit(c, train, hashSeed);
        if (f instanceof FieldSpec.Numeric n) return NumericField.fit(n, train);
        if (f instanceof FieldSpec.Multi m) return MultiField.fit(m, train);
        if (f instanceof FieldSpec.Sequence s) return MultiField.fit(s, train);
        return new CrossField((FieldSpec.Cross) f, train, hashSeed);
    }
}
