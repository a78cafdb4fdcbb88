package io.reclab.rank.source;

import io.reclab.config.ConfigError;
import io.reclab.data.IdMap;
import io.reclab.data.loader.Sha256;
import io.reclab.rank.Samples;
import io.reclab.rank.data.AvazuLoader;
import io.reclab.rank.data.CriteoLoader;
import io.reclab.rank.data.CtrCsvFormat;
import io.reclab.rank.data.CtrCsvLoader;
import io.reclab.rank.data.LibSvmLoader;
import io.reclab.rank.features.FeaturePipeline;
import io.reclab.rank.features.FieldSpec;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the files of a {@link CtrSourceConfig} into encoded samples for the rank stage: hashes every file, parses it
 * with the format's loader, cuts one file at random when asked, then fits the feature pipeline on the training part
 * only and encodes the three parts with it. The pipeline is the experiment's {@code features} group when given,
 * else the format's default fields (Criteo / Avazu loaders' FuxiCTR encodings, the csv column lists); libSVM
 * files are already encoded and take none.
 */
public final class CtrSource {
    private CtrSource() {}

    /**
     * @param features the {@code features} group's pipeline, or null for the format's defaults
     * @throws FileNotFoundException naming the key and the path of a missing file
     */
    public static CtrData load(CtrSourceConfig cfg, FeaturePipeline features) throws IOException {
        long t0 = System.nanoTime();
        Map<String, Path> files = cfg.files();
        for (Map.Entry<String, Path> e : files.entrySet())
            if (!Files.isRegularFile(e.getValue()))
                throw new FileNotFoundException("ctr." + e.getKey() + ": no such file " + e.getValue());
        Map<String, String> sha = new LinkedHashMap<>();
        String combined = hash(files, sha);
        List<Path> list = new ArrayList<>(files.values());
        boolean hasValid = cfg.isRandomSplit() || cfg.valid() != null;
        Samples train, valid, test;
        FittedFeaturePipeline fitted = null;
        IdMap users;
        double loadSeconds, featureSeconds;
        if (cfg.format() == CtrSourceConfig.Format.LIBSVM) {
            if (features != null)
                throw new ConfigError("ctr.format = libsvm files are already encoded; remove the `features` group");
            List<Samples> s = new LibSvmLoader(cfg.fieldMode()).load(list);
            if (cfg.isRandomSplit()) {
                int[][] parts = split(s.get(0).size(), cfg, list.get(0));
                train = s.get(0).select(parts[0]);
                valid = s.get(0).select(parts[1]);
                test = s.get(0).select(parts[2]);
            } else {
                train = s.get(0);
                test = s.get(s.size() - 1);
                valid = hasValid ? s.get(1) : train.select(new int[0]);
            }
            users = new IdMap.Builder().build();
            loadSeconds = seconds(t0);
            featureSeconds = 0;
        } else {
            UserColumn uc = UserColumn.of(cfg);
            List<RawTable> tables = new ArrayList<>();
            for (Path f : list) tables.add(read(cfg, uc, f));
            IdMap.Builder ids = new IdMap.Builder();
            for (int i = 0; i < tables.size(); i++) tables.set(i, uc.assignUsers(tables.get(i), ids));
            users = ids.build();
            RawTable tr, va, te;
            if (cfg.isRandomSplit()) {
                RawTable all = tables.get(0);
                int[][] parts = split(all.size(), cfg, list.get(0));
                tr = all.select(parts[0]);
                va = all.select(parts[1]);
                te = all.select(parts[2]);
            } else {
                tr = tables.get(0);
                te = tables.get(tables.size() - 1);
                va = hasValid ? tables.get(1) : tr.select(new int[0]);
            }
            loadSeconds = seconds(t0);
            long t1 = System.nanoTime();
            FeaturePipeline fp = features != null ? features : defaults(cfg, tr);
            try {
                fitted = fp.fit(tr);
                train = fitted.transform(tr);
                valid = fitted.transform(va);
                test = fitted.transform(te);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // a field that does not fit the files (unknown column, cross over a numeric column) is a config mistake
                throw new ConfigError("features: " + e.getMessage() + " (columns in " + cfg.name() + ": " + columnNames(tr) + ")");
            }
            featureSeconds = seconds(t1);
        }
        int[] counts = new int[users.size()];
        for (int u : train.users()) if (u >= 0) counts[u]++;
        Map<String, Double> extras = new LinkedHashMap<>();
        put(extras, "train", train);
        put(extras, "valid", valid);
        put(extras, "test", test);
        return new CtrData(cfg.name(), source(cfg, files, sha), combined, protocol(cfg), train, valid, test, fitted, users,
                counts, extras, loadSeconds, featureSeconds);
    }

    private static RawTable read(CtrSourceConfig cfg, UserColumn uc, Path f) {
        switch (cfg.format()) {
            case CRITEO: return new CriteoLoader(cfg.integers()).load(f);
            case AVAZU: return new AvazuLoader().load(f);
            default: return new CtrCsvLoader(uc.loaderFormat).load(f);
        }
    }

    /** The format's default fields (FuxiCTR's encodings), fitted like a configured pipeline. */
    static FeaturePipeline defaults(CtrSourceConfig cfg, RawTable train) {
        List<FieldSpec> fields;
        switch (cfg.format()) {
            case CRITEO:
                fields = new CriteoLoader(cfg.integers()).defaultFields();
                break;
            case AVAZU:
                fields = AvazuLoader.defaultFields(train);
                break;
            default:
                fields = cfg.csv().defaultFields(cfg.minCount(), cfg.maxLength());
                if (fields.isEmpty())
                    throw new ConfigError("ctr.format = csv: list the feature columns (`ctr.categorical`, `ctr.numeric`, "
                            + "`ctr.sequence`) or select a `features` group");
        }
        return new FeaturePipeline(fields, 0);
    }

    private static int[][] split(int n, CtrSourceConfig cfg, Path file) {
        int[][] parts = RowSplit.split(n, cfg.splitRatio(), cfg.seed());
        if (parts[0].length == 0 || parts[2].length == 0)
            throw new io.reclab.data.DataFormatException(file + ": " + n + " rows are too few for split-ratio "
                    + java.util.Arrays.toString(cfg.splitRatio()) + " (train and test need a row each)");
        return parts;
    }

    /** Per-file sha256 (into {@code out}) and the sha256 of all files concatenated, reading each file once. */
    private static String hash(Map<String, Path> files, Map<String, String> out) throws IOException {
        MessageDigest all = Sha256.newDigest();
        byte[] buf = new byte[1 << 16];
        for (Map.Entry<String, Path> e : files.entrySet()) {
            MessageDigest one = Sha256.newDigest();
            try (InputStream in = Files.newInputStream(e.getValue())) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    one.update(buf, 0, n);
                    all.update(buf, 0, n);
                }
            }
            out.put(e.getKey(), Sha256.hex(one));
        }
        return Sha256.hex(all);
    }

    private static String source(CtrSourceConfig cfg, Map<String, Path> files, Map<String, String> sha) {
        StringBuilder sb = new StringBuilder(cfg.format().id).append(':');
        for (Map.Entry<String, Path> e : files.entrySet())
            sb.append(' ').append(e.getKey()).append('=').append(e.getValue().toAbsolutePath().normalize())
                    .append(" (sha256 ").append(sha.get(e.getKey())).append(");");
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static String protocol(CtrSourceConfig cfg) {
        if (!cfg.isRandomSplit()) return cfg.valid() != null ? "predefined train/valid/test files" : "predefined train/test files";
        double[] r = cfg.splitRatio();
        return String.format(Locale.ROOT, "random rows %s/%s/%s (seed %d)", r[0], r[1], r[2], cfg.seed());
    }

    private static void put(Map<String, Double> extras, String part, Samples s) {
        double pos = 0;
        for (float l : s.labels()) pos += l;
        extras.put("data." + part + "_rows", (double) s.size());
        extras.put("data." + part + "_positive_rate", s.size() == 0 ? Double.NaN : pos / s.size());
    }

    private static String columnNames(RawTable t) {
        List<String> names = new ArrayList<>();
        for (RawTable.Column c : t.columns()) names.add(c.name());
        return String.join(", ", names);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The csv user column (for GAUC and per-user files). CtrCsvLoader numbers users per file, so the column is read as
     * a string column instead and numbered here over all files, giving train, valid and test one shared id space.
     */
    private static final class UserColumn {
        final String name;
        final CtrCsvFormat loaderFormat;

        private UserColumn(String name, CtrCsvFormat loaderFormat) {
            this.name = name;
            this.loaderFormat = loaderFormat;
        }

        static UserColumn of(CtrSourceConfig cfg) {
            CtrCsvFormat f = cfg.csv();
            if (f == null || f.userColumn().isEmpty()) return new UserColumn(null, f);
            String u = f.userColumn();
            if (f.numeric().contains(u))
                throw new ConfigError("`ctr.user-column` = " + u + " is listed as numeric; list it under categorical or not at all");
            List<String> cat = new ArrayList<>(f.categorical());
            if (!cat.contains(u) && !f.sequence().contains(u)) cat.add(u);
            return new UserColumn(u, new CtrCsvFormat(f.label(), cat, f.numeric(), f.sequence(), "", f.separator(),
                    f.sequenceSeparator()));
        }

        RawTable assignUsers(RawTable t, IdMap.Builder ids) {
            if (name == null) return t;
            RawTable.StringColumn c = t.stringColumn(name);
            int[] global = new int[c.dictionary().length];
            for (int i = 0; i < global.length; i++) global[i] = ids.add(c.dictionary()[i]);
            int[] users = new int[t.size()];
            for (int r = 0; r < users.length; r++) users[r] = global[c.codes()[r]];
            return new RawTable(t.columns(), t.labels(), users, null);
        }
    }
}
