package io.reclab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hydra-style composition on Typesafe Config. An experiment file names one option per config group in its
 * {@code defaults} block ({@code dataset = ml-100k}, {@code split = random}) or several for the model groups
 * ({@code recall = [pop, itemcf]}); each option is a file {@code <group>/<option>.conf} placed at {@code <group>}
 * (or {@code <group>.<option>} for model groups). The experiment's own keys override the group files, and
 * command-line overrides override both:
 * <pre>
 *   resolved = overrides.withFallback(experiment).withFallback(groupDefaults).resolve()
 * </pre>
 * An override {@code group=option} (or {@code recall=pop,als}) swaps the selection; {@code a.b.c=value} sets a field.
 * Config never executes code: values are data, and components are chosen only among registered names.
 */
public final class ConfigComposer {
    /** Groups whose selection is a list of options, each kept under {@code <group>.<option>}. */
    public static final Set<String> MULTI_GROUPS = Set.of("recall", "rank");

    private final ConfigSource source;

    public ConfigComposer(ConfigSource source) {
        this.source = source;
    }

    /** The resolved configuration and what produced it. */
    public record Composed(String experiment, Config config, List<String> overrides, Map<String, List<String>> selection) {
        /** The resolved configuration as HOCON text (written to config.conf before anything runs). */
        public String render() {
            return config.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
        }
    }

    /**
     * @param experiment an experiment name under {@code experiment/} in the config source, or a path to a .conf file
     * @param overrides  {@code key=value} strings from the command line
     */
    public Composed compose(String experiment, List<String> overrides) {
        Config exp;
        String name;
        Path asPath = Path.of(experiment);
        if (experiment.endsWith(".conf") && Files.isRegularFile(asPath)) {
            exp = parseFile(asPath);
            String f = asPath.getFileName().toString();
            name = f.substring(0, f.length() - ".conf".length());
        } else {
            exp = source.load("experiment", experiment).orElseThrow(() -> new ConfigError(
                    "unknown experiment `" + experiment + "`"
                            + suggestion(experiment, source.options("experiment"))
                            + " Known: " + String.join(", ", source.options("experiment"))
                            + " (or give a path to a .conf file)"));
            name = experiment;
        }
        if (exp.hasPath("experiment.name")) name = exp.getString("experiment.name");

        Map<String, List<String>> selection = readDefaults(exp);
        Config fieldOverrides = ConfigFactory.empty();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) throw new ConfigError("override `" + o + "`: expected key=value");
            String key = o.substring(0, eq).trim();
            String value = o.substring(eq + 1).trim();
            if (source.groups().contains(key)) {
                List<String> opts = new ArrayList<>();
                for (String s : value.replace("[", "").replace("]", "").split(",")) if (!s.isBlank()) opts.add(s.trim());
                if (!MULTI_GROUPS.contains(key) && opts.size() != 1)
                    throw new ConfigError("override `" + o + "`: group `" + key + "` takes one option");
                selection.put(key, opts);
            } else {
                fieldOverrides = parseOverride(key, value).withFallback(fieldOverrides);
            }
        }

        Config groups = ConfigFactory.empty();
        for (Map.Entry<String, List<String>> e : selection.entrySet()) {
            String group = e.getKey();
            for (String option : e.getValue()) {
                Config c = source.load(group, option).orElseThrow(() -> new ConfigError(
                        "unknown " + group + " option `" + option + "`" + suggestion(option, source.options(group))
                                + " Known: " + String.join(", ", source.options(group))));
                String at = MULTI_GROUPS.contains(group) ? group + "." + quoteKey(option) : group;
                groups = c.atPath(at).withFallback(groups);
            }
        }
        Config defaultsBlock = ConfigFactory.empty();
        for (Map.Entry<String, List<String>> e : selection.entrySet()) {
            Object v = MULTI_GROUPS.contains(e.getKey()) ? e.getValue() : e.getValue().get(0);
            defaultsBlock = defaultsBlock.withValue("defaults." + e.getKey(), ConfigValueFactory.fromAnyRef(v));
        }
        Config merged = defaultsBlock
                .withFallback(fieldOverrides)
                .withFallback(exp.withoutPath("defaults"))
                .withFallback(groups)
                .withValue("experiment.name", ConfigValueFactory.fromAnyRef(name));
        try {
            merged = merged.resolve();
        } catch (ConfigException e) {
            throw new ConfigError("cannot resolve configuration: " + e.getMessage());
        }
        return new Composed(name, merged, List.copyOf(overrides), selection);
    }

    private static String quoteKey(String option) {
        return option.matches("[A-Za-z0-9_-]+") ? option : "\"" + option + "\"";
    }

    private Map<String, List<String>> readDefaults(Config exp) {
        Map<String, List<String>> sel = new LinkedHashMap<>();
        if (!exp.hasPath("defaults")) return sel;
        Config d;
        try {
            d = exp.getConfig("defaults");
        } catch (ConfigException.WrongType e) {
            throw new ConfigError("`defaults` must be a block like { dataset = synthetic, recall = [pop, itemcf] }");
        }
        for (String group : new TreeSet<>(d.root().keySet())) {
            if (!source.groups().contains(group))
                throw new ConfigError("unknown config group `" + group + "` in defaults" + suggestion(group, source.groups())
                        + " Known: " + String.join(", ", source.groups()));
            List<String> opts;
            try {
                opts = MULTI_GROUPS.contains(group) ? d.getStringList(group) : List.of(d.getString(group));
            } catch (ConfigException.WrongType e) {
                opts = List.of(d.getString(group));
            }
            sel.put(group, new ArrayList<>(opts));
        }
        return sel;
    }

    /** Parses {@code key=value}; a value that is not valid HOCON is taken as a plain string. */
    static Config parseOverride(String key, String value) {
        try {
            return ConfigFactory.parseString(key + " = " + value, ConfigParseOptions.defaults().setOriginDescription("command line"));
        } catch (ConfigException e) {
            try {
                return ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value));
            } catch (ConfigException e2) {
                throw new ConfigError("override `" + key + "=" + value + "`: " + e.getMessage());
            }
        }
    }

    static Config parseFile(Path p) {
        try {
            return ConfigFactory.parseFile(p.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigError(p + ": " + e.getMessage());
        }
    }

    private static String suggestion(String word, java.util.Collection<String> known) {
        String s = Suggest.closest(word, known);
        return s == null ? "." : "; did you mean `" + s + "`?";
    }
}
