package io.reclab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A typed, validating reader over one block of configuration (e.g. {@code recall.itemcf}), used by the factories
 * that build typed config records. Every getter records the key as known; {@link #finish()} then rejects any key
 * the component did not ask for, with a suggestion ("unknown key `factor` in recall.bpr; did you mean `factors`?").
 * Values are range-checked with errors that name the full path and the value.
 */
public final class ConfigBlock {
    private final Config config;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    public ConfigBlock(Config config, String path) {
        this.config = config;
        this.path = path;
    }

    /** The block at {@code path} of {@code root}, or an empty block if absent. */
    public static ConfigBlock at(Config root, String path) {
        Config c = root.hasPath(path) ? root.getConfig(path) : ConfigFactory.empty();
        return new ConfigBlock(c, path);
    }

    public String path() { return path; }
    public Config raw() { return config; }

    public ConfigBlock child(String key) {
        known.add(key);
        return at(config, key).rename(path + "." + key);
    }

    private ConfigBlock rename(String newPath) { return new ConfigBlock(config, newPath); }

    /** The same block reported under another path in error messages (e.g. without quotes around a key). */
    public ConfigBlock renamed(String newPath) { return new ConfigBlock(config, newPath); }

    public boolean has(String key) { known.add(key); return config.hasPath(key); }

    private String full(String key) { return path.isEmpty() ? key : path + "." + key; }

    private <T> T get(String key, T def, java.util.function.Function<String, T> getter, String type) {
        known.add(key);
        if (!config.hasPath(key)) {
            if (def == null) throw new ConfigError("missing required key `" + full(key) + "` (" + type + ")");
            return def;
        }
        try {
            return getter.apply(key);
        } catch (ConfigException.WrongType e) {
            throw new ConfigError("`" + full(key) + "` = " + render(key) + ": expected " + type);
        }
    }

    private String render(String key) {
        try {
            return config.getValue(key).render(com.typesafe.config.ConfigRenderOptions.concise());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    public int getInt(String key, Integer def) {
        return get(key, def, k -> (int) integral(k, Integer.MIN_VALUE, Integer.MAX_VALUE), "an integer");
    }

    public long getLong(String key, Long def) {
        return get(key, def, k -> integral(k, Long.MIN_VALUE, Long.MAX_VALUE), "an integer");
    }

    /**
     * An integer value, refusing what Typesafe Config would coerce silently: a fraction ({@code 1.5} read as 1) or
     * a number out of range ({@code 99999999999999999999} read as Long.MAX_VALUE).
     */
    private long integral(String key, long min, long max) {
        Object v = config.getValue(key).unwrapped();
        if (v instanceof String str) {
            try {
                v = new java.math.BigDecimal(str.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException.WrongType(config.origin(), key, "an integer", "a string");
            }
        }
        if (!(v instanceof Number n)) throw new ConfigException.WrongType(config.origin(), key, "an integer", "not a number");
        java.math.BigDecimal d = n instanceof java.math.BigDecimal b ? b
                : n instanceof Double || n instanceof Float ? new java.math.BigDecimal(n.toString())
                : java.math.BigDecimal.valueOf(n.longValue());
        String shown = config.getValue(key).render(com.typesafe.config.ConfigRenderOptions.concise());
        if (d.stripTrailingZeros().scale() > 0)
            throw new ConfigError("`" + full(key) + "` = " + shown + ": expected an integer, not a fraction");
        if (d.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0)
            throw new ConfigError("`" + full(key) + "` = " + shown + ": out of range, expected an integer in [" + min + ", " + max + "]");
        return d.longValueExact();
    }
    public double getDouble(String key, Double def) { return get(key, def, config::getDouble, "a number"); }
    public boolean getBoolean(String key, Boolean def) { return get(key, def, config::getBoolean, "true or false"); }
    public String getString(String key, String def) { return get(key, def, config::getString, "a string"); }

    public List<String> getStringList(String key, List<String> def) {
        known.add(key);
        if (!config.hasPath(key)) {
            if (def == null) throw new ConfigError("missing required key `" + full(key) + "` (a list of strings)");
            return def;
        }
        if (config.getValue(key).valueType() == ConfigValueType.STRING) {
            // accept "a,b,c" as well as [a, b, c], as the command line gives the former
            List<String> out = new ArrayList<>();
            for (String s : config.getString(key).split(",")) if (!s.isBlank()) out.add(s.trim());
            return out;
        }
        try {
            return config.getStringList(key);
        } catch (ConfigException.WrongType e) {
            throw new ConfigError("`" + full(key) + "` = " + render(key) + ": expected a list of strings");
        }
    }

    public List<Integer> getIntList(String key, List<Integer> def) {
        known.add(key);
        if (!config.hasPath(key)) {
            if (def == null) throw new ConfigError("missing required key `" + full(key) + "` (a list of integers)");
            return def;
        }
        try {
            if (config.getValue(key).valueType() == ConfigValueType.STRING || config.getValue(key).valueType() == ConfigValueType.NUMBER) {
                List<Integer> out = new ArrayList<>();
                for (String s : config.getValue(key).unwrapped().toString().split(","))
                    if (!s.isBlank()) out.add(Integer.parseInt(s.trim()));
                return out;
            }
            return config.getIntList(key);
        } catch (ConfigException.WrongType | NumberFormatException e) {
            throw new ConfigError("`" + full(key) + "` = " + render(key) + ": expected a list of integers");
        }
    }

    /** A string that must be one of {@code allowed}. */
    public String getEnum(String key, String def, List<String> allowed) {
        String v = getString(key, def);
        if (!allowed.contains(v))
            throw new ConfigError("`" + full(key) + "` = " + v + ": expected one of " + String.join(", ", allowed));
        return v;
    }

    /** Range checks with messages naming the key and value. */
    public int positiveInt(String key, Integer def) {
        int v = getInt(key, def);
        if (v <= 0) throw new ConfigError("`" + full(key) + "` = " + v + ": expected a positive integer");
        return v;
    }

    public int nonNegativeInt(String key, Integer def) {
        int v = getInt(key, def);
        if (v < 0) throw new ConfigError("`" + full(key) + "` = " + v + ": expected an integer >= 0");
        return v;
    }

    public double nonNegative(String key, Double def) {
        double v = getDouble(key, def);
        if (!(v >= 0)) throw new ConfigError("`" + full(key) + "` = " + v + ": expected a number >= 0");
        return v;
    }

    public double positive(String key, Double def) {
        double v = getDouble(key, def);
        if (!(v > 0)) throw new ConfigError("`" + full(key) + "` = " + v + ": expected a number > 0");
        return v;
    }

    public double inRange(String key, Double def, double lo, double hi) {
        double v = getDouble(key, def);
        if (!(v >= lo && v <= hi)) throw new ConfigError("`" + full(key) + "` = " + v + ": expected a number in [" + lo + ", " + hi + "]");
        return v;
    }

    /** Marks keys as known without reading them (e.g. keys consumed elsewhere). */
    public ConfigBlock allow(String... keys) {
        known.addAll(List.of(keys));
        return this;
    }

    /** Rejects keys that no getter asked for, suggesting the closest known key. */
    public void finish() {
        Set<String> present = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : config.root().entrySet()) present.add(e.getKey());
        for (String k : present) {
            if (known.contains(k)) continue;
            String msg = "unknown key `" + k + "` in " + (path.isEmpty() ? "the configuration" : path);
            String best = Suggest.closest(k, known);
            if (best != null) msg += "; did you mean `" + best + "`?";
            else if (!known.isEmpty()) msg += "; known keys: " + String.join(", ", known);
            throw new ConfigError(msg);
        }
    }
}
