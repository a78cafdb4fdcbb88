package io.reclab.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One stage of an experiment (recall, rank or pipeline) for one model option: it owns its config, fits on train,
 * chooses on valid, evaluates test once for the chosen model, and returns its outcome. The runner only plans trials
 * and does the bookkeeping around {@link #run}.
 */
public interface TrialStage {
    /** The trial's option name (folder name before sweep values), e.g. {@code bpr}. */
    String option();

    /** {@code recall}, {@code rank} or {@code pipeline}, as written to run.json. */
    String stage();

    /** The registered model name (or the pipeline's chain). */
    String model();

    /** Config path of the component, for its derived seed. */
    String path();

    /** Every effective hyperparameter, typed. */
    Map<String, Object> params();

    /** Whether the stage reads encoded rank samples. */
    boolean needsRankData();

    Outcome run(Inputs in) throws IOException;

    /**
     * What a stage reads for one trial. {@code evaluateTest} is false for tune trials: they are chosen on valid,
     * and test is computed once, for the selected configuration.
     */
    record Inputs(ExperimentPlan plan, DataSource source, RankData rankData, FittedModels fitted, Path dir,
                  long modelSeed, long evalSeed, Map<String, Double> timings, TrainingLog log, boolean evaluateTest) {}

    /** What a stage produced, beyond timings and curves. */
    record Outcome(RunRecord.Metrics metrics, RunRecord.Selection selection, RunRecord.EvalProtocol protocol,
                   Map<String, Double> extras) {}
}
