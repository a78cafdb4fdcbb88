package io.reclab.metric.ranking;

import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;
import io.reclab.metric.RankingMetric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The catalogue of ranking metrics and the parser of ids such as {@code ndcg@10} (case-insensitive). Canonical
 * names: recall, precision, ndcg, hit (alias hitrate), mrr, map, coverage (alias itemcoverage), popularity
 * (alias averagepopularity).
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /** A metric name with its one-line description, for {@code reclab list}. */
    public record Info(String name, String description) {}

    private record Def(String description, IntFunction<RankingMetric> make) {}

    private static final Map<String, Def> DEFS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of(
            "hitrate", "hit", "itemcoverage", "coverage", "averagepopularity", "popularity");

    static {
        DEFS.put("recall", new Def("hits in the top K / number of relevant items", Recall::new));
        DEFS.put("precision", new Def("hits in the top K / K", Precision::new));
        DEFS.put("ndcg", new Def("normalised discounted cumulative gain, binary relevance, log2 discount", Ndcg::new));
        DEFS.put("hit", new Def("1 if any relevant item is in the top K (hit rate)", HitRate::new));
        DEFS.put("mrr", new Def("reciprocal rank of the first relevant item in the top K", Mrr::new));
        DEFS.put("map", new Def("mean average precision, normalised by min(|relevant|, K)", MeanAveragePrecision::new));
        DEFS.put("coverage", new Def("distinct items in all top-K lists / catalogue size", ItemCoverage::new));
        DEFS.put("popularity", new Def("mean training popularity of the top-K items (lower = more novel)", AveragePopularity::new));
    }

    /** Canonical names with descriptions, in a fixed order. */
    public static List<Info> catalogue() {
        List<Info> out = new ArrayList<>();
        DEFS.forEach((n, d) -> out.add(new Info(n, d.description())));
        return out;
    }

    /** The canonical name for {@code name} (lowercased, aliases resolved), or a ConfigError listing the known names. */
    public static String canonicalName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        if (DEFS.containsKey(n)) return n;
        List<String> known = new ArrayList<>(DEFS.keySet());
        known.addAll(ALIASES.keySet());
        String msg = "unknown ranking metric `" + name.trim() + "`";
        String s = Suggest.closest(n, known);
        if (s != null) msg += "; did you mean `" + s + "`?";
        throw new ConfigError(msg + " Known: " + String.join(", ", DEFS.keySet()));
    }

    /** The metric {@code name@k}. */
    public static RankingMetric create(String name, int k) {
        if (k <= 0) throw new ConfigError("ranking metric `" + name + "@" + k + "`: K must be a positive integer");
        return DEFS.get(canonicalName(name)).make().apply(k);
    }

    /** Parses {@code name@K}, e.g. {@code NDCG@10} → ndcg@10. */
    public static RankingMetric parse(String id) {
        String s = id.trim();
        int at = s.indexOf('@');
        if (at < 0) {
            canonicalName(s); // an unknown name is the more useful error
            throw new ConfigError("ranking metric `" + s + "`: missing @K (e.g. " + s.toLowerCase(Locale.ROOT) + "@10)");
        }
        String name = s.substring(0, at);
        String ks = s.substring(at + 1).trim();
        int k;
        try {
            k = Integer.parseInt(ks);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k <= 0)
            throw new ConfigError("ranking metric `" + s + "`: `" + ks + "` after @ is not a positive integer (e.g. "
                    + name.trim().toLowerCase(Locale.ROOT) + "@10)");
        return create(name, k);
    }
}
