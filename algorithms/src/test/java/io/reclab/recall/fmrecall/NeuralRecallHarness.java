package io.reclab.recall.fmrecall;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.util.Seeds;
import io.reclab.data.Dataset;
import io.reclab.data.loader.MovieLens100kLoader;
import io.reclab.data.synthetic.SyntheticConfig;
import io.reclab.data.synthetic.SyntheticGenerator;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingEvaluator;
import io.reclab.metric.MetricResult;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.item2vec.Item2VecFactory;
import io.reclab.recall.twotower.TwoTowerFactory;
import io.reclab.run.TrainingLog;
import io.reclab.split.RandomSplitter;
import io.reclab.split.SplitResult;
import org.apache.commons.math3.random.Well19937c;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a unit test: fits one neural recall model the way {@code reclab run} does (per-user 80/20 random split with
 * the runner's derived seeds, master seed 2026, 2 threads) on the quickstart synthetic data or on ML-100K, and
 * prints NDCG@10, Recall@20, NDCG@20, fit wall and process-CPU seconds. Overrides are HOCON {@code key=value}s of
 * the model block, so settings can be compared without rebuilding the CLI. Usage:
 * {@code java -cp <test classpath> io.reclab.recall.fmrecall.NeuralRecallHarness synthetic|ml100k
 * item2vec|twotower|fm-recall [key=value ...]}.
 */
public final class NeuralRecallHarness {
    public static void main(String[] args) throws Exception {
        String data = args[0], model = args[1];
        StringBuilder hocon = new StringBuilder();
        for (int a = 2; a < args.length; a++) hocon.append("recall.").append(model).append('.').append(args[a]).append('\n');
        Config c = ConfigFactory.parseString(hocon.toString());
        ConfigBlock block = ConfigBlock.at(c, "recall." + model);
        Recaller rec = switch (model) {
            case "item2vec" -> new Item2VecFactory().create(block);
            case "twotower" -> new TwoTowerFactory().create(block);
            case "fm-recall" -> new FmRecallFactory().create(block);
            default -> throw new IllegalArgumentException("unknown model " + model);
        };
        block.finish();
        Dataset ds = data.equals("ml100k")
                ? new MovieLens100kLoader(new MovieLens100kLoader.Config("ml-100k", Path.of("/work/shared/data/ml-100k"))).load()
                : new SyntheticGenerator(SyntheticConfig.defaults()).generate();
        long master = 2026;
        SplitResult s = new RandomSplitter(new RandomSplitter.Settings(0.2, 0.0, true))
                .split(ds, new Well19937c(Seeds.derive(master, "split")));
        int threads = Integer.getInteger("threads", 2);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TrainingLog log = new TrainingLog();
        // -Dcurve=true: diagnostics only — NDCG@10 on the test part after every epoch (needs patience = 0 so the
        // model trains all epochs; the returned model is then the best epoch's, so the headline figure is optimistic)
        io.reclab.recall.Validator curve = Boolean.getBoolean("curve")
                ? io.reclab.eval.RankingValidator.of("ndcg@10", s.train(), s.test(), EvalSettings.defaults().withThreads(threads),
                Seeds.derive(master, "evaluation")) : null;
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        FittedRecaller m = rec.fit(new TrainContext(s.train(), s.valid(), ds.userFeatures(), ds.itemFeatures(),
                Seeds.derive(master, "recall." + model), threads, log, curve));
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        EvalSettings es = EvalSettings.defaults().withThreads(threads);
        Map<String, MetricResult> r = RankingEvaluator.evaluate(m, s.train(), s.valid(), s.test(), es,
                Seeds.derive(master, "evaluation"));
        System.out.printf("%s %s %s: ndcg@10 %.4f recall@20 %.4f ndcg@20 %.4f pop@10 %.1f cov@10 %.3f fit %.2fs wall %.2fs cpu  loss %s%n",
                data, model, String.join(" ", java.util.Arrays.copyOfRange(args, 2, args.length)),
                r.get("ndcg@10").value(), r.get("recall@20").value(), r.get("ndcg@20").value(),
                r.get("popularity@10").value(), r.get("coverage@10").value(), wall, cpu,
                log.series().containsKey("loss") ? lossCurve(log, "loss") : "-");
        if (curve != null) System.out.println("  test ndcg@10 by epoch: " + lossCurve(log, "valid.ndcg@10"));
    }

    private static String lossCurve(TrainingLog log, String name) {
        StringBuilder sb = new StringBuilder();
        var pts = log.series().get(name);
        for (int i = 0; i < pts.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(String.format("%.3f", pts.get(i).value()));
        }
        return sb.toString();
    }
}
