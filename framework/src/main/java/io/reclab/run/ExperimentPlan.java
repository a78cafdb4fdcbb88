package io.reclab.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;
import io.reclab.data.DatasetLoader;
import io.reclab.data.preprocess.Preprocessing;
import io.reclab.eval.EvalSettings;
import io.reclab.recall.Recaller;
import io.reclab.split.Splitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated experiment: every component built from the resolved configuration before any data is read, so a
 * typo or an unknown name fails in a second with one clear line and nothing is trained or marked completed.
 */
public record ExperimentPlan(String name, String description, long seed, int threads,
                             String datasetKey, DatasetLoader loader, Preprocessing preprocessing,
                             String splitKey, String splitMethod, Splitter splitter,
                             EvalSettings evaluation, List<ModelSpec> recall) {

    /** Top-level keys an experiment may set. */
    public static final List<String> TOP_LEVEL = List.of(
            "experiment", "defaults", "seed", "threads", "dataset", "split", "evaluation", "recall", "rank", "features", "samples");

    /**
     * One model of a stage. {@code option} is the key under {@code recall} (the trial's name); {@code model} the
     * registered name, which is the option itself unless the block sets {@code model = ...}.
     */
    public record ModelSpec(String option, String model, String path, Recaller recaller, Map<String, String> params) {}

    public static ExperimentPlan build(Config c, Components components) {
        for (String k : c.root().keySet()) {
            if (!TOP_LEVEL.contains(k)) {
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

        if (!c.hasPath("dataset")) throw new ConfigError("no dataset: set `defaults.dataset` or a `dataset` block");
        ConfigBlock ds = ConfigBlock.at(c, "dataset");
        String format = ds.getString("format", null);
        ds.getString("name", format);
        Preprocessing prep = Preprocessing.from(ConfigBlock.at(c, "dataset.preprocess"));
        ds.allow("preprocess");
        DatasetLoader loader = components.datasets().create(format, ds);

        ConfigBlock sp = ConfigBlock.at(c, "split");
        String method = sp.getString("method", "random");
        Splitter splitter = components.splitters().create(method, sp);

        ConfigBlock ev = ConfigBlock.at(c, "evaluation");
        EvalSettings eval = EvalSettings.parse(ev);

        List<ModelSpec> recall = new ArrayList<>();
        List<String> selected = c.hasPath("defaults.recall") ? c.getStringList("defaults.recall") : List.of();
        Set<String> blocks = c.hasPath("recall") ? c.getConfig("recall").root().keySet() : Set.of();
        for (String b : blocks) {
            if (!selected.contains(b))
                throw new ConfigError("`recall." + b + "` is configured but not selected; add it to defaults.recall"
                        + " (selected: " + String.join(", ", selected) + ")");
        }
        for (String option : selected) {
            String path = "recall." + option;
            ConfigBlock mb = ConfigBlock.at(c, path);
            String model = mb.getString("model", option);
            Recaller r = components.recallers().create(model, mb);
            recall.add(new ModelSpec(option, model, path, r, params(mb.raw())));
        }
        if (recall.isEmpty()) throw new ConfigError("no model selected: set defaults.recall, e.g. recall=pop,itemcf");

        return new ExperimentPlan(name, description, seed, threads, render(c, "dataset"), loader, prep,
                render(c, "split"), method, splitter, eval, List.copyOf(recall));
    }

    private static String render(Config c, String path) {
        return c.hasPath(path) ? c.getValue(path).render(ConfigRenderOptions.concise()) : "";
    }

    /** A model block flattened to key → value text, for run.json and reports. */
    static Map<String, String> params(Config block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : new java.util.TreeMap<>(mapOf(block)).entrySet()) {
            Object v = e.getValue().unwrapped();
            out.put(e.getKey(), String.valueOf(v));
        }
        return out;
    }

    private static Map<String, ConfigValue> mapOf(Config block) {
        Map<String, ConfigValue> m = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) m.put(e.getKey(), e.getValue());
        return m;
    }
}
