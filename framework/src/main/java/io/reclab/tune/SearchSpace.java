package io.reclab.tune;

import io.reclab.config.ConfigError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hyperparameters a tune searches, by config key: {@code loguniform(a,b)}, {@code uniform(a,b)},
 * {@code int(a,b)} (inclusive) and {@code choice(x,y,z)}, written on the command line
 * ({@code recall.bpr.learning-rate=loguniform(1e-4,1e-1)}) or in a conf file. Values are chosen in a
 * unit-free internal coordinate (log for loguniform, the index for choice) and rendered back as config text.
 */
public final class SearchSpace {
    private static final Pattern SPEC = Pattern.compile("\\s*(loguniform|uniform|int|choice)\\s*\\((.*)\\)\\s*");

    /** The kind of a dimension. */
    public enum Kind { UNIFORM, LOG_UNIFORM, INT, CHOICE }

    /**
     * One dimension. For numeric kinds {@code lo}/{@code hi} bound the value (log bounds for LOG_UNIFORM are
     * taken internally); CHOICE lists its {@code choices}.
     */
    public record Param(String key, Kind kind, double lo, double hi, List<String> choices) {
        /**
         * Internal coordinate range: [lo, hi] (log for LOG_UNIFORM), [lo - 1/2, hi + 1/2) for INT so that rounding
         * gives every integer the same share, [0, n) for CHOICE.
         */
        double min() {
            return switch (kind) {
                case LOG_UNIFORM -> Math.log(lo);
                case INT -> lo - 0.5;
                case CHOICE -> 0;
                case UNIFORM -> lo;
            };
        }

        double max() {
            return switch (kind) {
                case LOG_UNIFORM -> Math.log(hi);
                case INT -> hi + 0.5;
                case CHOICE -> choices.size();
                case UNIFORM -> hi;
            };
        }

        /** The config text of an internal coordinate {@code x}. */
        public String render(double x) {
            return switch (kind) {
                case UNIFORM -> num(x);
                case LOG_UNIFORM -> num(Math.exp(x));
                case INT -> Long.toString(Math.max((long) lo, Math.min((long) hi, Math.round(x))));
                case CHOICE -> choices.get((int) Math.min(choices.size() - 1, Math.max(0, Math.floor(x))));
            };
        }

        /** The internal coordinate of a rendered value (inverse of {@link #render}). */
        public double coordinate(String value) {
            return switch (kind) {
                case UNIFORM, INT -> Double.parseDouble(value);
                case LOG_UNIFORM -> Math.log(Double.parseDouble(value));
                case CHOICE -> choices.indexOf(value) + 0.5;
            };
        }

        /** The spec as written, e.g. {@code loguniform(1.0E-4,0.1)}. */
        public String spec() {
            return switch (kind) {
                case UNIFORM -> "uniform(" + num(lo) + "," + num(hi) + ")";
                case LOG_UNIFORM -> "loguniform(" + num(lo) + "," + num(hi) + ")";
                case INT -> "int(" + (long) lo + "," + (long) hi + ")";
                case CHOICE -> "choice(" + String.join(",", choices) + ")";
            };
        }

        private static String num(double v) {
            return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
        }
    }

    private final List<Param> params;

    public SearchSpace(List<Param> params) {
        if (params.isEmpty()) throw new ConfigError("tune: no search space; give one, e.g. recall.bpr.learning-rate=loguniform(1e-4,1e-1)");
        this.params = List.copyOf(params);
    }

    public List<Param> params() { return params; }

    /** Whether {@code value} is a space spec rather than a plain override value. */
    public static boolean isSpec(String value) { return SPEC.matcher(value).matches(); }

    /** Parses {@code key=spec}. */
    public static Param parse(String key, String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches())
            throw new ConfigError("tune space `" + key + "` = " + spec + ": expected loguniform(a,b), uniform(a,b), int(a,b) or choice(x,y,...)");
        String fn = m.group(1);
        List<String> args = new ArrayList<>();
        for (String a : m.group(2).split(",")) if (!a.isBlank()) args.add(a.trim());
        if (fn.equals("choice")) {
            if (args.isEmpty()) throw new ConfigError("tune space `" + key + "`: choice() needs at least one value");
            return new Param(key, Kind.CHOICE, 0, args.size(), List.copyOf(args));
        }
        if (args.size() != 2) throw new ConfigError("tune space `" + key + "` = " + spec + ": " + fn + "(a,b) takes two bounds");
        double lo, hi;
        try {
            lo = Double.parseDouble(args.get(0));
            hi = Double.parseDouble(args.get(1));
        } catch (NumberFormatException e) {
            throw new ConfigError("tune space `" + key + "` = " + spec + ": bounds must be numbers");
        }
        if (!(lo < hi)) throw new ConfigError("tune space `" + key + "` = " + spec + ": expected lower bound < upper bound");
        return switch (fn) {
            case "loguniform" -> {
                if (lo <= 0) throw new ConfigError("tune space `" + key + "` = " + spec + ": loguniform bounds must be > 0");
                yield new Param(key, Kind.LOG_UNIFORM, lo, hi, List.of());
            }
            case "int" -> {
                if (lo != Math.rint(lo) || hi != Math.rint(hi))
                    throw new ConfigError("tune space `" + key + "` = " + spec + ": int bounds must be whole numbers");
                yield new Param(key, Kind.INT, lo, hi, List.of());
            }
            default -> new Param(key, Kind.UNIFORM, lo, hi, List.of());
        };
    }

    /** Parses {@code key=spec} entries, in order; a key given twice is an error. */
    public static SearchSpace of(Map<String, String> specs) {
        List<Param> ps = new ArrayList<>();
        for (Map.Entry<String, String> e : specs.entrySet()) ps.add(parse(e.getKey(), e.getValue()));
        return new SearchSpace(ps);
    }

    /**
     * Reads a space file: HOCON whose leaves are specs, e.g. {@code recall.bpr { l2 = "loguniform(1e-5,1e-1)" }}.
     * A leaf that is not a spec is an error naming the file and key.
     */
    public static Map<String, String> readFile(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) throw new ConfigError("--space " + file + ": no such file");
        com.typesafe.config.Config c;
        try {
            c = com.typesafe.config.ConfigFactory.parseFile(file.toFile(),
                    com.typesafe.config.ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigError("--space " + file + ": " + e.getMessage());
        }
        Map<String, String> specs = new java.util.TreeMap<>();
        for (Map.Entry<String, com.typesafe.config.ConfigValue> e : c.entrySet()) {
            Object v = e.getValue().unwrapped();
            String text = v instanceof List<?> l
                    ? null : String.valueOf(v);
            if (text == null || !isSpec(text))
                throw new ConfigError("--space " + file + ": `" + e.getKey() + "` = " + e.getValue().render()
                        + ": expected a quoted space such as \"loguniform(1e-4,1e-1)\", \"int(1,4)\" or \"choice(a,b)\"");
            parse(e.getKey(), text);
            specs.put(e.getKey(), text);
        }
        if (specs.isEmpty()) throw new ConfigError("--space " + file + ": no search space in it");
        return new LinkedHashMap<>(specs);
    }

    /** Splits command-line words into plain overrides and space specs ({@code key=loguniform(...)}). */
    public static Map<String, String> specsIn(List<String> words, List<String> plainOut) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0 && isSpec(w.substring(eq + 1))) {
                String key = w.substring(0, eq).trim();
                if (specs.put(key, w.substring(eq + 1)) != null) throw new ConfigError("tune space `" + key + "` given twice");
            } else {
                plainOut.add(w);
            }
        }
        return specs;
    }
}
