package io.reclab.spark;

import io.reclab.data.Interactions;
import io.reclab.data.loader.Sha256;
import io.reclab.data.preprocess.Preprocessing;
import io.reclab.engine.Engine;
import io.reclab.engine.PreparedLog;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.itemcf.ItemCfRecaller;
import io.reclab.run.ExperimentPlan;
import io.reclab.spark.data.LogPreparation;
import io.reclab.spark.data.LogReader;
import io.reclab.spark.data.LogSource;
import io.reclab.spark.eval.PartitionedRanking;
import io.reclab.spark.recall.SparkAls;
import io.reclab.spark.recall.SparkItemCf;
import io.reclab.util.Seeds;
import org.apache.commons.math3.random.Well19937c;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Spark engine ({@code engine = spark}): data preparation ({@link LogPreparation}), ItemCF's similarity job
 * ({@link SparkItemCf}), MLlib ALS ({@link SparkAls}) and full-ranking evaluation ({@link PartitionedRanking}) as
 * Spark jobs; every other model fits in the driver as in-process. One session per run.
 */
public final class SparkEngine implements Engine {
    private final SparkSession spark;
    private final SparkSettings settings;
    private final int parallelism;
    private final int shufflePartitions;
    private PrintWriter console = new PrintWriter(System.err, true);

    SparkEngine(SparkSession spark, SparkSettings settings) {
        this.spark = spark;
        this.settings = settings;
        this.parallelism = spark.sparkContext().defaultParallelism();
        this.shufflePartitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    }

    public SparkSession session() { return spark; }

    @Override public String name() { return "spark"; }

    @Override
    public String describe() {
        return "Spark " + spark.version() + ", master " + spark.sparkContext().master() + ", default parallelism "
                + parallelism + ", shuffle partitions " + shufflePartitions;
    }

    @Override
    public PreparedLog prepare(ExperimentPlan plan, PrintWriter console) throws IOException {
        this.console = console;
        LogSource source = LogSource.of(plan.datasetBlock());
        LogPreparation.check(plan.splitter(), plan.splitMethod());
        long t0 = System.nanoTime();
        try {
            org.apache.spark.sql.Dataset<Row> raw;
            String sha;
            String where;
            io.reclab.data.IdMap[] order = null;
            if (source.generated()) {
                var ds = plan.loader().load();
                // slices of about 10k rows keep each task small (Spark warns above 1 MB a task)
                raw = LogReader.of(spark, ds.interactions(), Math.max(parallelism, ds.interactions().size() / 10_000));
                order = new io.reclab.data.IdMap[]{ds.interactions().users(), ds.interactions().items()};
                sha = ds.info().sha256();
                where = ds.info().source();
            } else {
                raw = LogReader.read(spark, source);
                Path local = localPath(source.uri());
                sha = local != null && Files.isRegularFile(local) ? Sha256.ofFiles(List.of(local)) : "not computed (" + source.uri() + ")";
                where = source.uri();
            }
            Preprocessing p = plan.preprocessing() == null ? Preprocessing.NONE : plan.preprocessing();
            LogPreparation.Result r = new LogPreparation(spark, shufflePartitions).prepare(raw, order, p, plan.splitter(),
                    new Well19937c(Seeds.derive(plan.seed(), "split")), source.name(), where, sha, settings.output());
            double total = (System.nanoTime() - t0) / 1e9;
            if (settings.output() != null) console.println("spark: wrote the encoded, split log to " + settings.output() + " (Parquet)");
            return new PreparedLog(r.dataset(), r.split(), total - r.splitSeconds(), r.splitSeconds());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
            throw unwrap(e);
        }
    }

    /** A data error raised inside a task reaches the driver wrapped: give the user the original one-line message. */
    static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof io.reclab.data.DataFormatException d) return d;
        return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }

    private static Path localPath(String uri) {
        if (uri == null) return null;
        if (uri.startsWith("file:")) return Path.of(uri.replaceFirst("^file:(//)?", ""));
        if (uri.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) return null;
        return Path.of(uri);
    }

    @Override
    public Recaller recaller(ExperimentPlan.ModelSpec spec) {
        Recaller r = spec.recaller();
        if (r instanceof ItemCfRecaller cf) return new SparkItemCf(spark, cf.config(), settings.itemCfJob(), parallelism * 2, shufflePartitions);
        if (r instanceof SparkAls als) return als.on(spark, parallelism);
        return r;
    }

    @Override
    public RankingContext rank(FittedRecaller model, Interactions train, Interactions exclude, Interactions heldOut,
                               EvalSettings s, long seed) {
        if (s.mode() == EvalSettings.Mode.SAMPLED || !PartitionedRanking.shippable(model))
            return RankingEvaluator.context(model, train, exclude, heldOut, s, seed);
        PartitionedRanking pr = new PartitionedRanking(spark, parallelism * 2);
        try {
            return RankingEvaluator.context(model, train, exclude, heldOut, s, seed,
                    (users, tr, ex, k) -> pr.rank(model, users, tr, ex, k, s.blockSize()));
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
            throw unwrap(e);
        }
    }

    @Override
    public io.reclab.engine.TrialScheduler trialScheduler() {
        return settings.mode() == SparkSettings.Mode.TRIALS ? new io.reclab.spark.trials.SparkTrials(spark) : null;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
