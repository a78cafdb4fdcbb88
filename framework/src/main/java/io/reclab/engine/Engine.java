package io.reclab.engine;

import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.run.ExperimentPlan;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Where an experiment's heavy steps run when it is not this JVM alone: data preparation (load, clean, encode,
 * split), the fit of models the engine has its own form of, and full-ranking evaluation. The in-process runner is
 * the default and has no engine object; a cluster engine (the {@code spark} module's) is found through
 * {@link EngineProvider} and chosen with {@code engine = <name>}. Whatever an engine does, it hands back the same
 * types the in-process runner uses, so run folders, {@code run.json} and reports are the same for every engine.
 */
public interface Engine extends AutoCloseable {
    /** The name {@code engine = ...} selects, written into run.json. */
    String name();

    /** One line on where the work runs (master, parallelism), for the console and run.json. */
    String describe();

    /**
     * Loads, preprocesses and splits the plan's log on the engine. The result must equal what the in-process
     * runner builds for the same experiment and seed: same dense ids, same rows in the same order, same parts.
     */
    PreparedLog prepare(ExperimentPlan plan, PrintWriter console) throws IOException;

    /** The recaller that fits option {@code spec} on this engine, or {@code spec.recaller()} to fit in-process. */
    Recaller recaller(ExperimentPlan.ModelSpec spec);

    /**
     * The ranked lists of every user with a row in {@code heldOut}, as {@code RankingEvaluator.context} builds them
     * (same lists, same order); the metrics are then computed from it by the framework's own code.
     */
    RankingContext rank(FittedRecaller model, Interactions train, Interactions exclude, Interactions heldOut,
                        EvalSettings settings, long seed);

    /** Runs whole trials as the engine's tasks, or null (the default) to run them one after another in this JVM. */
    default TrialScheduler trialScheduler() { return null; }

    @Override
    void close();
}
