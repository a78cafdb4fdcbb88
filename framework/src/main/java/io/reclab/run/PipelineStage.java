package io.reclab.run;

import io.reclab.data.Csr;
import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.eval.RankingValidator;
import io.reclab.metric.RankingMetric;
import io.reclab.pipeline.CandidateRows;
import io.reclab.pipeline.ChannelLists;
import io.reclab.pipeline.PipelineEvaluator;
import io.reclab.pipeline.PipelineScorer;
import io.reclab.pipeline.PipelineSettings;
import io.reclab.pipeline.RankerTraining;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FeaturePipeline;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.split.SplitResult;
import io.reclab.util.Seeds;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline stage: recall channels → merge → ranker, trained without leakage and evaluated stage by stage.
 * <ol>
 *   <li>Training is cut per user into an earlier and a later part ({@link RankerTraining#holdout}); each channel is
 *       fit on the earlier part (early stopping on the later one), recalls for the later part, and the ranker learns
 *       from those candidates: recalled and then chosen = positive, recalled and not chosen = negative.</li>
 *   <li>The serving channels are the recall trials' own models, fit on all of train (refit with their trial's seed
 *       when the trial was skipped on resume, so identically). With validation, the ranker's early stopping reads
 *       candidates the serving channels recall for the validation users, labelled by the validation items.</li>
 *   <li>Validation (when nothing was refit on it) and then test are evaluated once each by {@link PipelineEvaluator}:
 *       stages {@code recall:<channel>}, {@code merge}, {@code rank}, {@code final}, with per-user files of every
 *       list stage for the report's paired tests.</li>
 * </ol>
 */
final class PipelineStage implements TrialStage {
    private final ExperimentPlan.PipelinePlan pp;
    private final PipelineSettings ps;
    private final PrintWriter console;

    PipelineStage(ExperimentPlan.PipelinePlan pp, PrintWriter console) {
        this.pp = pp;
        this.ps = pp.settings();
        this.console = console;
    }

    @Override public String option() { return "pipeline-" + ps.name(); }
    @Override public String stage() { return "pipeline"; }
    @Override public String model() { return String.join("+", ps.sources()) + ">" + pp.ranker().model(); }
    @Override public String path() { return "pipeline"; }
    @Override public Map<String, Object> params() { return ps.params(); }
    @Override public boolean needsRankData() { return false; }

    @Override
    public Outcome run(Inputs in) throws IOException {
        ExperimentPlan plan = in.plan();
        DataSource.Log src = (DataSource.Log) in.source();
        SplitResult split = src.split();
        Dataset ds = src.dataset();
        Interactions train = split.train(), valid = split.valid(), test = split.test();
        int threads = plan.threads(), ns = ps.channels().size(), numItems = train.numItems();
        List<String> names = ps.sources();
        boolean refit = plan.selection().refit() && valid.size() > 0;
        Map<String, Double> extras = new LinkedHashMap<>();

        // serving channels: the recall trials' models (fit on train, or refit on train + valid)
        long t0 = System.nanoTime();
        List<FittedRecaller> served = new ArrayList<>();
        for (ExperimentPlan.ModelSpec spec : pp.channels()) {
            String key = RecallStage.cacheKey(plan, spec);
            FittedRecaller m = in.fitted().recaller(key);
            if (m == null) {
                console.printf("  %-24s fitting channel %s on train%n", "", spec.option());
                m = RecallStage.choose(plan, spec, ds, split, Seeds.derive(plan.seed(), spec.path()), in.evalSeed(),
                        new TrainingLog()).served();
                in.fitted().putRecaller(key, m);
            }
            served.add(m);
        }
        in.timings().put("fit_channels", RecallStage.seconds(t0));

        // the ranker's rows: channels fit on train's earlier part recall for its later part
        t0 = System.nanoTime();
        PipelineSettings.Rank rank = ps.rank();
        PipelineSettings.Holdout holdout = rank.holdout().resolve(plan.splitMethod());
        extras.put("ranker.holdout_by_time", holdout == PipelineSettings.Holdout.TIME ? 1.0 : 0.0);
        if (rank.folds() > 1 && holdout != PipelineSettings.Holdout.FOLD)
            throw new io.reclab.config.ConfigError("`pipeline.rank.folds` = " + rank.folds() + " deals random folds, but holdout = auto"
                    + " resolves to " + holdout.key() + " on split " + plan.splitMethod() + ": set pipeline.rank.holdout = fold or folds = 1");
        List<RankerTraining.Parts> folds = rank.folds() > 1
                ? RankerTraining.folds(train, rank.folds(), Seeds.derive(plan.seed(), "pipeline.folds"))
                : List.of(RankerTraining.holdout(train, holdout, rank.holdoutFraction(), Seeds.derive(plan.seed(), "pipeline.holdout")));
        List<RawTable> tables = new ArrayList<>();
        long negSeed = Seeds.derive(plan.seed(), "pipeline.negatives");
        long labelRows = 0, users = 0, positives = 0, negatives = 0, missed = 0;
        for (int f = 0; f < folds.size(); f++) {
            RankerTraining.Parts parts = folds.get(f);
            if (parts.later().size() == 0)
                throw new IllegalStateException("the ranker's holdout part of train is empty (every user has fewer than 2 training"
                        + " rows): nothing to label ranker rows with");
            RankingValidator earlyValidator = new RankingValidator(parts.earlier(), parts.later(), plan.selection().validMetric(),
                    plan.evaluation(), in.evalSeed());
            int[] laterUsers = RankingEvaluator.heldOut(parts.later()).users();
            Csr earlierCsr = parts.earlier().byUser();
            ChannelLists[] early = new ChannelLists[ns];
            for (int s = 0; s < ns; s++) {
                ExperimentPlan.ModelSpec spec = pp.channels().get(s);
                console.printf("  %-24s fitting channel %s on train's earlier part%s%n", "", spec.option(),
                        folds.size() > 1 ? " (fold " + (f + 1) + "/" + folds.size() + ")" : "");
                FittedRecaller m = spec.recaller().fit(new TrainContext(parts.earlier(), parts.later(), ds.userFeatures(),
                        ds.itemFeatures(), Seeds.derive(plan.seed(), spec.path()), threads, new TrainingLog(), earlyValidator));
                early[s] = ChannelLists.retrieve(m, laterUsers, earlierCsr, null, ps.quota(s), threads);
            }
            CandidateRows foldRows = new CandidateRows(ns);
            RankerTraining.Counts tc = RankerTraining.label(rank, early, ps.merger(numItems), parts.later(), earlierCsr,
                    f == 0 ? negSeed : Seeds.derive(negSeed, f), foldRows);
            tables.add(foldRows.table(names, ds.userFeatures(), ds.itemFeatures(), parts.earlier(),
                    PipelineScorer.now(parts.earlier()), rank.history()));
            labelRows += parts.later().size();
            users += tc.users();
            positives += tc.positives();
            negatives += tc.negatives();
            missed += tc.missedPositives();
        }
        if (positives == 0)
            throw new IllegalStateException("no candidate the channels recalled for train's later part was chosen by its user:"
                    + " the ranker has no positive row (raise the channels' quotas or pipeline.rank.holdout-fraction)");
        RawTable trainTable = RawTable.concat(tables);
        FeaturePipeline fp = new FeaturePipeline(CandidateRows.fields(pp.features().fields(), names, rank.history()),
                pp.features().hashSeed());
        FittedFeaturePipeline features = fp.fit(trainTable);
        Samples trainSamples = features.transform(trainTable);
        extras.put("ranker.folds", (double) folds.size());
        extras.put("ranker.holdout_rows", (double) labelRows);
        extras.put("ranker.users", (double) users);
        extras.put("ranker.positives", (double) positives);
        extras.put("ranker.negatives", (double) negatives);
        extras.put("ranker.unrecalled_positives", (double) missed);
        extras.put("ranker.features", (double) trainSamples.numFeatures());

        // the ranker's early stopping: serving channels' candidates for the validation users, labelled by valid
        PipelineScorer scorer = new PipelineScorer(names, features, null, ds.userFeatures(), ds.itemFeatures(),
                refit ? train.concat(valid) : train, rank.history());
        Samples validSamples = trainSamples.select(new int[0]);
        if (!refit && valid.size() > 0) {
            int[] vu = RankingEvaluator.heldOut(valid).users();
            ChannelLists[] vl = new ChannelLists[ns];
            Csr trainCsr = train.byUser();
            for (int s = 0; s < ns; s++) vl[s] = ChannelLists.retrieve(served.get(s), vu, trainCsr, null, ps.quota(s), threads);
            CandidateRows vr = new CandidateRows(ns);
            RankerTraining.label(rank, vl, ps.merger(numItems), valid, trainCsr, Seeds.derive(plan.seed(), "pipeline.valid-negatives"), vr);
            if (vr.size() > 0) validSamples = scorer.encode(vr);
        }
        FittedRanker ranker = pp.ranker().ranker().fit(new RankTrainContext(trainSamples, validSamples,
                Seeds.derive(plan.seed(), pp.ranker().path()), threads, in.log()));
        scorer = scorer.withRanker(ranker);
        in.timings().put("fit_ranker", RecallStage.seconds(t0));
        in.timings().put("fit", in.timings().get("fit_channels") + in.timings().get("fit_ranker"));

        List<RankingMetric> finalMetrics = RecallStage.withMetric(ps.finalMetrics(plan.evaluation().metrics(), plan.evaluation().ks()),
                plan.selection().validMetric());
        Map<String, Map<String, Double>> validMetrics = new LinkedHashMap<>();
        Double validValue = null;
        if (!refit && valid.size() > 0) {
            t0 = System.nanoTime();
            PipelineEvaluator.Result v = PipelineEvaluator.evaluate(ps, served, ps.merger(numItems), scorer, train, null, valid,
                    finalMetrics, pp.rankMetrics(), threads);
            v.stages().forEach((stage, m) -> validMetrics.put(stage, RecallStage.values(m)));
            validValue = validMetrics.get(PipelineEvaluator.FINAL).get(plan.selection().validMetric().id());
            in.timings().put("validate", RecallStage.seconds(t0));
        }
        Map<String, Map<String, Double>> testMetrics = new LinkedHashMap<>();
        RunRecord.EvalProtocol protocol = null;
        if (in.evaluateTest()) {
            t0 = System.nanoTime();
            Interactions serving = refit ? train.concat(valid) : train;
            Interactions exclude = !refit && plan.evaluation().excludeValid() ? valid : null;
            PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, served, ps.merger(numItems), scorer, serving, exclude,
                    test, finalMetrics, pp.rankMetrics(), threads);
            in.timings().put("evaluate", RecallStage.seconds(t0));
            r.stages().forEach((stage, m) -> testMetrics.put(stage, RecallStage.values(m)));
            for (Map.Entry<String, RankingContext> e : r.lists().entrySet()) {
                RankingContext ctx = e.getValue();
                PerUserCsv.write(in.dir().resolve(RunFiles.perUser(e.getKey())), ctx.users(), train.users(),
                        train.userCounts(), r.stages().get(e.getKey()));
            }
            RankingContext fin = r.lists().get(PipelineEvaluator.FINAL);
            protocol = new RunRecord.EvalProtocol("full", 0, ps.ks(), true, exclude != null, fin.size(),
                    fin.skippedUsers(), "binary relevance, DCG = sum rel_i/log2(i+1), IDCG over min(|T_u|, K) positions");
            extras.putAll(r.extras());
        }
        Map<String, String> directions = RecallStage.directions(finalMetrics);
        directions.putAll(RecallStage.directions(pp.rankMetrics()));
        for (Map<String, Double> m : (testMetrics.isEmpty() ? validMetrics : testMetrics).values())
            for (String id : m.keySet()) directions.putIfAbsent(id, "higher");
        RunRecord.Selection selection = new RunRecord.Selection(plan.selection().validMetric().id(), "higher", null,
                validValue, refit, null);
        return new Outcome(new RunRecord.Metrics(validMetrics, testMetrics, directions), selection, protocol, extras);
    }
}
