package io.reclab.bench;

import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.run.DataSource;
import io.reclab.run.ExperimentPlan;
import io.reclab.run.TrainingLog;
import io.reclab.split.SplitResult;
import io.reclab.util.Seeds;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Macro benchmarks: whole fits and whole evaluations of an experiment's recall models on its data, the way a user
 * runs them. Each model is fit on the split's train part with its configured epochs (no validator, so an epoch
 * budget means the same work every repeat) and seeded as the experiment would seed it, so repeats do the same
 * arithmetic; its top-K lists for every test user then come from the same full-ranking evaluator the runner uses,
 * and NDCG@K / Recall@K are reported beside the time so a faster model is never read without its quality.
 */
public final class BenchRunner {
    private final PrintWriter console;

    public BenchRunner(PrintWriter console) { this.console = console; }

    public BenchResult run(ExperimentPlan plan, DataSource.Log source, BenchSettings settings) throws Exception {
        String started = java.time.OffsetDateTime.now().withNano(0).toString();
        SplitResult split = source.split();
        Interactions train = split.train(), valid = split.valid(), test = split.test();
        if (plan.recall().isEmpty())
            throw new IllegalArgumentException("experiment " + plan.name() + " selects no recall model: nothing to benchmark"
                    + " (set defaults.recall or pass recall=als,itemcf)");
        int k = settings.k();
        List<RankingMetric> metrics = List.of(RankingMetrics.create("ndcg", k), RankingMetrics.create("recall", k));
        EvalSettings eval = plan.evaluation().withMetrics(metrics).withThreads(plan.threads());
        if (eval.maxK() < k) throw new IllegalStateException("evaluation lists shorter than bench.k = " + k);
        List<BenchRow> rows = new ArrayList<>();
        Machine machine = Machine.current();
        console.println("bench " + plan.name() + " on " + machine.describe() + ", " + plan.threads() + " threads");
        for (ExperimentPlan.ModelSpec spec : plan.recall()) {
            long seed = Seeds.derive(plan.seed(), spec.path());
            int epochs = spec.params().get("epochs") instanceof Number n ? n.intValue() : 0;
            Measurement.Work<FittedRecaller> fit = () -> spec.recaller().fit(new TrainContext(train, valid,
                    source.dataset().userFeatures(), source.dataset().itemFeatures(), seed, plan.threads(), new TrainingLog(), null));
            for (int w = 0; w < settings.warmup(); w++) fit.run();
            List<Measurement> fits = new ArrayList<>();
            FittedRecaller model = null;
            for (int r = 0; r < settings.repeats(); r++) {
                Measurement.Timed<FittedRecaller> t = Measurement.of(fit);
                fits.add(t.measurement());
                model = t.value();
            }
            FittedRecaller fitted = model;
            long evalSeed = Seeds.derive(plan.seed(), "evaluation");
            List<Measurement> evals = new ArrayList<>();
            Map<String, MetricResult> values = null;
            for (int r = 0; r < settings.repeats(); r++) {
                Measurement.Timed<RankingContext> t = Measurement.of(() -> RankingEvaluator.context(fitted, train, valid, test, eval, evalSeed));
                evals.add(t.measurement());
                values = RankingEvaluator.compute(t.value(), metrics);
            }
            double ndcg = values.get(metrics.get(0).id()).value(), recall = values.get(metrics.get(1).id()).value();
            BenchRow f = BenchRow.of(spec.option(), BenchRow.FIT, fits, epochs, ndcg, recall);
            BenchRow e = BenchRow.of(spec.option(), BenchRow.RECOMMEND_ALL, evals, 0, ndcg, recall);
            rows.add(f);
            rows.add(e);
            console.printf(java.util.Locale.ROOT, "  %-12s fit %8.3fs (%.3f..%.3f, cpu %.2fs, heap %s)%s | recommend-all %7.3fs | ndcg@%d %.4f recall@%d %.4f%n",
                    spec.option(), f.medianSeconds(), f.minSeconds(), f.maxSeconds(), f.medianCpuSeconds(), mb(f.peakHeapBytes()),
                    epochs > 0 ? String.format(java.util.Locale.ROOT, " %.3fs/epoch", f.perEpochSeconds()) : "",
                    e.medianSeconds(), k, ndcg, k, recall);
        }
        io.reclab.data.DatasetInfo info = source.info();
        return new BenchResult(plan.name(), info.name() + " (" + info.source() + ")", info.users(), info.items(), info.interactions(),
                train.size(), RankingEvaluator.heldOut(test).users().length, machine, settings, plan.threads(),
                source.loadSeconds() + source.splitSeconds(), rows, peakRss(), started);
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** The process's peak resident set (VmHWM of /proc/self/status), -1 where there is none. */
    static long peakRss() {
        Path p = Path.of("/proc/self/status");
        if (!Files.isReadable(p)) return -1;
        try {
            for (String l : Files.readAllLines(p)) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
