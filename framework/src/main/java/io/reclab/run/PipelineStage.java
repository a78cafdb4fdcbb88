package io.reclab.run;

import io.reclab.util.Seeds;
import io.reclab.data.Dataset;
import io.reclab.eval.RankingContext;
import io.reclab.metric.RankingMetric;
import io.reclab.pipeline.PipelineEvaluator;
import io.reclab.pipeline.PipelineScorer;
import io.reclab.pipeline.PipelineSettings;
import io.reclab.rank.FittedRanker;
import io.reclab.recall.FittedRecaller;
import io.reclab.split.SplitResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline stage: the channels' chosen models and the ranker, taken from {@link FittedModels} (refit with their
 * own trial's seed when that trial was skipped on resume, so identically), candidates merged and re-ranked,
 * evaluated stage by stage on valid (when no model was refit on it) and once on test.
 */
final class PipelineStage implements TrialStage {
    private final PipelineSettings ps;
    private final PrintWriter console;

    PipelineStage(PipelineSettings ps, PrintWriter console) {
        this.ps = ps;
        this.console = console;
    }

    @Override public String option() { return "pipeline-" + ps.name(); }
    @Override public String stage() { return "pipeline"; }
    @Override public String model() { return String.join("+", ps.sources()) + ">" + ps.ranker(); }
    @Override public String path() { return "pipeline"; }
    @Override public Map<String, Object> params() { return ps.params(); }
    @Override public boolean needsRankData() { return true; }

    @Override
    public Outcome run(Inputs in) throws IOException {
        ExperimentPlan plan = in.plan();
        DataSource.Log src = (DataSource.Log) in.source();
        SplitResult split = src.split();
        Dataset ds = src.dataset();
        RankData rd = in.rankData();
        long t0 = System.nanoTime();
        boolean refit = false;
        List<FittedRecaller> sources = new ArrayList<>();
        for (String option : ps.sources()) {
            ExperimentPlan.ModelSpec spec = plan.recall().stream().filter(x -> x.option().equals(option)).findFirst().orElseThrow();
            String key = RecallStage.cacheKey(plan, spec);
            FittedRecaller m = in.fitted().recaller(key);
            if (m == null) {
                console.printf("  %-24s refitting source %s%n", "", option);
                RecallStage.Chosen c = RecallStage.choose(plan, spec, ds, split, Seeds.derive(plan.seed(), spec.path()),
                        in.evalSeed(), new TrainingLog());
                m = c.served();
                in.fitted().putRecaller(key, m);
            }
            sources.add(m);
        }
        refit = plan.selection().refit() && split.valid().size() > 0;
        ExperimentPlan.RankSpec rspec = plan.rank().stream().filter(x -> x.option().equals(ps.ranker())).findFirst().orElseThrow();
        String rkey = RankStage.cacheKey(plan, rspec);
        FittedRanker ranker = in.fitted().ranker(rkey);
        if (ranker == null) {
            console.printf("  %-24s refitting ranker %s%n", "", ps.ranker());
            ranker = RankStage.fit(plan, rspec, rd, Seeds.derive(plan.seed(), rspec.path()), new TrainingLog());
            in.fitted().putRanker(rkey, ranker);
        }
        in.timings().put("fit", RecallStage.seconds(t0));
        PipelineScorer scorer = new PipelineScorer(plan.rankSetup().samples(), rd.features(), ranker,
                ds.userFeatures(), ds.itemFeatures(), split.train());
        List<RankingMetric> finalMetrics = ps.finalMetrics(plan.evaluation().metrics(), plan.evaluation().ks());

        Map<String, Map<String, Double>> valid = new LinkedHashMap<>();
        if (!refit && split.valid().size() > 0) {
            PipelineEvaluator.Result v = PipelineEvaluator.evaluate(ps, sources, scorer, split.train(), split.train().empty(),
                    split.valid(), finalMetrics, plan.evaluation(), in.evalSeed());
            valid.put(PipelineEvaluator.CANDIDATES, RecallStage.values(v.candidateMetrics()));
            valid.put(PipelineEvaluator.FINAL, RecallStage.values(v.finalMetrics()));
        }
        Map<String, Map<String, Double>> test = new LinkedHashMap<>();
        Map<String, Double> extras = Map.of();
        RunRecord.EvalProtocol protocol = null;
        if (in.evaluateTest()) {
            var train = refit ? split.train().concat(split.valid()) : split.train();
            var exclude = refit ? train.empty() : split.valid();
            PipelineEvaluator.Result r = PipelineEvaluator.evaluate(ps, sources, scorer, train, exclude,
                    split.test(), finalMetrics, plan.evaluation(), in.evalSeed());
            in.timings().putAll(r.seconds());
            RankingContext fin = r.lists();
            PerUserCsv.write(in.dir().resolve(RunFiles.perUser(PipelineEvaluator.FINAL)), fin.users(), split.train().users(),
                    split.train().userCounts(), r.finalMetrics());
            test.put(PipelineEvaluator.CANDIDATES, RecallStage.values(r.candidateMetrics()));
            test.put(PipelineEvaluator.FINAL, RecallStage.values(r.finalMetrics()));
            protocol = new RunRecord.EvalProtocol("full", 0, ps.ks(), true, plan.evaluation().excludeValid(), fin.size(),
                    fin.skippedUsers(), "binary relevance, DCG = sum rel_i/log2(i+1), IDCG over min(|T_u|, K) positions");
            extras = r.extras();
        }
        Map<String, String> directions = RecallStage.directions(finalMetrics);
        for (String id : (test.isEmpty() ? valid : test).getOrDefault(PipelineEvaluator.CANDIDATES, Map.of()).keySet())
            directions.putIfAbsent(id, "higher");
        RunRecord.Selection selection = new RunRecord.Selection(plan.selection().validMetric().id(), "higher", null,
                valid.isEmpty() ? null : valid.get(PipelineEvaluator.FINAL).get(plan.selection().validMetric().id()), refit, null);
        return new Outcome(new RunRecord.Metrics(valid, test, directions), selection, protocol, extras);
    }
}
