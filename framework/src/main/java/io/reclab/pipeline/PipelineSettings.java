package io.reclab.pipeline;

import com.typesafe.config.ConfigValueType;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed {@code pipeline} block: which fitted recall models feed candidates to which ranker, and how long the final
 * lists are.
 * <pre>
 *   pipeline {
 *     sources = [itemcf, usercf]   # options of the recall group; each must be selected (defaults.recall)
 *     quota = 100                  # candidates per source per user, or a map { itemcf = 150, usercf = 50 }
 *     ranker = lr                  # an option of the rank group; must be selected (defaults.rank)
 *     k = [10, 20]                 # final list lengths; default: evaluation.ks
 *   }
 * </pre>
 *
 * @param name    the option that configured the pipeline ({@code defaults.pipeline}), used as the trial's name
 * @param sources recall options, in the order their candidates are merged; distinct, at least one
 * @param quotas  candidates per user taken from each source, aligned with {@code sources}; each positive
 * @param ranker  the rank option that re-ranks the merged candidates
 * @param ks      final list lengths, positive
 */
public record PipelineSettings(String name, List<String> sources, int[] quotas, String ranker, List<Integer> ks) {
    /** Candidates per source per user when {@code quota} is absent or a map leaves a source out. */
    public static final int DEFAULT_QUOTA = 100;
    /** Source tags are bits of an int, so at most this many sources. */
    public static final int MAX_SOURCES = 31;

    public PipelineSettings {
        sources = List.copyOf(sources);
        ks = List.copyOf(ks);
        quotas = quotas.clone();
        if (sources.isEmpty()) throw new ConfigError("`pipeline.sources` is empty: expected at least one recall option");
        if (sources.size() > MAX_SOURCES)
            throw new ConfigError("`pipeline.sources` lists " + sources.size() + " sources: at most " + MAX_SOURCES);
        if (new HashSet<>(sources).size() != sources.size())
            throw new ConfigError("`pipeline.sources` = " + sources + ": a source is listed twice");
        if (quotas.length != sources.size()) throw new IllegalArgumentException("one quota per source expected");
        for (int i = 0; i < quotas.length; i++)
            if (quotas[i] <= 0) throw new ConfigError("`pipeline.quota` for " + sources.get(i) + " = " + quotas[i] + ": expected a positive integer");
        if (ks.isEmpty()) throw new ConfigError("`pipeline.k` is empty: expected positive integers, e.g. [10, 20]");
        for (int k : ks) if (k <= 0) throw new ConfigError("`pipeline.k` contains " + k + ": expected positive integers");
    }

    /** The quota of source {@code s} (index into {@link #sources}). */
    public int quota(int s) { return quotas[s]; }

    /** The most candidates a user can get: the sum of the quotas (fewer after deduplication). */
    public int maxCandidates() {
        int n = 0;
        for (int q : quotas) n += q;
        return n;
    }

    /**
     * The final-stage metrics: the experiment's evaluation metrics at this pipeline's list lengths. When the lengths
     * are the evaluation's own, the evaluation's metric list is used unchanged (explicit {@code name@K} ids kept).
     */
    public List<RankingMetric> finalMetrics(List<RankingMetric> evaluation, List<Integer> evaluationKs) {
        if (ks.equals(evaluationKs)) return evaluation;
        Set<String> names = new LinkedHashSet<>();
        for (RankingMetric m : evaluation) names.add(m.id().substring(0, m.id().indexOf('@')));
        List<RankingMetric> out = new ArrayList<>();
        for (String n : names) for (int k : ks) out.add(RankingMetrics.create(n, k));
        return out;
    }

    /**
     * Reads the block and rejects unknown keys.
     *
     * @param name      the option name ({@code defaults.pipeline}), or null for an inline block
     * @param recall    the selected recall options (sources must be among them)
     * @param rank      the selected rank options (the ranker must be one of them)
     * @param defaultKs {@code evaluation.ks}
     */
    public static PipelineSettings parse(ConfigBlock b, String name, List<String> recall, List<String> rank,
                                         List<Integer> defaultKs) {
        List<String> sources = b.getStringList("sources", null);
        for (String s : sources) {
            if (!recall.contains(s)) {
                String sug = Suggest.closest(s, recall);
                throw new ConfigError("`" + b.path() + ".sources` names `" + s + "`, which is not a selected recall model"
                        + (sug == null ? "" : "; did you mean `" + sug + "`?")
                        + " Selected (defaults.recall): " + (recall.isEmpty() ? "none" : String.join(", ", recall)));
            }
        }
        int[] quotas = new int[sources.size()];
        java.util.Arrays.fill(quotas, DEFAULT_QUOTA);
        if (b.has("quota")) {
            if (b.raw().getValue("quota").valueType() == ConfigValueType.OBJECT) {
                ConfigBlock q = b.child("quota");
                for (int i = 0; i < sources.size(); i++) {
                    // a source option may contain characters HOCON would read as a path separator
                    String key = sources.get(i).matches("[A-Za-z0-9_-]+") ? sources.get(i) : "\"" + sources.get(i) + "\"";
                    quotas[i] = q.positiveInt(key, DEFAULT_QUOTA);
                }
                q.finish();
            } else {
                java.util.Arrays.fill(quotas, b.positiveInt("quota", DEFAULT_QUOTA));
            }
        }
        String ranker = b.getString("ranker", null);
        if (!rank.contains(ranker)) {
            String sug = Suggest.closest(ranker, rank);
            throw new ConfigError("`" + b.path() + ".ranker` = " + ranker + " is not a selected rank model"
                    + (sug == null ? "" : "; did you mean `" + sug + "`?")
                    + " Selected (defaults.rank): " + (rank.isEmpty() ? "none" : String.join(", ", rank)));
        }
        List<Integer> ks = b.getIntList("k", defaultKs);
        b.finish();
        return new PipelineSettings(name == null ? "pipeline" : name, sources, quotas, ranker, ks);
    }

    /** The settings, typed, for run.json's params. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sources", sources);
        for (int i = 0; i < sources.size(); i++) p.put("quota." + sources.get(i), quotas[i]);
        p.put("ranker", ranker);
        p.put("k", ks);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineSettings p && name.equals(p.name) && sources.equals(p.sources)
                && java.util.Arrays.equals(quotas, p.quotas) && ranker.equals(p.ranker) && ks.equals(p.ks);
    }

    @Override
    public int hashCode() { return 31 * (31 * name.hashCode() + sources.hashCode()) + java.util.Arrays.hashCode(quotas); }

    @Override
    public String toString() {
        return "PipelineSettings[" + name + ": " + params() + "]";
    }
}
