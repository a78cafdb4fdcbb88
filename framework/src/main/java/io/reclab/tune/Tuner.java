package io.reclab.tune;

import io.reclab.config.ConfigComposer;
import io.reclab.config.ConfigError;
import io.reclab.util.Seeds;
import io.reclab.run.AtomicFiles;
import io.reclab.run.Components;
import io.reclab.run.ExperimentPlan;
import io.reclab.run.Json;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import io.reclab.run.RunStore;
import io.reclab.run.TrainingLog;
import io.reclab.run.TrialRunner;
import io.reclab.run.TrialStage;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code reclab tune}: searches one model's hyperparameters on the validation part. Each trial composes the
 * experiment with one sampled point, fits, and is scored by the validation metric of its stage
 * ({@code evaluation.valid-metric} for recall, AUC for rankers); test is not computed for trials. Iterative trials
 * are pruned by {@link SuccessiveHalving} on their validation curves. The best completed trial's configuration is
 * then run once more with the same seed as trial {@code selected}, the only one whose test metrics are computed,
 * and written as {@code best.conf} (a ready-to-run experiment) beside {@code tune.json}. Every trial's run.json is
 * written atomically as it finishes, so a killed tune resumes ({@link #resume}) without losing a finished trial,
 * proposing the same points again (for one job; with several, the order trials finish in steers the sampler).
 */
public final class Tuner {
    public static final String SETUP = "tune-setup.json";
    public static final String TUNE_JSON = "tune.json";
    public static final String BEST_CONF = "best.conf";
    public static final String SELECTED = "selected";

    /**
     * @param trials    how many points to try
     * @param jobs      trials run at once (each with its own data copy; set {@code threads} accordingly)
     * @param sampler   {@code random} or {@code tpe}
     * @param prune     successive halving on validation curves
     * @param minEpochs the first rung's epoch
     * @param eta       the halving rate (keep the top 1/eta at each rung)
     */
    public record Settings(int trials, int jobs, String sampler, boolean prune, int minEpochs, int eta) {
        public Settings {
            if (trials < 1) throw new ConfigError("--trials " + trials + ": expected a positive count");
            if (jobs < 1) throw new ConfigError("--jobs " + jobs + ": expected a positive count");
            if (minEpochs < 1) throw new ConfigError("--min-epochs " + minEpochs + ": expected a positive count");
            if (eta < 2) throw new ConfigError("--eta " + eta + ": expected 2 or more");
            Sampler.of(sampler);
        }
    }

    /** What a tune is, saved before any trial runs so that {@link #resume} needs nothing else. */
    public record Setup(String experiment, List<String> overrides, Map<String, String> space, Settings settings) {}

    /** One trial in {@code tune.json}. */
    public record TrialSummary(String trial, String status, Map<String, String> values, Double valid, Integer bestEpoch,
                               Integer prunedAt) {}

    /** {@code tune.json}: the setup, every trial, the selected one and its test metrics. */
    public record Summary(String experiment, String metric, String direction, String sampler, Map<String, String> space,
                          List<TrialSummary> trials, String best, Map<String, String> bestValues, Double bestValid,
                          Map<String, Map<String, Double>> selectedTest, String note) {}

    public record Result(Path runDir, List<RunRecord> trials, RunRecord selected, int failed) {}

    private final Components components;
    private final PrintWriter console;

    public Tuner(Components components, PrintWriter console) {
        this.components = components;
        this.console = console;
    }

    /** Starts a new tune under {@code runsRoot/<experiment>-tune/}. */
    public Result run(ConfigComposer composer, String experiment, List<String> overrides, Map<String, String> specs,
                      Settings settings, Path runsRoot) throws IOException {
        SearchSpace space = SearchSpace.of(specs);
        ConfigComposer.Composed base = composer.compose(experiment, overrides);
        // every space key must be a real field: build a plan at each dimension's lower corner before any folder exists
        Map<String, String> corner = new LinkedHashMap<>();
        for (SearchSpace.Param p : space.params()) corner.put(p.key(), p.render(p.min()));
        stageOf(plan(composer, experiment, overrides, corner));
        RunStore store = RunStore.create(runsRoot, base.experiment() + "-tune");
        List<String> lines = new ArrayList<>(overrides);
        specs.forEach((k, v) -> lines.add(k + "=" + v));
        store.writeConfig(base.render(), lines, List.of());
        Setup setup = new Setup(experiment, overrides, specs, settings);
        Json.writeAtomic(store.dir().resolve(SETUP), setup);
        return execute(composer, store, store.dir().resolve(RunFiles.CONFIG).toString(), List.of(), setup);
    }

    /** Continues a tune folder: finished trials are kept, the others run again, then the selection. */
    public Result resume(ConfigComposer composer, Path runDir) throws IOException {
        Path f = runDir.resolve(SETUP);
        if (!Files.isRegularFile(f)) throw new ConfigError(runDir + " is not a tune folder (no " + SETUP + ")");
        Setup setup = Json.read(f, Setup.class);
        return execute(composer, RunStore.open(runDir), runDir.resolve(RunFiles.CONFIG).toString(), List.of(), setup);
    }

    private ExperimentPlan plan(ConfigComposer composer, String experiment, List<String> overrides, Map<String, String> values) {
        List<String> all = new ArrayList<>(overrides);
        values.forEach((k, v) -> all.add(k + "=" + v));
        return ExperimentPlan.build(composer.compose(experiment, all).config(), components);
    }

    /**
     * The one stage a tune searches: the experiment's only model, or its pipeline (whose channels and ranker it
     * fits itself, so the channels' own trials are not run).
     */
    private TrialStage stageOf(ExperimentPlan plan) {
        List<TrialStage> stages = TrialRunner.stages(plan, console);
        if (plan.pipeline() != null) return stages.get(stages.size() - 1);
        if (stages.size() != 1)
            throw new ConfigError("tune searches one model at a time; this experiment runs " + stages.size()
                    + " (" + String.join(", ", stages.stream().map(TrialStage::option).toList())
                    + "): select one, e.g. recall=bpr or rank=fm, or tune a pipeline experiment");
        return stages.get(0);
    }

    static String trialName(int i) { return String.format("trial-%03d", i); }

    private Result execute(ConfigComposer composer, RunStore store, String experiment, List<String> overrides,
                           Setup setup) throws IOException {
        try (io.reclab.run.RunLock lock = io.reclab.run.RunLock.acquire(store.dir())) {
            return executeLocked(composer, store, experiment, overrides, setup);
        }
    }

    private Result executeLocked(ConfigComposer composer, RunStore store, String experiment, List<String> overrides,
                                 Setup setup) throws IOException {
        Settings s = setup.settings();
        SearchSpace space = SearchSpace.of(setup.space());
        Sampler sampler = Sampler.of(s.sampler());
        ExperimentPlan basePlan = plan(composer, experiment, overrides, Map.of());
        TrialStage probe = stageOf(basePlan);
        String metric = probe.stage().equals("rank") ? basePlan.selection().rankValidMetric()
                : basePlan.selection().validMetric().id();
        SuccessiveHalving halving = s.prune() ? new SuccessiveHalving("valid." + metric, s.minEpochs(), s.eta()) : null;
        console.println("tune folder: " + store.dir());
        console.printf("tune: %d trials, sampler %s, %s on valid %s%n", s.trials(), s.sampler(),
                s.prune() ? "successive halving (min epochs " + s.minEpochs() + ", eta " + s.eta() + ")" : "no pruning", metric);

        RunRecord[] records = new RunRecord[s.trials()];
        List<Observation> history = new ArrayList<>();
        int firstOpen = -1;
        for (int i = 0; i < s.trials(); i++) {
            Optional<RunRecord> r = finished(store, trialName(i));
            if (r.isPresent()) {
                records[i] = r.get();
                history.add(observation(r.get()));
                if (halving != null) halving.replay(r.get().curves() == null ? null : r.get().curves().get("valid." + metric));
                console.println("  " + trialName(i) + ": finished earlier (" + r.get().status() + "), kept");
            } else if (firstOpen < 0) firstOpen = i;
        }
        ExecutorService pool = Executors.newFixedThreadPool(s.jobs(), r -> {
            Thread t = new Thread(r, "reclab-tune");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunRecord>> running = new ArrayList<>();
            List<Integer> runningIdx = new ArrayList<>();
            ThreadLocal<TrialRunner> runners = ThreadLocal.withInitial(() -> new TrialRunner(store, console));
            for (int i = 0; i < s.trials(); i++) {
                if (records[i] != null) continue;
                while (running.size() >= s.jobs()) collect(running, runningIdx, records, history, true);
                Map<String, String> values = plannedValues(store, trialName(i));
                if (values == null) {
                    synchronized (history) {
                        values = sampler.next(space, List.copyOf(history),
                                new Well19937c(Seeds.derive(basePlan.seed(), "tune/" + trialName(i))));
                    }
                }
                ExperimentPlan p = plan(composer, experiment, overrides, values);
                TrialStage stage = stageOf(p);
                String trial = trialName(i);
                Map<String, String> vals = values;
                running.add(pool.submit(() -> runners.get().run(p, stage, trial, vals, false,
                        halving == null ? null : halving.observer())));
                runningIdx.add(i);
                if (s.jobs() == 1) collect(running, runningIdx, records, history, true);
            }
            while (!running.isEmpty()) collect(running, runningIdx, records, history, true);
        } finally {
            pool.shutdownNow();
        }

        int best = -1, failed = 0;
        for (int i = 0; i < records.length; i++) {
            RunRecord r = records[i];
            if (RunFiles.STATUS_FAILED.equals(r.status())) failed++;
            if (!RunFiles.STATUS_COMPLETED.equals(r.status())) continue;
            double v = score(r);
            if (!Double.isNaN(v) && (best < 0 || v > score(records[best]))) best = i;
        }
        if (best < 0) throw new ConfigError("tune: no trial completed with a validation value (" + failed
                + " failed); see the run.json files in " + store.dir());
        Map<String, String> bestValues = records[best].sweep();
        console.printf("selected on valid %s: %s (%.4f) %s%n", metric, trialName(best), score(records[best]), bestValues);
        RunRecord selected = store.completed(SELECTED).orElse(null);
        if (selected == null) {
            ExperimentPlan p = plan(composer, experiment, overrides, bestValues);
            selected = new TrialRunner(store, console).run(p, stageOf(p), SELECTED, bestValues, true, null);
        }
        List<String> bestOverrides = new ArrayList<>(overrides);
        bestValues.forEach((k, v) -> bestOverrides.add(k + "=" + v));
        String header = "# written by reclab tune: " + trialName(best) + " of " + s.trials() + ", selected on valid " + metric
                + " = " + String.format(java.util.Locale.ROOT, "%.6f", score(records[best])) + "\n# values: " + bestValues
                + "\n# run it: ./reclab run " + store.dir().resolve(BEST_CONF) + "\n";
        AtomicFiles.writeString(store.dir().resolve(BEST_CONF), header + composer.compose(experiment, bestOverrides).render());
        List<TrialSummary> rows = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            RunRecord r = records[i];
            rows.add(new TrialSummary(trialName(i), r.status(), r.sweep(), Double.isNaN(score(r)) ? null : score(r),
                    r.selection() == null || RunFiles.STATUS_PRUNED.equals(r.status()) ? null : r.selection().bestEpoch(),
                    RunFiles.STATUS_PRUNED.equals(r.status()) && r.selection() != null ? r.selection().bestEpoch() : null));
        }
        Json.writeAtomic(store.dir().resolve(TUNE_JSON), new Summary(basePlan.name(), metric, "higher", s.sampler(),
                setup.space(), rows, trialName(best), bestValues, score(records[best]), selected.test(),
                "trials are chosen on validation only; test is computed once, for trial `selected` (the best trial's "
                        + "configuration refit with the same seed)"));
        List<RunRecord> all = new ArrayList<>(List.of(records));
        return new Result(store.dir(), all, selected, failed + (RunFiles.STATUS_FAILED.equals(selected.status()) ? 1 : 0));
    }

    private static void collect(List<Future<RunRecord>> running, List<Integer> idx, RunRecord[] records,
                                List<Observation> history, boolean oldestFirst) throws IOException {
        Future<RunRecord> f = running.remove(0);
        int i = idx.remove(0);
        try {
            records[i] = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("tune interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
        synchronized (history) {
            history.add(observation(records[i]));
        }
    }

    /** A trial's record when it completed, was pruned or failed in an earlier attempt. */
    private static Optional<RunRecord> finished(RunStore store, String trial) {
        Path f = store.trialDir(trial).resolve(RunFiles.RUN_JSON);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            RunRecord r = Json.read(f, RunRecord.class);
            return RunFiles.STATUS_RUNNING.equals(r.status()) ? Optional.empty() : Optional.of(r);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The values a killed trial was started with (its {@code running} record), so it reruns the same point. */
    private static Map<String, String> plannedValues(RunStore store, String trial) {
        Path f = store.trialDir(trial).resolve(RunFiles.RUN_JSON);
        if (!Files.isRegularFile(f)) return null;
        try {
            RunRecord r = Json.read(f, RunRecord.class);
            return r.sweep() == null || r.sweep().isEmpty() ? null : r.sweep();
        } catch (IOException e) {
            return null;
        }
    }

    static Observation observation(RunRecord r) {
        return new Observation(r.sweep(), score(r));
    }

    /** The validation value a trial is judged by (NaN when it failed or has none). */
    static double score(RunRecord r) {
        if (r.selection() == null || r.selection().bestValue() == null) return Double.NaN;
        return r.selection().bestValue();
    }
}
