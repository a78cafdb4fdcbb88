package io.reclab.eval;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed {@code evaluation} block: how recall models are ranked and which metrics are computed.
 *
 * @param mode         {@code full} ranking over all items (default) or {@code sampled} among sampled negatives
 * @param negatives    sampled mode: negatives per test item (default 100, as RecBole's {@code uni100})
 * @param ks           list lengths a bare metric name expands to (default [10, 20])
 * @param metrics      the metrics, expanded and deduplicated in order (default recall, ndcg, precision, hit, mrr,
 *                     map, coverage, popularity at every K). HOCON reserves {@code @}, so an explicit id is
 *                     quoted in a list ({@code metrics = [ndcg, "recall@50"]}) or given as a string
 *                     ({@code evaluation.metrics="ndcg,recall@50"} on the command line)
 * @param excludeValid also exclude the user's validation items from the ranked list (default true)
 * @param threads      scoring threads (default: available processors)
 * @param blockSize    users scored per block (default 256); a block's score buffer is blockSize × numItems floats
 */
public record EvalSettings(Mode mode, int negatives, List<Integer> ks, List<RankingMetric> metrics,
                           boolean excludeValid, int threads, int blockSize) {
    /** Full ranking over the catalogue, or ranking among the test items plus sampled negatives. */
    public enum Mode { FULL, SAMPLED }

    public static final List<Integer> DEFAULT_KS = List.of(10, 20);
    public static final List<String> DEFAULT_METRICS =
            List.of("recall", "ndcg", "precision", "hit", "mrr", "map", "coverage", "popularity");

    public EvalSettings {
        if (negatives < 1) throw new ConfigError("`evaluation.negatives` = " + negatives + ": expected a positive integer");
        if (threads < 1) throw new ConfigError("`evaluation.threads` = " + threads + ": expected a positive integer");
        if (blockSize < 1) throw new ConfigError("`evaluation.block-size` = " + blockSize + ": expected a positive integer");
        if (metrics.isEmpty()) throw new ConfigError("`evaluation.metrics` is empty: expected at least one metric");
        ks = List.copyOf(ks);
        metrics = List.copyOf(metrics);
    }

    /** All defaults, as if the block were empty. */
    public static EvalSettings defaults() {
        return new EvalSettings(Mode.FULL, 100, DEFAULT_KS, expand(DEFAULT_METRICS, DEFAULT_KS, "evaluation"), true,
                Runtime.getRuntime().availableProcessors(), 256);
    }

    /** Reads the block and rejects unknown keys (calls {@link ConfigBlock#finish()}). */
    public static EvalSettings parse(ConfigBlock b) {
        String mode = b.getEnum("mode", "full", List.of("full", "sampled"));
        int negatives = b.positiveInt("negatives", 100);
        List<Integer> ks = b.getIntList("ks", DEFAULT_KS);
        if (ks.isEmpty()) throw new ConfigError("`" + b.path() + ".ks` is empty: expected positive integers, e.g. [10, 20]");
        for (int k : ks)
            if (k <= 0) throw new ConfigError("`" + b.path() + ".ks` contains " + k + ": expected positive integers");
        List<RankingMetric> metrics = expand(b.getStringList("metrics", DEFAULT_METRICS), ks, b.path());
        boolean excludeValid = b.getBoolean("exclude-valid", true);
        int threads = b.positiveInt("threads", Runtime.getRuntime().availableProcessors());
        int blockSize = b.positiveInt("block-size", 256);
        b.finish();
        return new EvalSettings(mode.equals("full") ? Mode.FULL : Mode.SAMPLED, negatives, ks, metrics, excludeValid,
                threads, blockSize);
    }

    /** A bare name becomes name@K for every K; an explicit {@code name@K} is kept; duplicates are dropped. */
    static List<RankingMetric> expand(List<String> names, List<Integer> ks, String path) {
        Set<String> seen = new LinkedHashSet<>();
        List<RankingMetric> out = new ArrayList<>();
        for (String n : names) {
            List<RankingMetric> ms = new ArrayList<>();
            try {
                if (n.contains("@")) ms.add(RankingMetrics.parse(n));
                else for (int k : ks) ms.add(RankingMetrics.create(n, k));
            } catch (ConfigError e) {
                throw new ConfigError("`" + path + ".metrics`: " + e.getMessage());
            }
            for (RankingMetric m : ms) if (seen.add(m.id())) out.add(m);
        }
        return out;
    }

    /** The longest list any metric reads: the length of the ranked lists to build. */
    public int maxK() {
        int k = 0;
        for (RankingMetric m : metrics) k = Math.max(k, m.k());
        return k;
    }

    public EvalSettings withMetrics(List<RankingMetric> m) {
        return new EvalSettings(mode, negatives, ks, m, excludeValid, threads, blockSize);
    }

    public EvalSettings withThreads(int t) {
        return new EvalSettings(mode, negatives, ks, metrics, excludeValid, t, blockSize);
    }

    public EvalSettings withMode(Mode m) {
        return new EvalSettings(m, negatives, ks, metrics, excludeValid, threads, blockSize);
    }
}
