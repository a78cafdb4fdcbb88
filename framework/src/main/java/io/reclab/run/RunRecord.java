package io.reclab.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reclab.data.DatasetInfo;

import java.util.List;
import java.util.Map;

/**
 * The content of a trial's {@code run.json}: what ran (model, params, seeds, data, split, protocol, environment),
 * how it went (status, timings, curves) and what it scored ({@code metrics}: stage → metric id → value).
 * Reports read only these records and the per-user CSV files beside them.
 *
 * @param status     {@code running}, {@code completed} or {@code failed}; only completed trials are skipped on resume
 * @param stage      {@code recall}, {@code rank} or {@code pipeline}
 * @param params     the model's resolved config block, rendered as strings (key → value)
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
        Map<String, String> params,
        Map<String, String> sweep,
        Map<String, Long> seeds,
        DatasetInfo dataset,
        SplitInfo split,
        EvalProtocol evaluation,
        EnvironmentInfo environment,
        Map<String, Double> timings,
        Map<String, Map<String, Double>> metrics,
        Map<String, List<TrainingLog.Point>> curves,
        Map<String, Double> extras,
        String startedAt,
        String finishedAt,
        String error) {

    /** Sizes and description of the split the trial used. */
    public record SplitInfo(String protocol, int train, int valid, int test) {}

    /**
     * How lists were evaluated. {@code mode} is {@code full} (every item scored, training items excluded) or
     * {@code sampled} (each test item ranked among {@code negatives} sampled items per positive).
     */
    public record EvalProtocol(String mode, int negatives, List<Integer> ks, boolean excludeTrain, boolean excludeValid,
                               int evaluatedUsers, int skippedUsers, String ndcgVariant) {}

    /** Where it ran, for provenance. */
    public record EnvironmentInfo(String java, String os, String arch, int cpus, String gitCommit, String reclabVersion) {}
}
