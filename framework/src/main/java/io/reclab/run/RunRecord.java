package io.reclab.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.reclab.data.DatasetInfo;

import java.util.List;
import java.util.Map;

/**
 * The content of a trial's {@code run.json}: what ran (model, params, seeds, data, split, protocol, environment),
 * how it went (status, timings, curves), how the model was chosen ({@code selection}: the validation metric, the
 * best epoch, refit) and what it scored ({@code metrics.valid} and {@code metrics.test}: stage → metric id → value,
 * with each metric's declared direction beside them). Reports read only these records and the per-user CSV files
 * beside them.
 *
 * @param status     {@code running}, {@code completed} or {@code failed}; only completed trials are skipped on resume
 * @param stage      {@code recall}, {@code rank} or {@code pipeline}
 * @param params     every effective hyperparameter of the model's block, defaults included, typed as in the config
 *                   (numbers as numbers, booleans as booleans, lists as lists)
 * @param sweep      the swept keys and their values for this trial (empty outside sweeps)
 * @param seeds      master seed and every derived component seed, by config path
 * @param timings    seconds by phase: {@code fit}, {@code evaluate}, ...
 * @param curves     training curves: series → points by epoch
 * @param extras     model-specific measurements (e.g. ANN recall vs exact, query latency), name → value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        String experiment,
        String trial,
        String status,
        String stage,
        String model,
        Map<String, Object> params,
        Map<String, String> sweep,
        Map<String, Long> seeds,
        DatasetInfo dataset,
        SplitInfo split,
        EvalProtocol evaluation,
        EnvironmentInfo environment,
        Map<String, Double> timings,
        Metrics metrics,
        Selection selection,
        Map<String, List<TrainingLog.Point>> curves,
        Map<String, Double> extras,
        String startedAt,
        String finishedAt,
        String error) {

    /** Test metrics (stage → metric id → value), or an empty map when none were computed. */
    @JsonIgnore
    public Map<String, Map<String, Double>> test() {
        return metrics == null || metrics.test() == null ? Map.of() : metrics.test();
    }

    /** Validation metrics (stage → metric id → value), or an empty map when the protocol has no validation part. */
    @JsonIgnore
    public Map<String, Map<String, Double>> valid() {
        return metrics == null || metrics.valid() == null ? Map.of() : metrics.valid();
    }

    /**
     * What a trial scored. {@code valid} is computed on the validation part (training items excluded) and is what
     * every choice reads; {@code test} is computed once, for the final model. {@code direction}: metric id →
     * {@code higher}, {@code lower} or {@code closest-to-1}, as each metric declares it.
     */
    public record Metrics(Map<String, Map<String, Double>> valid, Map<String, Map<String, Double>> test,
                          Map<String, String> direction) {
        public static final Metrics NONE = new Metrics(Map.of(), Map.of(), Map.of());

        /**
         * Reads {@code {"valid": …, "test": …, "direction": …}}, and also the shape run.json had before validation
         * metrics were stored ({@code {"recall": {…}}}: test metrics only), so older run folders stay readable.
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        @SuppressWarnings("unchecked")
        static Metrics read(Map<String, Object> json) {
            if (json.containsKey("test") || json.containsKey("valid") || json.containsKey("direction"))
                return new Metrics(stages(json.get("valid")), stages(json.get("test")),
                        json.get("direction") == null ? Map.of() : (Map<String, String>) json.get("direction"));
            return new Metrics(Map.of(), stages(json), Map.of());
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Map<String, Double>> stages(Object o) {
            Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
            if (o == null) return out;
            ((Map<String, Object>) o).forEach((stage, m) -> {
                Map<String, Double> vs = new java.util.LinkedHashMap<>();
                ((Map<String, Object>) m).forEach((id, v) -> vs.put(id, v == null ? Double.NaN
                        : v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v))));
                out.put(stage, vs);
            });
            return out;
        }
    }

    /**
     * How the reported model was chosen: the validation metric early stopping and tuning read ({@code metric},
     * its {@code direction}), the epoch whose parameters were kept ({@code bestEpoch}, null for models without
     * epochs or without a validation part) and its validation value, and whether the final model was refit on
     * train + valid ({@code refit}) for {@code refitEpochs} epochs.
     */
    public record Selection(String metric, String direction, Integer bestEpoch, Double bestValue, boolean refit,
                            Integer refitEpochs) {}

    /** Sizes and description of the split the trial used. */
    public record SplitInfo(String protocol, int train, int valid, int test) {}

    /**
     * How lists were evaluated. {@code mode} is {@code full} (every item scored, training items excluded) or
     * {@code sampled} (each test item ranked among {@code negatives} sampled items per positive).
     */
    public record EvalProtocol(String mode, int negatives, List<Integer> ks, boolean excludeTrain, boolean excludeValid,
                               int evaluatedUsers, int skippedUsers, String ndcgVariant) {}

    /** Where it ran, for provenance. */
    /** Where a trial ran; {@code engine} is {@code in-process} or a cluster engine with its master (absent in older runs). */
    public record EnvironmentInfo(String java, String os, String arch, int cpus, String gitCommit, String reclabVersion,
                                  String engine) {
        public EnvironmentInfo withEngine(String e) { return new EnvironmentInfo(java, os, arch, cpus, gitCommit, reclabVersion, e); }
    }
}
