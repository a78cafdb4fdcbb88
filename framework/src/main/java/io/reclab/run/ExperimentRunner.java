package io.reclab.run;

import io.reclab.config.ConfigComposer;
import io.reclab.config.ConfigError;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment: compose and validate every trial's configuration (the sweep's cartesian product), create
 * the run folder and write the resolved config and overrides, then run each point's stages
 * ({@link TrialRunner#stages}) trial by trial. A resumed run skips trials already completed. The stages own the
 * protocol: fit on train, choose on valid, test once for the chosen model.
 */
public final class ExperimentRunner {
    private final Components components;
    private final PrintWriter console;

    public ExperimentRunner(Components components, PrintWriter console) {
        this.components = components;
        this.console = console;
    }

    /** What a run produced. {@code failed} counts trials that ended with an error. */
    public record Result(Path runDir, List<RunRecord> records, int failed) {}

    /** A swept key with its values ({@code -m recall.bpr.factors=32,64}). */
    public record Sweep(String key, List<String> values) {
        public static Sweep parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) throw new ConfigError("sweep `" + spec + "`: expected key=v1,v2,...");
            List<String> vals = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",")) if (!v.isBlank()) vals.add(v.trim());
            return new Sweep(spec.substring(0, eq).trim(), vals);
        }

        @Override
        public String toString() { return key + "=" + String.join(",", values); }
    }

    /** Starts a new run under {@code runsRoot}. */
    public Result run(ConfigComposer composer, String experiment, List<String> overrides, List<Sweep> sweeps,
                      Path runsRoot) throws IOException {
        ConfigComposer.Composed base = composer.compose(experiment, overrides);
        List<Point> points = plan(composer, experiment, overrides, sweeps);
        // load and split the data first: a missing file or a degenerate log fails without leaving an empty run folder
        InputCache inputs = new InputCache(console);
        DataSource first = inputs.source(points.get(0).plan());
        // and the rank samples' features: a field the data lacks fails here too, before any folder exists
        ExperimentPlan p0 = points.get(0).plan();
        if (!p0.rank().isEmpty() && p0.ctr() == null && p0.rankSetup() != null) inputs.rankData(p0, first);
        RunStore store = RunStore.create(runsRoot, base.experiment());
        store.writeConfig(base.render(), overrides, sweeps.stream().map(Sweep::toString).toList());
        return execute(store, points, inputs);
    }

    /** Continues the run in {@code runDir}: trials already completed are kept, the others are run again. */
    public Result resume(ConfigComposer composer, Path runDir) throws IOException {
        if (!Files.isDirectory(runDir))
            throw new ConfigError("--resume " + runDir + ": no such folder");
        for (String f : List.of(RunFiles.CONFIG, RunFiles.OVERRIDES))
            if (!Files.isRegularFile(runDir.resolve(f)))
                throw new ConfigError("--resume " + runDir + " is not a run folder (no " + f + "); give a folder that `reclab run` created, "
                        + "e.g. runs/quickstart/<time>" + (Files.isRegularFile(runDir.resolve("tune-setup.json")) ? ", or use `reclab tune --resume` for a tune folder" : ""));
        RunStore store = RunStore.open(runDir);
        List<Sweep> sweeps = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve(RunFiles.OVERRIDES))) {
            if (line.startsWith("-m ")) sweeps.add(Sweep.parse(line.substring(3)));
        }
        String conf = runDir.resolve(RunFiles.CONFIG).toString();
        return execute(store, plan(composer, conf, List.of(), sweeps), new InputCache(console));
    }

    private record Point(Map<String, String> sweep, ExperimentPlan plan, com.typesafe.config.Config config) {}

    private List<Point> plan(ConfigComposer composer, String experiment, List<String> overrides, List<Sweep> sweeps) {
        List<Map<String, String>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>());
        for (Sweep s : sweeps) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> g : grid)
                for (String v : s.values()) {
                    Map<String, String> m = new LinkedHashMap<>(g);
                    m.put(s.key(), v);
                    next.add(m);
                }
            grid = next;
        }
        List<Point> points = new ArrayList<>();
        for (Map<String, String> g : grid) {
            List<String> all = new ArrayList<>(overrides);
            g.forEach((k, v) -> all.add(k + "=" + v));
            com.typesafe.config.Config c = composer.compose(experiment, all).config();
            points.add(new Point(g, ExperimentPlan.build(c, components), c));
        }
        return points;
    }

    private Result execute(RunStore store, List<Point> points, InputCache inputs) throws IOException {
        try (RunLock lock = RunLock.acquire(store.dir())) {
            return executeLocked(store, points, inputs);
        } finally {
            io.reclab.engine.Engines.closeAll();
        }
    }

    private Result executeLocked(RunStore store, List<Point> points, InputCache inputs) throws IOException {
        console.println("run folder: " + store.dir());
        io.reclab.engine.EngineSpec engine = points.get(0).plan().engine();
        io.reclab.engine.TrialScheduler scheduler = engine.inProcess() ? null : engine.open(points.get(0).plan().threads()).trialScheduler();
        if (scheduler != null) return executeAsTasks(store, points, scheduler);
        TrialRunner runner = new TrialRunner(store, console, inputs);
        List<RunRecord> records = new ArrayList<>();
        int failed = 0;
        for (Point point : points) {
            for (TrialStage stage : runner.stages(point.plan())) {
                String trial = trialName(stage.option(), point.sweep());
                var done = store.completed(trial);
                if (done.isPresent()) {
                    console.println("  " + trial + ": completed earlier, skipped");
                    records.add(done.get());
                    continue;
                }
                RunRecord r = runner.run(point.plan(), stage, trial, point.sweep(), true, null);
                if (RunFiles.STATUS_FAILED.equals(r.status())) failed++;
                records.add(r);
            }
        }
        return new Result(store.dir(), records, failed);
    }

    /**
     * Every pending trial as one task of the engine's scheduler; each finished trial's files are written into the
     * run folder as its task completes (atomically, file by file), so an interrupted run resumes as in-process.
     */
    private Result executeAsTasks(RunStore store, List<Point> points, io.reclab.engine.TrialScheduler scheduler) throws IOException {
        Map<String, RunRecord> records = new LinkedHashMap<>();
        List<io.reclab.engine.TrialScheduler.Task> tasks = new ArrayList<>();
        for (Point point : points) {
            List<TrialStage> stages = TrialRunner.stages(point.plan(), console);
            String conf = point.config().root().render(com.typesafe.config.ConfigRenderOptions.concise());
            for (int k = 0; k < stages.size(); k++) {
                String trial = trialName(stages.get(k).option(), point.sweep());
                var done = store.completed(trial);
                records.put(trial, done.orElse(null));
                if (done.isPresent()) console.println("  " + trial + ": completed earlier, skipped");
                else tasks.add(new io.reclab.engine.TrialScheduler.Task(conf, k, trial, point.sweep()));
            }
        }
        console.println("  " + tasks.size() + " trial(s) as " + points.get(0).plan().engine().name() + " tasks");
        scheduler.run(tasks, out -> {
            try {
                java.nio.file.Path dir = store.trialDir(out.trial());
                // run.json last: a trial counts as completed only once all its files are in place
                for (Map.Entry<String, byte[]> f : out.files().entrySet())
                    if (!f.getKey().equals(RunFiles.RUN_JSON)) AtomicFiles.writeBytes(dir.resolve(RunStore.safeName(f.getKey())), f.getValue());
                AtomicFiles.writeBytes(dir.resolve(RunFiles.RUN_JSON), out.files().get(RunFiles.RUN_JSON));
                RunRecord r = Json.read(dir.resolve(RunFiles.RUN_JSON), RunRecord.class);
                records.put(out.trial(), r);
                console.printf("  %-24s %s (task)%s%n", out.trial(), r.status(), r.error() == null ? "" : ": " + r.error());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int failed = 0;
        List<RunRecord> all = new ArrayList<>();
        for (Map.Entry<String, RunRecord> e : records.entrySet()) {
            if (e.getValue() == null) throw new IllegalStateException("trial " + e.getKey() + " came back from no task");
            if (RunFiles.STATUS_FAILED.equals(e.getValue().status())) failed++;
            all.add(e.getValue());
        }
        return new Result(store.dir(), all, failed);
    }

    static String trialName(String option, Map<String, String> sweep) {
        if (sweep.isEmpty()) return option;
        StringBuilder sb = new StringBuilder(option).append("__");
        sweep.forEach((k, v) -> {
            if (sb.charAt(sb.length() - 1) != '_') sb.append(',');
            sb.append(k.substring(k.lastIndexOf('.') + 1)).append('=').append(v);
        });
        return sb.toString();
    }
}
