package io.reclab.run;

import io.reclab.util.Seeds;
import io.reclab.data.DatasetInfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one trial of a stage with the common bookkeeping: derived seeds, a {@code running} record written before
 * fitting, then a {@code completed} record with metrics, a {@code pruned} one (tune trials stopped by successive
 * halving), or a {@code failed} one with the error (the run goes on). Data comes from one {@link InputCache} and
 * fitted models are shared through one {@link FittedModels} per run.
 */
public final class TrialRunner {
    private final RunStore store;
    private final PrintWriter console;
    private final RunRecord.EnvironmentInfo env = Environment.capture();
    private final InputCache inputs;
    private final FittedModels fitted = new FittedModels();

    public TrialRunner(RunStore store, PrintWriter console) {
        this(store, console, new InputCache(console));
    }

    /** With data already loaded into {@code inputs} (a run checks its data before it creates its folder). */
    TrialRunner(RunStore store, PrintWriter console, InputCache inputs) {
        this.store = store;
        this.console = console;
        this.inputs = inputs;
    }

    public RunStore store() { return store; }

    /** The stages a plan runs, in order: recall models, then rankers, then the pipeline that chains both. */
    public List<TrialStage> stages(ExperimentPlan plan) { return stages(plan, console); }

    /** As {@link #stages(ExperimentPlan)}; {@code console} receives the pipeline's refit notes. */
    public static List<TrialStage> stages(ExperimentPlan plan, PrintWriter console) {
        List<TrialStage> out = new ArrayList<>();
        var pp = plan.pipeline();
        for (ExperimentPlan.ModelSpec spec : plan.recall())
            out.add(new RecallStage(spec, pp != null && pp.settings().sources().contains(spec.option())));
        for (ExperimentPlan.RankSpec spec : plan.rank())
            out.add(new RankStage(spec));
        if (pp != null) out.add(new PipelineStage(pp, console));
        return out;
    }

    /**
     * Runs {@code stage} of {@code plan} as trial {@code trial}. {@code observer} (may be null) sees every curve
     * point and may prune the trial; {@code evaluateTest} false skips the test part (tune trials).
     */
    public RunRecord run(ExperimentPlan plan, TrialStage stage, String trial, Map<String, String> sweep,
                         boolean evaluateTest, TrainingLog.Observer observer) throws IOException {
        DataSource source = inputs.source(plan);
        RankData rd = stage.needsRankData() ? inputs.rankData(plan, source) : null;
        String started = Instant.now().toString();
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("master", plan.seed());
        long modelSeed = Seeds.derive(plan.seed(), stage.path());
        long evalSeed = Seeds.derive(plan.seed(), "evaluation");
        seeds.put("split", Seeds.derive(plan.seed(), "split"));
        if (plan.ctr() != null && plan.ctr().isRandomSplit()) seeds.put("ctr.split", plan.ctr().seed());
        seeds.put(stage.path(), modelSeed);
        seeds.put("evaluation", evalSeed);
        DatasetInfo info = source.info();
        RunRecord.EnvironmentInfo env = plan.engine().inProcess() ? this.env
                : this.env.withEngine(plan.engine().name() + " (" + plan.engine().open(plan.threads()).describe() + ")");
        RunRecord.SplitInfo splitInfo = source.splitInfo();
        store.writeRecord(new RunRecord(plan.name(), trial, RunFiles.STATUS_RUNNING, stage.stage(), stage.model(),
                stage.params(), sweep, seeds, info, splitInfo, null, env, Map.of(), RunRecord.Metrics.NONE, null,
                Map.of(), Map.of(), started, null, null));
        console.printf("  %-24s fitting ...%n", trial);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("load", source.loadSeconds());
        timings.put("split", source.splitSeconds());
        TrainingLog log = new TrainingLog(observer);
        try {
            TrialStage.Outcome o = stage.run(new TrialStage.Inputs(plan, source, rd, fitted, store.trialDir(trial),
                    modelSeed, evalSeed, timings, log, evaluateTest));
            RunRecord done = new RunRecord(plan.name(), trial, RunFiles.STATUS_COMPLETED, stage.stage(), stage.model(),
                    stage.params(), sweep, seeds, info, splitInfo, o.protocol(), env, timings, o.metrics(), o.selection(),
                    log.series(), o.extras(), started, Instant.now().toString(), null);
            store.writeRecord(done);
            console.printf("  %-24s done in %.2fs fit, %.2fs eval%s%n", trial, timings.getOrDefault("fit", 0.0),
                    timings.getOrDefault("evaluate", 0.0), describe(o.selection()));
            return done;
        } catch (TrialPruned p) {
            RunRecord.Selection sel = new RunRecord.Selection(null, "higher", p.epoch(), p.value(), false, null);
            RunRecord pruned = new RunRecord(plan.name(), trial, RunFiles.STATUS_PRUNED, stage.stage(), stage.model(),
                    stage.params(), sweep, seeds, info, splitInfo, null, env, timings, RunRecord.Metrics.NONE, sel,
                    log.series(), Map.of(), started, Instant.now().toString(), p.getMessage());
            store.writeRecord(pruned);
            console.println("  " + trial + " pruned: " + p.getMessage());
            return pruned;
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            RunRecord fail = new RunRecord(plan.name(), trial, RunFiles.STATUS_FAILED, stage.stage(), stage.model(),
                    stage.params(), sweep, seeds, info, splitInfo, null, env, timings, RunRecord.Metrics.NONE, null,
                    log.series(), Map.of(), started, Instant.now().toString(), oneLine(e));
            store.writeRecord(fail);
            console.println("  " + trial + " FAILED: " + oneLine(e));
            if (System.getenv("RECLAB_DEBUG") != null) {
                StringWriter sw = new StringWriter();
                e.printStackTrace(new PrintWriter(sw));
                console.println(sw);
                console.flush();
            }
            return fail;
        }
    }

    private static String describe(RunRecord.Selection s) {
        if (s == null || s.metric() == null || s.bestValue() == null) return "";
        return String.format(java.util.Locale.ROOT, "; valid %s %.4f%s%s", s.metric(), s.bestValue(),
                s.bestEpoch() == null ? "" : " (best epoch " + s.bestEpoch() + ")",
                s.refit() ? ", refit on train+valid" + (s.refitEpochs() == null ? "" : " for " + s.refitEpochs() + " epochs") : "");
    }

    /**
     * One line for an OutOfMemoryError: the heap the JVM had, and how to give it more. The heap a fit needs is not
     * known when allocation fails midway, so the line suggests twice the current maximum.
     */
    public static String outOfMemory(Throwable e) {
        long max = Runtime.getRuntime().maxMemory();
        long mb = Math.max(1, max >> 20);
        String heap = mb >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f GB", mb / 1024.0) : mb + " MB";
        String twice = mb >= 1024 ? ((2 * mb + 1023) / 1024) + "g" : (2 * mb) + "m";
        return "out of memory (" + (e.getMessage() == null ? "OutOfMemoryError" : e.getMessage()) + ") with a " + heap
                + " maximum heap: this needed more; rerun with RECLAB_JAVA_OPTS=-Xmx" + twice
                + " (twice the current heap) or a smaller dataset";
    }

    static String oneLine(Throwable e) {
        if (e instanceof OutOfMemoryError) return outOfMemory(e);
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }
}
