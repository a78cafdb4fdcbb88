package io.reclab.rank.features;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;

import java.util.List;

/**
 * One declared input field of a {@link FeaturePipeline}, parsed from an entry of {@code features.fields}.
 * {@code column} is the {@link RawTable} column read (defaults to {@code name}).
 */
public sealed interface FieldSpec {
    String name();

    List<String> TYPES = List.of("categorical", "numeric", "multi", "sequence", "cross");

    /**
     * One category per row. With {@code hashBuckets > 0} the value is hashed into that many buckets (no vocabulary);
     * otherwise values seen at least {@code minCount} times in training get an id and the rest share one OOV id.
     * {@code prefixLength > 0} keeps only the first characters (e.g. a zip-code prefix).
     */
    record Categorical(String name, String column, int minCount, int hashBuckets, int prefixLength) implements FieldSpec {}

    /** How a numeric field is turned into model input. */
    enum Transform { NONE, LOG, STANDARDIZE, BUCKETIZE }

    /**
     * A number per row: raw ({@code none}), {@code log} = ln(1 + x), {@code standardize} = (x - mean) / std with the
     * training mean and std, or {@code bucketize} = one-hot bucket by {@code buckets} edges (bucket = number of
     * edges <= x) or by {@code quantiles} training quantiles. Missing (NaN) gives no nonzero, or the dedicated
     * last bucket when bucketized.
     */
    record Numeric(String name, String column, Transform transform, double[] edges, int quantiles) implements FieldSpec {}

    /** How the values of a multi-valued row are weighted. */
    enum Pooling { MEAN, SUM }

    /** Several categories per row, joined by {@code separator} (e.g. genres "Action|Comedy"); vocabulary as categorical. */
    record Multi(String name, String column, String separator, Pooling pooling, int minCount) implements FieldSpec {}

    /**
     * The user's most recent items before the sample's time (oldest first, as {@link SampleBuilder} writes them),
     * as a multi-valued field keeping the last {@code maxLength}.
     */
    record Sequence(String name, String column, String separator, Pooling pooling, int minCount, int maxLength) implements FieldSpec {}

    /** Hash of the concatenated values of two or more string columns into {@code hashBuckets} buckets. */
    record Cross(String name, List<String> of, int hashBuckets) implements FieldSpec {}

    /** Parses one field entry; every key is checked (unknown keys are rejected with a suggestion). */
    static FieldSpec parse(ConfigBlock b) {
        String name = b.getString("name", null);
        String type = b.getEnum("type", null, TYPES);
        FieldSpec spec;
        switch (type) {
            case "categorical":
                spec = new Categorical(name, b.getString("column", name), b.positiveInt("min-count", 1),
                        b.nonNegativeInt("hash-buckets", 0), b.nonNegativeInt("prefix-length", 0));
                break;
            case "numeric": {
                String t = b.getEnum("transform", "none", List.of("none", "log", "standardize", "bucketize"));
                Transform tr = Transform.valueOf(t.toUpperCase(java.util.Locale.ROOT));
                double[] edges = new double[0];
                int quantiles = 0;
                if (tr == Transform.BUCKETIZE) {
                    boolean hasEdges = b.has("buckets"), hasQ = b.has("quantiles");
                    if (hasEdges == hasQ)
                        throw new ConfigError("`" + b.path() + "` (field " + name + "): bucketize needs exactly one of `buckets` (edges) or `quantiles`");
                    if (hasEdges) {
                        List<Double> list;
                        try {
                            list = b.raw().getDoubleList("buckets");
                        } catch (com.typesafe.config.ConfigException e) {
                            throw new ConfigError("`" + b.path() + ".buckets`: expected a list of numbers (bucket edges)");
                        }
                        edges = new double[list.size()];
                        for (int i = 0; i < edges.length; i++) {
                            edges[i] = list.get(i);
                            if (i > 0 && !(edges[i] > edges[i - 1]))
                                throw new ConfigError("`" + b.path() + ".buckets` must be strictly increasing, got " + list);
                        }
                    } else {
                        quantiles = b.getInt("quantiles", null);
                        if (quantiles < 2) throw new ConfigError("`" + b.path() + ".quantiles` = " + quantiles + ": expected an integer >= 2");
                    }
                }
                spec = new Numeric(name, b.getString("column", name), tr, edges, quantiles);
                break;
            }
            case "multi":
                spec = new Multi(name, b.getString("column", name), b.getString("separator", "|"), pooling(b),
                        b.positiveInt("min-count", 1));
                break;
            case "sequence":
                spec = new Sequence(name, b.getString("column", name), b.getString("separator", "|"), pooling(b),
                        b.positiveInt("min-count", 1), b.positiveInt("max-length", 20));
                break;
            default: {
                List<String> of = b.getStringList("of", null);
                if (of.size() < 2) throw new ConfigError("`" + b.path() + ".of` = " + of + ": a cross needs at least 2 columns");
                spec = new Cross(name, List.copyOf(of), b.positiveInt("hash-buckets", 10000));
            }
        }
        b.finish();
        return spec;
    }

    private static Pooling pooling(ConfigBlock b) {
        return Pooling.valueOf(b.getEnum("pooling", "mean", List.of("mean", "sum")).toUpperCase(java.util.Locale.ROOT));
    }
}
