package io.reclab.run;

import io.reclab.config.ConfigError;
import io.reclab.util.Seeds;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.preprocess.Preprocessor;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;
import io.reclab.rank.features.SampleBuilder;
import io.reclab.rank.source.CtrData;
import io.reclab.rank.source.CtrSource;
import io.reclab.split.SplitResult;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads what trials read, once per distinct configuration: datasets (after preprocessing), their splits, CTR
 * files, and encoded rank samples. Errors here abort the run: no trial can run without its data. Thread-safe: trials
 * running side by side in one JVM (an engine's trial tasks) share one cache.
 */
public final class InputCache {
    private final PrintWriter console;
    private final Map<String, Dataset> datasets = new HashMap<>();
    private final Map<String, SplitResult> splits = new HashMap<>();
    private final Map<String, CtrData> ctr = new HashMap<>();
    private final Map<String, RankData> rank = new HashMap<>();
    private final Map<String, io.reclab.engine.PreparedLog> prepared = new HashMap<>();

    public InputCache(PrintWriter console) { this.console = console; }

    /** The plan's data, loaded (or generated) and split once per dataset, split and seed. */
    public synchronized DataSource source(ExperimentPlan plan) throws IOException {
        return plan.ctr() != null ? ctrFiles(plan) : log(plan);
    }

    private DataSource ctrFiles(ExperimentPlan plan) throws IOException {
        // the split seed may be derived from the master seed, which the rendered block does not show
        String key = (plan.rankSetup() == null ? "" : plan.rankSetup().key()) + "|" + plan.ctr().seed();
        CtrData d = ctr.get(key);
        if (d == null) {
            d = CtrSource.load(plan.ctr(), plan.rankSetup() == null ? null : plan.rankSetup().features());
            ctr.put(key, d);
            console.println(d.summary());
        }
        return new DataSource.CtrFiles(d);
    }

    private DataSource log(ExperimentPlan plan) throws IOException {
        if (!plan.engine().inProcess()) return engineLog(plan);
        long t0 = System.nanoTime();
        Dataset ds = datasets.get(plan.datasetKey());
        if (ds == null) {
            Dataset raw = plan.loader().load();
            io.reclab.data.DataQuality q = io.reclab.data.DataQuality.of(raw.interactions(),
                    plan.preprocessing() == null ? "none" : plan.preprocessing().dedupe().name().toLowerCase(java.util.Locale.ROOT));
            String warning = q.warning(raw.info().name());
            if (warning != null) console.println(warning);
            ds = Preprocessor.apply(raw, plan.preprocessing());
            ds = new Dataset(ds.info().withQuality(q), ds.interactions(), ds.userFeatures(), ds.itemFeatures(), ds.predefinedParts());
            DatasetInfo i = ds.info();
            if (ds.interactions().size() == 0)
                throw new io.reclab.data.DataFormatException("dataset " + i.name() + " (" + i.source() + ") has no interactions"
                        + (plan.preprocessing() == null || plan.preprocessing().isNoop() ? "" : " after its filters (dataset.preprocess)") + ": nothing to train or test on");
            datasets.put(plan.datasetKey(), ds);
            console.printf("dataset %s: %d users, %d items, %d interactions (%.2fs)%n", i.name(), i.users(), i.items(),
                    i.interactions(), RecallStage.seconds(t0));
        }
        double load = RecallStage.seconds(t0);
        t0 = System.nanoTime();
        String splitKey = plan.datasetKey() + "|" + plan.splitKey() + "|" + plan.seed();
        SplitResult split = splits.get(splitKey);
        if (split == null) {
            split = plan.splitter().split(ds, new Well19937c(Seeds.derive(plan.seed(), "split")));
            if (split.train().size() == 0 || split.test().size() == 0)
                throw new io.reclab.data.DataFormatException("split " + split.protocol() + " of " + ds.info().name() + " ("
                        + ds.info().interactions() + " interactions) leaves " + (split.train().size() == 0 ? "an empty training part" : "no test interactions")
                        + ": nothing to " + (split.train().size() == 0 ? "train on" : "evaluate") + "; users need at least 2 interactions each for a per-user split");
            splits.put(splitKey, split);
            console.printf("split %s: train %d, valid %d, test %d%n", split.protocol(), split.train().size(),
                    split.valid().size(), split.test().size());
        }
        return new DataSource.Log(ds, split, load, RecallStage.seconds(t0));
    }

    /** The log prepared on the plan's engine (cached like the in-process one), checked the same way. */
    private DataSource engineLog(ExperimentPlan plan) throws IOException {
        String key = "engine|" + plan.engine().name() + "|" + plan.datasetKey() + "|" + plan.splitKey() + "|" + plan.seed();
        io.reclab.engine.PreparedLog p = prepared.get(key);
        if (p == null) {
            io.reclab.engine.Engine engine = plan.engine().open(plan.threads());
            console.println("engine " + engine.name() + ": " + engine.describe());
            p = engine.prepare(plan, console);
            Dataset ds = p.dataset();
            SplitResult split = p.split();
            DatasetInfo i = ds.info();
            if (ds.interactions().size() == 0)
                throw new io.reclab.data.DataFormatException("dataset " + i.name() + " (" + i.source() + ") has no interactions"
                        + (plan.preprocessing() == null || plan.preprocessing().isNoop() ? "" : " after its filters (dataset.preprocess)") + ": nothing to train or test on");
            if (split.train().size() == 0 || split.test().size() == 0)
                throw new io.reclab.data.DataFormatException("split " + split.protocol() + " of " + i.name() + " ("
                        + i.interactions() + " interactions) leaves " + (split.train().size() == 0 ? "an empty training part" : "no test interactions")
                        + ": nothing to " + (split.train().size() == 0 ? "train on" : "evaluate"));
            console.printf("dataset %s: %d users, %d items, %d interactions (%.2fs on %s)%n", i.name(), i.users(), i.items(),
                    i.interactions(), p.loadSeconds(), engine.name());
            console.printf("split %s: train %d, valid %d, test %d (%.2fs on %s)%n", split.protocol(), split.train().size(),
                    split.valid().size(), split.test().size(), p.splitSeconds(), engine.name());
            prepared.put(key, p);
            return new DataSource.Log(ds, split, p.loadSeconds(), p.splitSeconds());
        }
        return new DataSource.Log(p.dataset(), p.split(), 0, 0);
    }

    synchronized RankData rankData(ExperimentPlan plan, DataSource source) {
        if (source instanceof DataSource.CtrFiles f) {
            CtrData c = f.ctr();
            return new RankData(c.train(), c.valid(), c.test(), c.featureSeconds(), c.features());
        }
        DataSource.Log log = (DataSource.Log) source;
        String key = plan.datasetKey() + "|" + plan.splitKey() + "|" + plan.seed() + "|" + plan.rankSetup().key();
        RankData rd = rank.get(key);
        if (rd != null) return rd;
        long t0 = System.nanoTime();
        SplitResult split = log.split();
        Dataset ds = log.dataset();
        SampleBuilder builder = new SampleBuilder(plan.rankSetup().samples());
        long seed = Seeds.derive(plan.seed(), "samples");
        RawTable train = builder.build(split.train(), ds.userFeatures(), ds.itemFeatures(), split.train(), seed);
        RawTable valid = builder.build(split.valid(), ds.userFeatures(), ds.itemFeatures(), split.train(), seed + 1);
        RawTable test = builder.build(split.test(), ds.userFeatures(), ds.itemFeatures(), split.train(), seed + 2);
        try {
            FittedFeaturePipeline fp = plan.rankSetup().features().fit(train);
            rd = new RankData(fp.transform(train), fp.transform(valid), fp.transform(test), RecallStage.seconds(t0), fp);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a dataset whose loader found no user or item file has no such columns at all: the data is short, not the config
            String missing = ds.userFeatures().isEmpty() && ds.itemFeatures().isEmpty() ? "user and item"
                    : ds.itemFeatures().isEmpty() ? "item" : ds.userFeatures().isEmpty() ? "user" : null;
            if (missing != null && e.getMessage() != null && e.getMessage().contains("no column"))
                throw new io.reclab.data.DataFormatException("dataset " + ds.info().name() + " (" + ds.info().source() + ") has no "
                        + missing + " features, which features.fields needs (" + e.getMessage() + "): its loader found no "
                        + missing + " file there (for MovieLens 100K: u.item for item fields, u.user for user fields)");
            // a field that does not fit the data (unknown column, cross over a numeric column) is a config mistake
            throw new ConfigError("features: " + e.getMessage() + " (columns available: " + columnNames(train) + ")");
        }
        console.printf("rank samples: train %d, valid %d, test %d; %d features in %d fields%n", rd.train().size(),
                rd.valid().size(), rd.test().size(), rd.train().numFeatures(), rd.train().numFields());
        rank.put(key, rd);
        return rd;
    }

    private static String columnNames(RawTable t) {
        List<String> names = new ArrayList<>();
        for (RawTable.Column c : t.columns()) names.add(c.name());
        return String.join(", ", names);
    }
}
