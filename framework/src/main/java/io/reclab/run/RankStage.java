package io.reclab.run;

import io.reclab.data.IdMap;
import io.reclab.eval.rank.RankEvaluator;
import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.Direction;
import io.reclab.metric.MetricResult;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rank (CTR) stage for one ranker: fit on the training samples (early stopping on validation AUC inside the
 * trainer, best epoch restored), every rank metric on the validation samples, then the test samples scored once.
 * Rankers are not refit on train + valid: {@code evaluation.refit} applies to recall models.
 */
final class RankStage implements TrialStage {
    private final ExperimentPlan.RankSpec spec;
    RankStage(ExperimentPlan.RankSpec spec) {
        this.spec = spec;
    }

    @Override public String option() { return spec.option(); }
    @Override public String stage() { return "rank"; }
    @Override public String model() { return spec.model(); }
    @Override public String path() { return spec.path(); }
    @Override public Map<String, Object> params() { return spec.params(); }
    @Override public boolean needsRankData() { return true; }

    static FittedRanker fit(ExperimentPlan plan, ExperimentPlan.RankSpec spec, RankData rd, long seed, TrainingLog log) {
        return spec.ranker().fit(new RankTrainContext(rd.train(), rd.valid(), seed, plan.threads(), log));
    }

    @Override
    public Outcome run(Inputs in) throws IOException {
        ExperimentPlan plan = in.plan();
        RankData rd = in.rankData();
        String validMetric = plan.selection().rankValidMetric();
        long t0 = System.nanoTime();
        FittedRanker model = fit(plan, spec, rd, in.modelSeed(), in.log());
        in.timings().put("features", rd.seconds());
        in.timings().put("fit", RecallStage.seconds(t0));
        RankEvaluator evaluator = new RankEvaluator(plan.rankSetup().metrics());

        Map<String, Map<String, Double>> valid = new LinkedHashMap<>();
        Double validValue = null;
        if (rd.valid().size() > 0) {
            t0 = System.nanoTime();
            Map<String, Double> v = RecallStage.values(evaluator.evaluate(model, rd.valid()).metrics());
            valid.put("rank", v);
            validValue = v.get(validMetric);
            in.timings().put("validate", RecallStage.seconds(t0));
        }
        TrainingLog.Point best = in.log().best("valid." + validMetric, Direction.HIGHER);
        RunRecord.Selection selection = new RunRecord.Selection(validMetric, Direction.HIGHER.key(),
                best == null ? null : best.epoch(), best == null ? validValue : best.value(), false, null);

        Map<String, Map<String, Double>> test = new LinkedHashMap<>();
        Map<String, Double> extras = new LinkedHashMap<>();
        RunRecord.EvalProtocol protocol = null;
        if (in.evaluateTest()) {
            t0 = System.nanoTime();
            RankEvaluator.Result r = evaluator.evaluate(model, rd.test());
            in.timings().put("evaluate", RecallStage.seconds(t0));
            ScoreContext ctx = r.context();
            IdMap users = in.source().users();
            PredictionsCsv.write(in.dir().resolve(RunFiles.PREDICTIONS_RANK), ctx, users);
            int[] aucUsers = ctx.userAucs().users();
            Map<String, MetricResult> perUser = new LinkedHashMap<>();
            r.metrics().forEach((k, v) -> {
                if (v.perUser() != null && v.perUser().length == aucUsers.length) perUser.put(k, v);
            });
            PerUserCsv.write(in.dir().resolve(RunFiles.perUser("rank")), aucUsers, users, in.source().trainUserCounts(), perUser);
            test.put("rank", RecallStage.values(r.metrics()));
            protocol = new RunRecord.EvalProtocol("pointwise", 0, List.of(), false, false, aucUsers.length,
                    r.gaucUsersSkipped(), null);
            extras.put("rank.test_samples", (double) rd.test().size());
            extras.put("rank.test_positive_rate", positiveRate(rd.test().labels()));
            extras.put("gauc.users_skipped", (double) r.gaucUsersSkipped());
        }
        extras.put("rank.features", (double) rd.train().numFeatures());
        extras.put("rank.fields", (double) rd.train().numFields());
        if (in.source() instanceof DataSource.CtrFiles f) extras.putAll(f.ctr().extras());
        return new Outcome(new RunRecord.Metrics(valid, test, RecallStage.directions(plan.rankSetup().metrics())),
                selection, protocol, extras);
    }

    private static double positiveRate(float[] labels) {
        double s = 0;
        for (float l : labels) s += l;
        return labels.length == 0 ? Double.NaN : s / labels.length;
    }
}
