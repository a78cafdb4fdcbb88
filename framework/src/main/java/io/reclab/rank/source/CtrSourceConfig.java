package io.reclab.rank.source;

import com.typesafe.config.ConfigException;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.util.Seeds;
import io.reclab.rank.data.CriteoLoader;
import io.reclab.rank.data.CtrCsvFormat;
import io.reclab.rank.data.LibSvmLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the rank stage reads public CTR benchmark files from, parsed from the {@code ctr} block. Either three
 * predefined parts ({@code train}, {@code test}, optional {@code valid}: BARS / FuxiCTR ship train.csv, valid.csv,
 * test.csv) or one {@code path} cut by {@code split-ratio} with {@code seed} (raw Kaggle Criteo / Avazu). Relative
 * file names are resolved against {@code dir} (default: the working directory), so a shipped option names the files
 * and the user only sets {@code ctr.dir}.
 * <pre>
 * ctr {
 *   format = csv                 # criteo | avazu | csv | libsvm (required)
 *   name = Frappe_x1             # for run.json (default: the format)
 *   dir = /data/Frappe_x1        # base folder of relative file names ("" = working directory)
 *   train = train.csv, valid = valid.csv, test = test.csv
 *   # or: path = train.txt, split-ratio = [0.8, 0.1, 0.1], seed = 2026 (default: derived from the master seed)
 *   # csv:    label, categorical, numeric, sequence, user-column, separator, sequence-separator (CtrCsvFormat),
 *   #         min-count = 1, max-length = 20 (default fields when no `features` group is given)
 *   # libsvm: field-mode = position | single | explicit (default position)
 *   # criteo: integers = log-squared | raw (default log-squared)
 * }
 * </pre>
 *
 * @param splitRatio null for predefined parts; else train, valid, test shares summing to 1
 * @param valid      null when the predefined parts have no validation file (then no early stopping)
 * @param csv        column roles, for format csv only (else null)
 */
public record CtrSourceConfig(String name, Format format, Path train, Path valid, Path test, Path path,
                              double[] splitRatio, long seed, CtrCsvFormat csv, int minCount, int maxLength,
                              LibSvmLoader.Fields fieldMode, CriteoLoader.Integers integers) {

    /** File formats the rank stage can read. */
    public enum Format {
        CRITEO("criteo", "Criteo Kaggle TSV: label, I1..I13, C1..C26 (FuxiCTR encoding: log^2 integers, min-count 10)"),
        AVAZU("avazu", "Avazu Kaggle CSV with header: click label, hour -> hour of day + weekday, min-count 2"),
        CSV("csv", "FuxiCTR / BARS CSV with header: label column and named categorical / numeric / sequence columns"),
        LIBSVM("libsvm", "libSVM / libFM / libFFM lines `label idx:val ...` (already encoded; no feature pipeline)");

        public final String id;
        public final String description;

        Format(String id, String description) {
            this.id = id;
            this.description = description;
        }

        static List<String> ids() {
            List<String> out = new ArrayList<>();
            for (Format f : values()) out.add(f.id);
            return out;
        }
    }

    /** Keys that only one format reads, so a key given for another format gets a precise message. */
    private static final Map<String, Format> FORMAT_KEYS = new LinkedHashMap<>();
    static {
        for (String k : List.of("label", "categorical", "numeric", "sequence", "user-column", "separator",
                "sequence-separator", "min-count", "max-length")) FORMAT_KEYS.put(k, Format.CSV);
        FORMAT_KEYS.put("field-mode", Format.LIBSVM);
        FORMAT_KEYS.put("integers", Format.CRITEO);
    }

    public CtrSourceConfig {
        if (splitRatio != null) splitRatio = splitRatio.clone();
    }

    /** True when the three parts come from one file cut at random. */
    public boolean isRandomSplit() { return splitRatio != null; }

    /** The files read, by role ({@code train}, {@code valid}, {@code test}, or {@code path}), in reading order. */
    public Map<String, Path> files() {
        Map<String, Path> out = new LinkedHashMap<>();
        if (path != null) {
            out.put("path", path);
        } else {
            out.put("train", train);
            if (valid != null) out.put("valid", valid);
            out.put("test", test);
        }
        return out;
    }

    /**
     * Parses and validates a {@code ctr} block; {@code masterSeed} gives the split seed when {@code seed} is not set.
     * Every key is checked: unknown keys and keys of another format are errors.
     */
    public static CtrSourceConfig from(ConfigBlock b, long masterSeed) {
        String p = b.path();
        Format format = Format.valueOf(b.getEnum("format", null, Format.ids()).toUpperCase(Locale.ROOT));
        for (Map.Entry<String, Format> e : FORMAT_KEYS.entrySet()) {
            if (e.getValue() != format && b.raw().hasPath(e.getKey()))
                throw new ConfigError("`" + p + "." + e.getKey() + "` applies to format = " + e.getValue().id
                        + " only (this block has format = " + format.id + ")");
        }
        String name = b.getString("name", format.id);
        String dirText = b.getString("dir", "");
        Path dir = dirText.isBlank() ? null : Path.of(dirText);
        Path train = file(b, dir, "train"), valid = file(b, dir, "valid"), test = file(b, dir, "test");
        Path path = file(b, dir, "path");
        double[] ratio = null;
        long seed = Seeds.derive(masterSeed, p + ".split");
        boolean hasRatio = b.has("split-ratio"), hasSeed = b.has("seed");
        if (path != null) {
            if (train != null || valid != null || test != null)
                throw new ConfigError("`" + p + "`: set either `train`/`valid`/`test` or one `path` with `split-ratio`, not both");
            ratio = hasRatio ? ratio(b) : new double[] {0.8, 0.1, 0.1};
            if (hasSeed) seed = b.getLong("seed", null);
        } else {
            if (train == null || test == null)
                throw new ConfigError("`" + p + "`: missing " + (train == null ? "`train`" : "`test`")
                        + " (give train, test and optionally valid files, or one `path` with `split-ratio`)");
            if (hasRatio || hasSeed)
                throw new ConfigError("`" + p + "." + (hasRatio ? "split-ratio" : "seed")
                        + "` applies to one `path` cut at random; the train/valid/test files are used as they are");
        }
        CtrCsvFormat csv = null;
        int minCount = 1, maxLength = 20;
        LibSvmLoader.Fields fields = LibSvmLoader.Fields.POSITION;
        CriteoLoader.Integers integers = CriteoLoader.Integers.LOG_SQUARED;
        switch (format) {
            case CSV:
                csv = CtrCsvFormat.from(b);
                minCount = b.positiveInt("min-count", 1);
                maxLength = b.positiveInt("max-length", 20);
                break;
            case LIBSVM:
                fields = LibSvmLoader.Fields.valueOf(b.getEnum("field-mode", "position", List.of("position", "single", "explicit"))
                        .toUpperCase(Locale.ROOT));
                break;
            case CRITEO:
                integers = b.getEnum("integers", "log-squared", List.of("log-squared", "raw")).equals("raw")
                        ? CriteoLoader.Integers.RAW : CriteoLoader.Integers.LOG_SQUARED;
                break;
            default:
                break;
        }
        b.finish();
        return new CtrSourceConfig(name, format, train, valid, test, path, ratio, seed, csv, minCount, maxLength, fields, integers);
    }

    private static Path file(ConfigBlock b, Path dir, String key) {
        if (!b.has(key)) return null;
        String s = b.getString(key, null);
        if (s.isBlank()) return null;
        Path f = Path.of(s);
        return dir == null || f.isAbsolute() ? f : dir.resolve(f);
    }

    private static double[] ratio(ConfigBlock b) {
        String key = "`" + b.path() + ".split-ratio`";
        List<Double> l;
        try {
            l = b.raw().getDoubleList("split-ratio");
        } catch (ConfigException e) {
            throw new ConfigError(key + ": expected three numbers [train, valid, test], e.g. [0.8, 0.1, 0.1]");
        }
        if (l.size() != 3) throw new ConfigError(key + " = " + l + ": expected three numbers [train, valid, test]");
        double[] r = {l.get(0), l.get(1), l.get(2)};
        if (!(r[0] > 0) || !(r[1] >= 0) || !(r[2] > 0) || Math.abs(r[0] + r[1] + r[2] - 1) > 1e-6)
            throw new ConfigError(key + " = " + l + ": expected train > 0, valid >= 0, test > 0 summing to 1");
        return r;
    }
}
