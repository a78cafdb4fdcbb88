package io.reclab.run;

import io.reclab.util.Seeds;
import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.eval.RankingValidator;
import io.reclab.eval.SelectionSettings;
import io.reclab.metric.Direction;
import io.reclab.metric.Metric;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.recall.Diagnosable;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.split.SplitResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recall stage for one model: fit on train (early stopping on the validation metric when the split has a
 * validation part), all metrics on valid (training items excluded), optionally a refit on train + valid with the
 * chosen epoch count, then one full-ranking (or sampled) evaluation of the chosen model on test.
 */
final class RecallStage implements TrialStage {
    private final ExperimentPlan.ModelSpec spec;
    private final boolean keep;

    /** @param keep keep the chosen model for the pipeline that chains it */
    RecallStage(ExperimentPlan.ModelSpec spec, boolean keep) {
        this.spec = spec;
        this.keep = keep;
    }

    @Override public String option() { return spec.option(); }
    @Override public String stage() { return "recall"; }
    @Override public String model() { return spec.model(); }
    @Override public String path() { return spec.path(); }
    @Override public Map<String, Object> params() { return spec.params(); }
    @Override public boolean needsRankData() { return false; }

    /** The fitted-model cache key of a recall option for a plan. */
    static String cacheKey(ExperimentPlan plan, ExperimentPlan.ModelSpec spec) {
        return FittedModels.key(spec.path(), spec.configKey(), plan.datasetKey() + "|" + plan.splitKey()
                + "|" + plan.selection().refit(), plan.seed());
    }

    /** The validated model and, after a refit, the model that serves test, with what the choice read. */
    record Chosen(FittedRecaller validated, FittedRecaller served, Interactions servedTrain, Interactions servedExclude,
                  TrainingLog.Point best, Integer refitEpochs, double fitSeconds, double refitSeconds) {}

    /** Fits, chooses on valid and refits as configured. Shared with the pipeline stage, which refits on resume. */
    static Chosen choose(ExperimentPlan plan, ExperimentPlan.ModelSpec spec, Dataset ds, SplitResult split,
                         long modelSeed, long evalSeed, TrainingLog log) {
        SelectionSettings sel = plan.selection();
        boolean hasValid = split.valid().size() > 0;
        long t0 = System.nanoTime();
        var validator = hasValid
                ? new RankingValidator(split.train(), split.valid(), sel.validMetric(), plan.evaluation(), evalSeed) : null;
        FittedRecaller model = recaller(plan, spec).fit(new TrainContext(split.train(), split.valid(), ds.userFeatures(),
                ds.itemFeatures(), modelSeed, plan.threads(), log, validator));
        double fit = seconds(t0);
        TrainingLog.Point best = log.best("valid." + sel.validMetric().id(), Direction.HIGHER);
        if (!(sel.refit() && hasValid))
            return new Chosen(model, model, split.train(), split.valid(), best, null, fit, 0);
        t0 = System.nanoTime();
        Integer epochs = spec.withEpochs() != null && best != null ? best.epoch() : null;
        Recaller r = epochs != null ? spec.withEpochs().apply(epochs) : recaller(plan, spec);
        Interactions all = split.train().concat(split.valid());
        FittedRecaller refit = r.fit(new TrainContext(all, all.empty(), ds.userFeatures(), ds.itemFeatures(), modelSeed,
                plan.threads(), new TrainingLog(), null));
        return new Chosen(model, refit, all, all.empty(), best, epochs, fit, seconds(t0));
    }

    @Override
    public Outcome run(Inputs in) throws IOException {
        ExperimentPlan plan = in.plan();
        DataSource.Log src = (DataSource.Log) in.source();
        SplitResult split = src.split();
        EvalSettings ev = plan.evaluation();
        RankingMetric validMetric = plan.selection().validMetric();

        Chosen c = choose(plan, spec, src.dataset(), split, in.modelSeed(), in.evalSeed(), in.log());
        in.timings().put("fit", c.fitSeconds());
        if (c.refitSeconds() > 0) in.timings().put("refit", c.refitSeconds());
        if (keep) in.fitted().putRecaller(cacheKey(plan, spec), c.served());

        List<RankingMetric> metrics = withMetric(ev.metrics(), validMetric);
        Map<String, Map<String, Double>> valid = new LinkedHashMap<>();
        Double validValue = null;
        long t0 = System.nanoTime();
        if (split.valid().size() > 0) {
            RankingContext vctx = context(plan, c.validated(), split.train(), split.train().empty(), split.valid(), in.evalSeed());
            Map<String, Double> v = values(RankingEvaluator.compute(vctx, metrics));
            valid.put("recall", v);
            validValue = v.get(validMetric.id());
            in.timings().put("validate", seconds(t0));
        }
        RunRecord.Selection selection = new RunRecord.Selection(validMetric.id(), Direction.HIGHER.key(),
                c.best() == null ? null : c.best().epoch(), c.best() == null ? validValue : c.best().value(),
                c.served() != c.validated(), c.refitEpochs());

        Map<String, Map<String, Double>> test = new LinkedHashMap<>();
        Map<String, Double> extras = Map.of();
        RunRecord.EvalProtocol protocol = null;
        if (in.evaluateTest()) {
            t0 = System.nanoTime();
            RankingContext ctx = context(plan, c.served(), c.servedTrain(), c.servedExclude(), split.test(), in.evalSeed());
            Map<String, MetricResult> results = RankingEvaluator.compute(ctx, ev.metrics());
            in.timings().put("evaluate", seconds(t0));
            PerUserCsv.write(in.dir().resolve(RunFiles.perUser("recall")), ctx.users(), split.train().users(),
                    split.train().userCounts(), results);
            test.put("recall", values(results));
            if (c.served() instanceof Diagnosable d)
                extras = d.diagnostics(c.servedTrain(), Seeds.derive(in.evalSeed(), "diagnostics"));
            protocol = protocol(ev, ctx);
        }
        return new Outcome(new RunRecord.Metrics(valid, test, directions(metrics)), selection, protocol, extras);
    }

    /** The recaller of {@code spec} as the plan's engine fits it (the spec's own one in-process). */
    static Recaller recaller(ExperimentPlan plan, ExperimentPlan.ModelSpec spec) {
        return plan.engine().inProcess() ? spec.recaller() : plan.engine().open(plan.threads()).recaller(spec);
    }

    /** The ranked lists of {@code heldOut}'s users, built in-process or on the plan's engine (same lists). */
    static RankingContext context(ExperimentPlan plan, FittedRecaller model, Interactions train, Interactions exclude,
                                  Interactions heldOut, long seed) {
        return plan.engine().inProcess()
                ? RankingEvaluator.context(model, train, exclude, heldOut, plan.evaluation(), seed)
                : plan.engine().open(plan.threads()).rank(model, train, exclude, heldOut, plan.evaluation(), seed);
    }

    static RunRecord.EvalProtocol protocol(EvalSettings s, RankingContext ctx) {
        boolean sampled = s.mode() == EvalSettings.Mode.SAMPLED;
        return new RunRecord.EvalProtocol(sampled ? "sampled" : "full", sampled ? s.negatives() : 0, s.ks(), true,
                s.excludeValid(), ctx.size(), ctx.skippedUsers(),
                "binary relevance, DCG = sum rel_i/log2(i+1), IDCG over min(|T_u|, K) positions");
    }

    static List<RankingMetric> withMetric(List<RankingMetric> metrics, RankingMetric m) {
        for (RankingMetric x : metrics) if (x.id().equals(m.id())) return metrics;
        List<RankingMetric> out = new ArrayList<>(metrics);
        out.add(m);
        return out;
    }

    static Map<String, Double> values(Map<String, MetricResult> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        results.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    static Map<String, String> directions(List<? extends Metric> metrics) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Metric m : metrics) out.put(m.id(), m.direction().key());
        return out;
    }

    static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
