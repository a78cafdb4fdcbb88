package io.reclab.run;

import io.reclab.config.ConfigComposer;
import io.reclab.config.ConfigError;
import io.reclab.config.Seeds;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.preprocess.Preprocessor;
import io.reclab.data.IdMap;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.rank.RankEvaluator;
import io.reclab.eval.rank.ScoreContext;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;
import io.reclab.rank.features.SampleBuilder;
import io.reclab.rank.source.CtrData;
import io.reclab.rank.source.CtrSource;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.eval.RankingValidator;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.pipeline.PipelineEvaluator;
import io.reclab.pipeline.PipelineScorer;
import io.reclab.pipeline.PipelineSettings;
import io.reclab.recall.Diagnosable;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.Validator;
import io.reclab.split.SplitResult;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment: compose and validate every trial's configuration, create the run folder and write the
 * resolved config and overrides, then load, split, fit and evaluate trial by trial, writing each trial's
 * run.json atomically (status {@code running}, then {@code completed} or {@code failed}). A resumed run skips
 * trials already completed. Evaluation never reaches back into training: the test part is read only by the
 * evaluator, after fitting.
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
        RunStore store = RunStore.create(runsRoot, base.experiment());
        store.writeConfig(base.render(), overrides, sweeps.stream().map(Sweep::toString).toList());
        return execute(store, points);
    }

    /** Continues the run in {@code runDir}: trials already completed are kept, the others are run again. */
    public Result resume(ConfigComposer composer, Path runDir) throws IOException {
        RunStore store = RunStore.open(runDir);
        List<Sweep> sweeps = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve(RunFiles.OVERRIDES))) {
            if (line.startsWith("-m ")) sweeps.add(Sweep.parse(line.substring(3)));
        }
        String conf = runDir.resolve(RunFiles.CONFIG).toString();
        return execute(store, plan(composer, conf, List.of(), sweeps));
    }

    private record Point(Map<String, String> sweep, ExperimentPlan plan) {}

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
            ExperimentPlan p = ExperimentPlan.build(composer.compose(experiment, all).config(), components);
            points.add(new Point(g, p));
        }
        return points;
    }

    private Result execute(RunStore store, List<Point> points) throws IOException {
        console.println("run folder: " + store.dir());
        Map<String, Dataset> datasets = new HashMap<>();
        Map<String, SplitResult> splits = new HashMap<>();
        Map<String, RankData> rankCache = new HashMap<>();
        Map<String, CtrData> ctrCache = new HashMap<>();
        List<RunRecord> records = new ArrayList<>();
        int failed = 0;
        RunRecord.EnvironmentInfo env = Environment.capture();
        for (Point point : points) {
            ExperimentPlan plan = point.plan();
            Data data = null;
            Fitted fitted = new Fitted(new HashMap<>(), new HashMap<>());
            List<Planned> planned = new ArrayList<>();
            for (ExperimentPlan.ModelSpec spec : plan.recall())
                planned.add(new Planned(spec.option(), "recall", spec.model(), spec.path(), spec.params(), false,
                        (d, rd) -> recallBody(plan, spec, d, fitted)));
            for (ExperimentPlan.RankSpec spec : plan.rank())
                planned.add(new Planned(spec.option(), "rank", spec.model(), spec.path(), spec.params(), true,
                        (d, rd) -> rankBody(plan, spec, d, rd, fitted)));
            if (plan.pipeline() != null) {
                PipelineSettings ps = plan.pipeline();
                planned.add(new Planned("pipeline-" + ps.name(), "pipeline", String.join("+", ps.sources()) + ">" + ps.ranker(),
                        "pipeline", ps.params(), true, (d, rd) -> pipelineBody(plan, d, rd, fitted)));
            }
            for (Planned p : planned) {
                String trial = trialName(p.option(), point.sweep());
                var done = store.completed(trial);
                if (done.isPresent()) {
                    console.println("  " + trial + ": completed earlier, skipped");
                    records.add(done.get());
                    continue;
                }
                if (data == null) data = plan.ctr() != null ? ctrData(plan, ctrCache) : data(plan, datasets, splits);
                RankData rd = p.needsRankData() ? rankData(plan, data, rankCache) : null;
                RunRecord r = runTrial(store, plan, p.stage(), p.model(), p.path(), p.params(), trial, point.sweep(), env,
                        data, p.body().apply(data, rd));
                if (RunFiles.STATUS_FAILED.equals(r.status())) failed++;
                records.add(r);
            }
        }
        return new Result(store.dir(), records, failed);
    }

    /** A trial of a sweep point, in run order: recall models, then rankers, then the pipeline that uses both. */
    private record Planned(String option, String stage, String model, String path, Map<String, String> params,
                           boolean needsRankData, java.util.function.BiFunction<Data, RankData, TrialBody> body) {}

    /** A loaded, preprocessed dataset and its split, shared by the trials that use the same configuration. */
    private record Data(Dataset dataset, SplitResult split, double loadSeconds, double splitSeconds, CtrData ctr) {
        Data(Dataset dataset, SplitResult split, double loadSeconds, double splitSeconds) {
            this(dataset, split, loadSeconds, splitSeconds, null);
        }

        DatasetInfo info() { return ctr != null ? ctr.info() : dataset.info(); }

        RunRecord.SplitInfo splitInfo() {
            return ctr != null ? new RunRecord.SplitInfo(ctr.protocol(), ctr.train().size(), ctr.valid().size(), ctr.test().size())
                    : new RunRecord.SplitInfo(split.protocol(), split.train().size(), split.valid().size(), split.test().size());
        }

        /** External user ids and training counts for per-user files: the split's, or the CTR files' user column. */
        IdMap users() { return ctr != null ? ctr.users() : split.train().users(); }

        int[] trainUserCounts() { return ctr != null ? ctr.trainUserCounts() : split.train().userCounts(); }
    }

    /**
     * Reads CTR benchmark files once per distinct {@code ctr} / {@code features} configuration (no dataset, no
     * split: the files are the parts); errors here abort the run like a missing dataset.
     */
    private Data ctrData(ExperimentPlan plan, Map<String, CtrData> cache) throws IOException {
        // the split seed may be derived from the master seed, which the rendered block does not show
        String key = (plan.rankSetup() == null ? "" : plan.rankSetup().key()) + "|" + plan.ctr().seed();
        CtrData d = cache.get(key);
        if (d == null) {
            d = CtrSource.load(plan.ctr(), plan.rankSetup() == null ? null : plan.rankSetup().features());
            cache.put(key, d);
            console.println(d.summary());
        }
        return new Data(null, null, d.loadSeconds(), 0, d);
    }

    /** Loads and splits once per distinct dataset / split / seed; errors here abort the run (no trial can run). */
    private Data data(ExperimentPlan plan, Map<String, Dataset> datasets, Map<String, SplitResult> splits) throws IOException {
        long t0 = System.nanoTime();
        Dataset ds = datasets.get(plan.datasetKey());
        if (ds == null) {
            ds = Preprocessor.apply(plan.loader().load(), plan.preprocessing());
            datasets.put(plan.datasetKey(), ds);
            DatasetInfo i = ds.info();
            console.printf("dataset %s: %d users, %d items, %d interactions (%.2fs)%n", i.name(), i.users(), i.items(),
                    i.interactions(), seconds(t0));
        }
        double load = seconds(t0);
        t0 = System.nanoTime();
        String splitKey = plan.datasetKey() + "|" + plan.splitKey() + "|" + plan.seed();
        SplitResult split = splits.get(splitKey);
        if (split == null) {
            split = plan.splitter().split(ds, new Well19937c(Seeds.derive(plan.seed(), "split")));
            splits.put(splitKey, split);
            console.printf("split %s: train %d, valid %d, test %d%n", split.protocol(), split.train().size(),
                    split.valid().size(), split.test().size());
        }
        return new Data(ds, split, load, seconds(t0));
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

    /** What a trial's body produced, beyond timings and curves. */
    private record Outcome(Map<String, Map<String, Double>> metrics, RunRecord.EvalProtocol protocol, Map<String, Double> extras) {}

    /** The stage-specific part of a trial: fit and evaluate, writing per-user files into the trial folder. */
    @FunctionalInterface
    private interface TrialBody {
        Outcome run(Path trialDir, long modelSeed, long evalSeed, Map<String, Double> timings, TrainingLog log) throws IOException;
    }

    /**
     * Runs one trial with the common bookkeeping: seeds, a {@code running} record written before fitting, then a
     * {@code completed} record with metrics, or a {@code failed} one with the error (the run goes on).
     */
    private RunRecord runTrial(RunStore store, ExperimentPlan plan, String stage, String model, String path,
                               Map<String, String> params, String trial, Map<String, String> sweep,
                               RunRecord.EnvironmentInfo env, Data data, TrialBody body) throws IOException {
        String started = Instant.now().toString();
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("master", plan.seed());
        long modelSeed = Seeds.derive(plan.seed(), path);
        long evalSeed = Seeds.derive(plan.seed(), "evaluation");
        seeds.put("split", Seeds.derive(plan.seed(), "split"));
        if (plan.ctr() != null && plan.ctr().isRandomSplit()) seeds.put("ctr.split", plan.ctr().seed());
        seeds.put(path, modelSeed);
        seeds.put("evaluation", evalSeed);
        DatasetInfo info = data.info();
        RunRecord.SplitInfo splitInfo = data.splitInfo();
        store.writeRecord(new RunRecord(plan.name(), trial, RunFiles.STATUS_RUNNING, stage, model, params, sweep, seeds,
                info, splitInfo, null, env, Map.of(), Map.of(), Map.of(), Map.of(), started, null, null));
        console.printf("  %-24s fitting ...%n", trial);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("load", data.loadSeconds());
        timings.put("split", data.splitSeconds());
        TrainingLog log = new TrainingLog();
        try {
            Outcome o = body.run(store.trialDir(trial), modelSeed, evalSeed, timings, log);
            RunRecord done = new RunRecord(plan.name(), trial, RunFiles.STATUS_COMPLETED, stage, model, params, sweep,
                    seeds, info, splitInfo, o.protocol(), env, timings, o.metrics(), log.series(), o.extras(), started,
                    Instant.now().toString(), null);
            store.writeRecord(done);
            console.printf("  %-24s done in %.2fs fit, %.2fs eval%n", trial, timings.getOrDefault("fit", 0.0),
                    timings.getOrDefault("evaluate", 0.0));
            return done;
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            RunRecord fail = new RunRecord(plan.name(), trial, RunFiles.STATUS_FAILED, stage, model, params, sweep, seeds,
                    info, splitInfo, null, env, timings, Map.of(), log.series(), Map.of(), started,
                    Instant.now().toString(), oneLine(e));
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

    /** Recall stage: fit on train (validation for early stopping), full-ranking (or sampled) evaluation on test. */
    private TrialBody recallBody(ExperimentPlan plan, ExperimentPlan.ModelSpec spec, Data data, Fitted fitted) {
        return (dir, modelSeed, evalSeed, timings, log) -> {
            SplitResult split = data.split();
            long t0 = System.nanoTime();
            FittedRecaller model = fitRecaller(plan, spec, data, modelSeed, evalSeed, log);
            timings.put("fit", seconds(t0));
            if (plan.pipeline() != null && plan.pipeline().sources().contains(spec.option())) fitted.recall().put(spec.option(), model);
            t0 = System.nanoTime();
            RankingContext ctx = RankingEvaluator.context(model, split.train(), split.valid(), split.test(),
                    plan.evaluation(), evalSeed);
            Map<String, MetricResult> results = RankingEvaluator.compute(ctx, plan.evaluation().metrics());
            timings.put("evaluate", seconds(t0));
            PerUserCsv.write(dir.resolve(RunFiles.perUser("recall")), ctx.users(), split.train().users(),
                    split.train().userCounts(), results);
            Map<String, Double> values = new LinkedHashMap<>();
            results.forEach((k, v) -> values.put(k, v.value()));
            Map<String, Double> extras = model instanceof Diagnosable d
                    ? d.diagnostics(split.train(), Seeds.derive(evalSeed, "diagnostics")) : Map.of();
            return new Outcome(Map.of("recall", values), protocol(plan.evaluation(), ctx), extras);
        };
    }

    /** Rank stage: labelled samples from the split, features fitted on train, probabilities scored on test. */
    private TrialBody rankBody(ExperimentPlan plan, ExperimentPlan.RankSpec spec, Data data, RankData rd, Fitted fitted) {
        return (dir, modelSeed, evalSeed, timings, log) -> {
            timings.put("features", rd.seconds());
            long t0 = System.nanoTime();
            FittedRanker model = spec.ranker().fit(new RankTrainContext(rd.train(), rd.valid(), modelSeed, plan.threads(), log));
            timings.put("fit", seconds(t0));
            if (plan.pipeline() != null && plan.pipeline().ranker().equals(spec.option())) fitted.rank().put(spec.option(), model);
            t0 = System.nanoTime();
            RankEvaluator.Result r = new RankEvaluator(plan.rankSetup().metrics()).evaluate(model, rd.test());
            timings.put("evaluate", seconds(t0));
            ScoreContext ctx = r.context();
            IdMap users = data.users();
            PredictionsCsv.write(dir.resolve(RunFiles.PREDICTIONS_RANK), ctx, users);
            int[] aucUsers = ctx.userAucs().users();
            Map<String, MetricResult> perUser = new LinkedHashMap<>();
            r.metrics().forEach((k, v) -> {
                if (v.perUser() != null && v.perUser().length == aucUsers.length) perUser.put(k, v);
            });
            PerUserCsv.write(dir.resolve(RunFiles.perUser("rank")), aucUsers, users, data.trainUserCounts(), perUser);
            Map<String, Double> values = new LinkedHashMap<>();
            r.metrics().forEach((k, v) -> values.put(k, v.value()));
            RunRecord.EvalProtocol protocol = new RunRecord.EvalProtocol("pointwise", 0, List.of(), false, false,
                    aucUsers.length, r.gaucUsersSkipped(), null);
            Map<String, Double> extras = new LinkedHashMap<>();
            extras.put("rank.test_samples", (double) rd.test().size());
            extras.put("rank.test_positive_rate", positiveRate(rd.test().labels()));
            extras.put("rank.features", (double) rd.train().numFeatures());
            extras.put("rank.fields", (double) rd.train().numFields());
            extras.put("gauc.users_skipped", (double) r.gaucUsersSkipped());
            if (data.ctr() != null) extras.putAll(data.ctr().extras());
            return new Outcome(Map.of("rank", values), protocol, extras);
        };
    }

    private static double positiveRate(float[] labels) {
        double s = 0;
        for (float l : labels) s += l;
        return labels.length == 0 ? Double.NaN : s / labels.length;
    }

    /** Encoded ranking samples of one split, built once per sample/feature configuration. */
    private record RankData(Samples train, Samples valid, Samples test, double seconds, FittedFeaturePipeline features) {}

    private RankData rankData(ExperimentPlan plan, Data data, Map<String, RankData> cache) {
        if (data.ctr() != null) {
            CtrData c = data.ctr();
            return new RankData(c.train(), c.valid(), c.test(), c.featureSeconds(), c.features());
        }
        String key = plan.datasetKey() + "|" + plan.splitKey() + "|" + plan.seed() + "|" + plan.rankSetup().key();
        RankData rd = cache.get(key);
        if (rd != null) return rd;
        long t0 = System.nanoTime();
        SplitResult split = data.split();
        Dataset ds = data.dataset();
        SampleBuilder builder = new SampleBuilder(plan.rankSetup().samples());
        long seed = Seeds.derive(plan.seed(), "samples");
        RawTable train = builder.build(split.train(), ds.userFeatures(), ds.itemFeatures(), split.train(), seed);
        RawTable valid = builder.build(split.valid(), ds.userFeatures(), ds.itemFeatures(), split.train(), seed + 1);
        RawTable test = builder.build(split.test(), ds.userFeatures(), ds.itemFeatures(), split.train(), seed + 2);
        FittedFeaturePipeline fp;
        try {
            fp = plan.rankSetup().features().fit(train);
            rd = new RankData(fp.transform(train), fp.transform(valid), fp.transform(test), seconds(t0), fp);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a field that does not fit the data (unknown column, cross over a numeric column) is a config mistake
            throw new ConfigError("features: " + e.getMessage() + " (columns available: " + columnNames(train) + ")");
        }
        console.printf("rank samples: train %d, valid %d, test %d; %d features in %d fields%n", rd.train().size(),
                rd.valid().size(), rd.test().size(), rd.train().numFeatures(), rd.train().numFields());
        cache.put(key, rd);
        return rd;
    }

    private static String columnNames(RawTable t) {
        List<String> names = new ArrayList<>();
        for (RawTable.Column c : t.columns()) names.add(c.name());
        return String.join(", ", names);
    }

    /** Fits a recall model on train, early-stopping on validation when the split has one. */
    private static FittedRecaller fitRecaller(ExperimentPlan plan, ExperimentPlan.ModelSpec spec, Data data, long modelSeed,
                                              long evalSeed, TrainingLog log) {
        SplitResult split = data.split();
        Dataset ds = data.dataset();
        Validator validator = split.valid().size() > 0
                ? RankingValidator.of(validationMetric(plan), split.train(), split.valid(), plan.evaluation(), evalSeed)
                : null;
        return spec.recaller().fit(new TrainContext(split.train(), split.valid(),
                ds.userFeatures(), ds.itemFeatures(), modelSeed, plan.threads(), log, validator));
    }

    /** Models of the current sweep point that its pipeline chains, kept from their own trials (by option). */
    private record Fitted(Map<String, FittedRecaller> recall, Map<String, FittedRanker> rank) {}

    /**
     * Pipeline stage: the sweep point's fitted sources and ranker (refitted with their own trial's seed when that
     * trial was skipped on resume or failed), candidates merged and re-ranked, evaluated stage by stage.
     */
    private TrialBody pipelineBody(ExperimentPlan plan, Data data, RankData rd, Fitted fitted) {
        return (dir, modelSeed, evalSeed, timings, log) -> {
            PipelineSettings ps = plan.pipeline();
            SplitResult split = data.split();
            Dataset ds = data.dataset();
            long t0 = System.nanoTime();
            List<FittedRecaller> sources = new ArrayList<>();
            for (String option : ps.sources()) {
                FittedRecaller m = fitted.recall().get(option);
                if (m == null) {
                    ExperimentPlan.ModelSpec spec = plan.recall().stream().filter(x -> x.option().equals(option)).findFirst().orElseThrow();
                    console.printf("  %-24s refitting source %s%n", "", option);
                    m = fitRecaller(plan, spec, data, Seeds.derive(plan.seed(), spec.path()), evalSeed, new TrainingLog());
                    fitted.recall().put(option, m);
                }
                sources.add(m);
            }
            FittedRanker ranker = fitted.rank().get(ps.ranker());
            if (ranker == null) {
                ExperimentPlan.RankSpec spec = plan.rank().stream().filter(x -> x.option().equals(ps.ranker())).findFirst().orElseThrow();
                console.printf("  %-24s refitting ranker %s%n", "", ps.ranker());
                ranker = spec.ranker().fit(new RankTrainContext(rd.train(), rd.valid(), Seeds.derive(plan.seed(), spec.path()),
                        plan.threads(), new TrainingLog()));
                fitted.rank().put(ps.ranker(), ranker);
            }
            timings.put("fit", seconds(t0));
            PipelineScorer scorer = new PipelineScorer(plan.rankSetup().samples(), rd.features(), ranker,
                    ds.userFeatures(), ds.itemFeatures(), split.train());
            List<RankingMetric> finalMetrics = ps.finalMetrics(plan.evaluation().metrics(), plan.evaluation().ks());
            PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, sources, scorer, split.train(), split.valid(),
                    split.test(), finalMetrics, plan.evaluation(), evalSeed);
            timings.putAll(r.seconds());
            RankingContext fin = r.lists();
            PerUserCsv.write(dir.resolve(RunFiles.perUser(PipelineEvaluator.FINAL)), fin.users(), split.train().users(),
                    split.train().userCounts(), r.finalMetrics());
            Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
            metrics.put(PipelineEvaluator.CANDIDATES, values(r.candidateMetrics()));
            metrics.put(PipelineEvaluator.FINAL, values(r.finalMetrics()));
            RunRecord.EvalProtocol protocol = new RunRecord.EvalProtocol("full", 0, ps.ks(), true,
                    plan.evaluation().excludeValid(), fin.size(), fin.skippedUsers(),
                    "binary relevance, DCG = sum rel_i/log2(i+1), IDCG over min(|T_u|, K) positions");
            return new Outcome(metrics, protocol, r.extras());
        };
    }

    private static Map<String, Double> values(Map<String, MetricResult> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        results.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    /** The metric iterative models early-stop on: the first NDCG asked for, else the first higher-is-better one. */
    static String validationMetric(ExperimentPlan plan) {
        for (RankingMetric m : plan.evaluation().metrics()) if (m.id().startsWith("ndcg@")) return m.id();
        for (RankingMetric m : plan.evaluation().metrics()) if (m.higherIsBetter() && !m.id().startsWith("coverage")) return m.id();
        return plan.evaluation().metrics().get(0).id();
    }

    static RunRecord.EvalProtocol protocol(EvalSettings s, RankingContext ctx) {
        boolean sampled = s.mode() == EvalSettings.Mode.SAMPLED;
        return new RunRecord.EvalProtocol(sampled ? "sampled" : "full", sampled ? s.negatives() : 0, s.ks(), true,
                s.excludeValid(), ctx.size(), ctx.skippedUsers(),
                "binary relevance, DCG = sum rel_i/log2(i+1), IDCG over min(|T_u|, K) positions");
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
