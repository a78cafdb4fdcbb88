package io.reclab.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;
import io.reclab.data.DatasetLoader;
import io.reclab.data.preprocess.Preprocessing;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.SelectionSettings;
import io.reclab.metric.rank.RankMetrics;
import io.reclab.metric.rank.ScoreMetric;
import io.reclab.pipeline.PipelineSettings;
import io.reclab.rank.Ranker;
import io.reclab.rank.features.FeaturePipeline;
import io.reclab.rank.features.SampleConfig;
import io.reclab.rank.source.CtrSourceConfig;
import io.reclab.recall.Recaller;
import io.reclab.split.Splitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A validated experiment: every component built from the resolved configuration before any data is read, so a
 * typo or an unknown name fails in a second with one clear line and nothing is trained or marked completed.
 * With a {@code ctr} block ({@link #ctr()} non-null) the rank stage reads CTR benchmark files instead of building
 * samples from a dataset, and dataset, split and samples are absent ({@code loader}, {@code splitter} null).
 * {@code engine} is where the heavy steps run ({@code engine = in-process} by default); {@code datasetBlock} is the
 * resolved {@code dataset} block, which a cluster engine reads with its own reader (null with CTR files).
 */
public record ExperimentPlan(String name, String description, long seed, int threads,
                             String datasetKey, DatasetLoader loader, Preprocessing preprocessing,
                             String splitKey, String splitMethod, Splitter splitter,
                             EvalSettings evaluation, SelectionSettings selection, List<ModelSpec> recall,
                             RankSetup rankSetup, List<RankSpec> rank, PipelinePlan pipeline,
                             CtrSourceConfig ctr, io.reclab.engine.EngineSpec engine,
                             Config datasetBlock) {

    /** Top-level keys an experiment may set. */
    public static final List<String> TOP_LEVEL = List.of(
            "experiment", "defaults", "seed", "threads", "engine", "dataset", "split", "evaluation", "recall", "rank", "features", "samples", "pipeline", "ctr",
            "bench");

    /**
     * One model of a stage. {@code option} is the key under {@code recall} (the trial's name); {@code model} the
     * registered name, which is the option itself unless the block sets {@code model = ...}. {@code configKey} is
     * the rendered block (what a fitted-model cache keys on); {@code withEpochs} builds the same model with a fixed
     * epoch count (for a refit with the epoch chosen on validation), null when the model has no {@code epochs}.
     */
    public record ModelSpec(String option, String model, String path, Recaller recaller, Map<String, Object> params,
                            String configKey, IntFunction<Recaller> withEpochs) {}

    /** A ranking model of the {@code rank} group, as {@link ModelSpec} is for recall. */
    public record RankSpec(String option, String model, String path, Ranker ranker, Map<String, Object> params,
                           String configKey) {}

    /**
     * How ranking samples are made and scored: labels and negatives ({@code samples}), the feature fields
     * ({@code features}), and the rank-stage metrics ({@code evaluation.rank-metrics}). With CTR benchmark files
     * ({@link ExperimentPlan#ctr()}) {@code samples} is null and {@code features} is null when the format's default
     * fields are used.
     */
    public record RankSetup(String key, SampleConfig samples, FeaturePipeline features, List<ScoreMetric> metrics) {}

    /**
     * A recall → rank pipeline, resolved: its settings, one model per channel (the recall option's own spec, or the
     * option's block under the channel's overrides), the ranker (the rank model's block under {@code pipeline.rank}'s
     * overrides), and the experiment's feature fields the ranker starts from.
     *
     * @param key what a cached fitted pipeline would key on (settings, channel and ranker blocks, features)
     */
    public record PipelinePlan(PipelineSettings settings, List<ModelSpec> channels, RankSpec ranker,
                               FeaturePipeline features, List<ScoreMetric> rankMetrics, String key) {}

    public static ExperimentPlan build(Config c, Components components) {
        java.util.Set<String> engines = io.reclab.engine.Engines.providers().keySet();
        for (String k : c.root().keySet()) {
            if (!TOP_LEVEL.contains(k) && !engines.contains(k)) {
                String s = Suggest.closest(k, TOP_LEVEL);
                throw new ConfigError("unknown top-level key `" + k + "`" + (s == null ? "" : "; did you mean `" + s + "`?")
                        + " Known: " + String.join(", ", TOP_LEVEL));
            }
        }
        ConfigBlock root = new ConfigBlock(c, "");
        ConfigBlock exp = root.child("experiment");
        String name = exp.getString("name", "experiment");
        String description = exp.getString("description", "");
        exp.finish();
        long seed = root.getLong("seed", 2026L);
        int threads = root.getInt("threads", 0);
        if (threads < 0) throw new ConfigError("`threads` = " + threads + ": expected 0 (all cores) or a positive count");
        if (threads == 0) threads = Runtime.getRuntime().availableProcessors();

        // CTR benchmark files replace dataset, split and samples: the rank stage reads them as they are
        CtrSourceConfig ctr = c.hasPath("ctr") ? ctrSource(c, seed) : null;
        DatasetLoader loader = null;
        Preprocessing prep = null;
        String method = null;
        Splitter splitter = null;
        if (ctr == null) {
            if (!c.hasPath("dataset"))
                throw new ConfigError("no dataset: set `defaults.dataset` or a `dataset` block (or `defaults.ctr` for CTR benchmark files)");
            ConfigBlock ds = ConfigBlock.at(c, "dataset");
            String format = ds.getString("format", null);
            ds.getString("name", format);
            prep = Preprocessing.from(ConfigBlock.at(c, "dataset.preprocess"));
            ds.allow("preprocess");
            loader = components.datasets().create(format, ds);

            ConfigBlock sp = ConfigBlock.at(c, "split");
            method = sp.getString("method", "random");
            splitter = components.splitters().create(method, sp);
        }

        ConfigBlock ev = ConfigBlock.at(c, "evaluation");
        List<ScoreMetric> rankMetrics;
        try {
            rankMetrics = RankMetrics.parseAll(ev.getStringList("rank-metrics", List.of("auc", "gauc", "logloss", "calibration")));
        } catch (ConfigError e) {
            throw new ConfigError("`evaluation.rank-metrics`: " + e.getMessage());
        }
        ev.allow(SelectionSettings.KEYS.toArray(String[]::new));
        EvalSettings eval = EvalSettings.parse(ev);
        SelectionSettings selection = SelectionSettings.parse(ev, eval.metrics());

        List<ModelSpec> recall = new ArrayList<>();
        for (String option : selected(c, "recall", components.recallers())) {
            String path = "recall." + quote(option);
            ConfigBlock mb = ConfigBlock.at(c, path).renamed("recall." + option);
            String model = mb.getString("model", option);
            Recaller r = components.recallers().create(model, mb);
            IntFunction<Recaller> withEpochs = mb.raw().hasPath("epochs")
                    ? epochs -> components.recallers().create(model, new ConfigBlock(
                            mb.raw().withValue("epochs", ConfigValueFactory.fromAnyRef(epochs)), "recall." + option))
                    : null;
            recall.add(new ModelSpec(option, model, path, r, params(mb.raw()), render(c, path), withEpochs));
        }
        List<RankSpec> rank = new ArrayList<>();
        for (String option : selected(c, "rank", components.rankers())) {
            String path = "rank." + quote(option);
            ConfigBlock mb = ConfigBlock.at(c, path).renamed("rank." + option);
            String model = mb.getString("model", option);
            Ranker r = components.rankers().create(model, mb);
            rank.add(new RankSpec(option, model, path, r, params(mb.raw()), render(c, path)));
        }
        if (recall.isEmpty() && rank.isEmpty())
            throw new ConfigError("no model selected: set defaults.recall (e.g. recall=pop,itemcf) or defaults.rank (e.g. rank=lr,fm)");
        if (ctr != null && (!recall.isEmpty() || c.hasPath("pipeline")))
            throw new ConfigError("`ctr` files feed the rank stage only; recall models and pipelines need a `dataset` "
                    + "(selected: " + String.join(", ", recall.stream().map(ModelSpec::option).toList())
                    + (c.hasPath("pipeline") ? (recall.isEmpty() ? "" : ", ") + "pipeline" : "") + ")");
        RankSetup setup = null;
        if (ctr != null && !rank.isEmpty()) {
            FeaturePipeline features = null;
            if (c.hasPath("features")) {
                if (ctr.format() == CtrSourceConfig.Format.LIBSVM)
                    throw new ConfigError("ctr.format = libsvm files are already encoded; remove the `features` group");
                ConfigBlock fb = ConfigBlock.at(c, "features");
                features = FeaturePipeline.fromConfig(fb);
                fb.finish();
            }
            setup = new RankSetup("ctr|" + render(c, "ctr") + "|" + render(c, "features"), null, features, rankMetrics);
        } else if (!rank.isEmpty()) {
            if (!c.hasPath("features"))
                throw new ConfigError("rank models need a `features` block: set defaults.features (e.g. features=movielens)");
            ConfigBlock sb = ConfigBlock.at(c, "samples");
            SampleConfig samples = SampleConfig.from(sb);
            sb.finish();
            ConfigBlock fb = ConfigBlock.at(c, "features");
            FeaturePipeline features = FeaturePipeline.fromConfig(fb);
            fb.finish();
            setup = new RankSetup(render(c, "samples") + "|" + render(c, "features"), samples, features, rankMetrics);
        }

        PipelinePlan pipeline = null;
        if (c.hasPath("pipeline")) {
            if (!c.hasPath("features"))
                throw new ConfigError("a pipeline's ranker needs a `features` block: set defaults.features (e.g. features=movielens)");
            // the pipeline chains models this experiment fits: its channels must be selected recall options
            String option = c.hasPath("defaults.pipeline") ? c.getString("defaults.pipeline") : null;
            List<String> rankers = new ArrayList<>(rank.stream().map(RankSpec::option).toList());
            for (String r : components.rankers().entries().keySet()) if (!rankers.contains(r)) rankers.add(r);
            PipelineSettings ps = PipelineSettings.parse(ConfigBlock.at(c, "pipeline"), option,
                    recall.stream().map(ModelSpec::option).toList(), rankers, eval.ks());
            List<ModelSpec> channels = new ArrayList<>();
            for (PipelineSettings.Channel ch : ps.channels()) {
                ModelSpec base = recall.stream().filter(x -> x.option().equals(ch.model())).findFirst().orElseThrow();
                if (!ch.overridden()) {
                    channels.add(base);
                    continue;
                }
                Config merged = ch.overrides().withFallback(ConfigBlock.at(c, base.path()).raw());
                ConfigBlock mb = new ConfigBlock(merged, "pipeline.channels." + ch.model());
                String model = mb.getString("model", ch.model());
                Recaller r = components.recallers().create(model, mb);
                channels.add(new ModelSpec(ch.model(), model, base.path(), r, params(merged), base.configKey() + "|"
                        + PipelineSettings.render(ch.overrides()), null));
            }
            String rpath = "rank." + quote(ps.rank().model());
            Config rblock = ps.rank().overrides().withFallback(ConfigBlock.at(c, rpath).raw());
            ConfigBlock rb = new ConfigBlock(rblock, "pipeline.rank");
            String rmodel = rb.getString("model", ps.rank().model());
            Ranker ranker = components.rankers().create(rmodel, rb);
            RankSpec rspec = new RankSpec(ps.rank().model(), rmodel, "pipeline.rank", ranker, params(rblock),
                    rblock.root().render(ConfigRenderOptions.concise()));
            ConfigBlock fb = ConfigBlock.at(c, "features");
            FeaturePipeline features = FeaturePipeline.fromConfig(fb);
            fb.finish();
            pipeline = new PipelinePlan(ps, List.copyOf(channels), rspec, features, rankMetrics,
                    render(c, "pipeline") + "|" + rspec.configKey() + "|" + render(c, "features"));
        }

        io.reclab.engine.EngineSpec engine = engine(c, root);
        if (!engine.inProcess() && (ctr != null || !rank.isEmpty() || pipeline != null))
            throw new ConfigError("engine = " + engine.name() + " runs recall experiments (data preparation, recall models and "
                    + "their full-ranking evaluation); rank models, pipelines and CTR files run in-process: drop engine="
                    + engine.name() + " or the " + (ctr != null ? "ctr files" : !rank.isEmpty() ? "rank models" : "pipeline"));
        return new ExperimentPlan(name, description, seed, threads, render(c, "dataset"), loader, prep,
                render(c, "split"), method, splitter, eval, selection, List.copyOf(recall), setup, List.copyOf(rank), pipeline, ctr,
                engine, ctr == null ? c.getConfig("dataset") : null);
    }

    /** The {@code engine} key (default in-process) and the chosen engine's block, validated by its provider. */
    private static io.reclab.engine.EngineSpec engine(Config c, ConfigBlock root) {
        String name = root.getString("engine", io.reclab.engine.Engines.IN_PROCESS);
        if (name.equals(io.reclab.engine.Engines.IN_PROCESS)) {
            for (String k : io.reclab.engine.Engines.providers().keySet())
                if (c.hasPath(k))
                    throw new ConfigError("`" + k + "` is configured but engine = " + name + "; add engine=" + k + " or remove the `" + k + "` block");
            return io.reclab.engine.EngineSpec.IN_PROCESS;
        }
        ConfigBlock block = ConfigBlock.at(c, name);
        return io.reclab.engine.EngineSpec.parse(name, block);
    }

    /**
     * The options selected for a model group. A configured block that is not selected is ignored when it names a
     * registered model (an experiment may tune models a command line then deselects), and is an error otherwise,
     * since it is most likely a typo.
     */
    private static List<String> selected(Config c, String group, io.reclab.config.Registry<?> registry) {
        List<String> sel = c.hasPath("defaults." + group) ? c.getStringList("defaults." + group) : List.of();
        Set<String> blocks = c.hasPath(group) ? c.getConfig(group).root().keySet() : Set.of();
        for (String b : blocks) {
            if (!sel.contains(b) && !registry.contains(b))
                throw new ConfigError("`" + group + "." + b + "` is configured but not selected; add it to defaults." + group
                        + " (selected: " + String.join(", ", sel) + ")");
        }
        return sel;
    }

    /** The {@code ctr} block, which replaces {@code dataset}, {@code split} and {@code samples}. */
    private static CtrSourceConfig ctrSource(Config c, long seed) {
        for (String g : List.of("dataset", "split", "samples")) {
            if (c.hasPath(g))
                throw new ConfigError("`ctr` files replace `" + g + "` (the rank stage reads train/valid/test from the files); "
                        + "remove " + g + (c.hasPath("defaults." + g) ? "=" + c.getString("defaults." + g) : "")
                        + " from the experiment or drop `ctr`");
        }
        return CtrSourceConfig.from(ConfigBlock.at(c, "ctr"), seed);
    }

    private static String quote(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    }

    private static String render(Config c, String path) {
        return c.hasPath(path) ? c.getValue(path).render(ConfigRenderOptions.concise()) : "";
    }

    /**
     * A model block flattened to key → typed value (numbers, booleans, strings, lists as the config holds them),
     * sorted by key, for run.json and reports.
     */
    static Map<String, Object> params(Config block) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : new java.util.TreeMap<>(mapOf(block)).entrySet())
            out.put(e.getKey(), e.getValue().unwrapped());
        return out;
    }

    private static Map<String, ConfigValue> mapOf(Config block) {
        Map<String, ConfigValue> m = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) m.put(e.getKey(), e.getValue());
        return m;
    }
}
