package io.reclab.report;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import io.reclab.run.Json;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a run folder (layout in {@link RunFiles}) for reporting. A run folder holds trial sub-folders with
 * {@code run.json}; a trial folder given directly is accepted too. Unreadable files become listed problems (and an
 * unreadable {@code run.json} a failed trial) so one broken trial never hides the others.
 */
public final class RunFolderReader {
    /** Per-user columns that describe the user rather than score it. */
    public static final Set<String> ATTRIBUTE_COLUMNS = Set.of("n_train", "n_test", "n_valid", "pop_bucket",
            "activity_bucket");

    private static final String PER_USER_PREFIX = "per_user_";

    private RunFolderReader() {}

    public static RunFolder read(Path runDir, String label) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IOException("run folder " + runDir + " does not exist or is not a directory");
        }
        List<String> problems = new ArrayList<>();
        List<Path> runJsons;
        try (Stream<Path> s = Files.walk(runDir, 3)) {
            runJsons = s.filter(p -> p.getFileName().toString().equals(RunFiles.RUN_JSON))
                    .sorted(Comparator.comparing(Path::toString)).collect(Collectors.toList());
        }
        List<Trial> trials = new ArrayList<>();
        for (Path json : runJsons) {
            trials.add(readTrial(json.getParent(), label, problems));
        }
        Path config = runDir.resolve(RunFiles.CONFIG);
        if (!Files.isRegularFile(config) && Files.isRegularFile(runDir.resolve(RunFiles.RUN_JSON))
                && runDir.toAbsolutePath().getParent() != null) {
            config = runDir.toAbsolutePath().getParent().resolve(RunFiles.CONFIG);
        }
        String configText = Files.isRegularFile(config) ? Files.readString(config, StandardCharsets.UTF_8) : "";
        if (trials.isEmpty()) problems.add("no " + RunFiles.RUN_JSON + " found under " + runDir);
        return new RunFolder(runDir, label, configText, List.copyOf(trials), List.copyOf(problems));
    }

    static Trial readTrial(Path dir, String label, List<String> problems) {
        Path json = dir.resolve(RunFiles.RUN_JSON);
        RunRecord rec;
        try {
            rec = Json.read(json, RunRecord.class);
        } catch (IOException | RuntimeException e) {
            problems.add(json + ": unreadable run record: " + e.getMessage());
            rec = new RunRecord(null, dir.getFileName().toString(), RunFiles.STATUS_FAILED, null,
                    dir.getFileName().toString(), Map.of(), Map.of(), Map.of(), null, null, null, null, Map.of(),
                    RunRecord.Metrics.NONE, null, Map.of(), Map.of(), null, null, "unreadable run.json: " + e.getMessage());
        }
        Map<String, PerUserTable> perUser = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().collect(Collectors.toList())) {
                String name = f.getFileName().toString();
                if (name.startsWith(PER_USER_PREFIX) && name.endsWith(".csv")) {
                    String stage = name.substring(PER_USER_PREFIX.length(), name.length() - 4);
                    Set<String> metricIds = rec.test().get(stage) != null ? rec.test().get(stage).keySet() : null;
                    try {
                        perUser.put(stage, readPerUser(f, stage, metricIds));
                    } catch (IOException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot list trial folder: " + e.getMessage());
        }
        Path pred = dir.resolve(RunFiles.PREDICTIONS_RANK);
        return new Trial(label, dir, rec, perUser, Files.isRegularFile(pred) ? pred : null);
    }

    /**
     * Reads a per-user CSV. Metric columns are those named in the trial's metrics for the stage (when known), else
     * every column outside {@link #ATTRIBUTE_COLUMNS}; empty cells and {@code nan} read as NaN.
     */
    public static PerUserTable readPerUser(Path file, String stage, Set<String> metricIds) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            String[] header = csv.readNext();
            if (header == null || header.length == 0 || !header[0].trim().equals("user")) {
                throw new IOException(file + " line 1: expected a header starting with `user`, got "
                        + (header == null ? "an empty file" : "`" + String.join(",", header) + "`"));
            }
            int cols = header.length;
            boolean[] isMetric = new boolean[cols];
            List<String> metrics = new ArrayList<>();
            Map<String, Integer> attrIndex = new LinkedHashMap<>();
            for (int c = 1; c < cols; c++) {
                String h = header[c].trim();
                boolean metric = metricIds != null ? metricIds.contains(h) : !ATTRIBUTE_COLUMNS.contains(h);
                isMetric[c] = metric && !ATTRIBUTE_COLUMNS.contains(h);
                if (isMetric[c]) metrics.add(h); else attrIndex.put(h, c);
            }
            List<String> users = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            List<String[]> attrRows = new ArrayList<>();
            String[] line;
            long lineNo = 1;
            while ((line = csv.readNext()) != null) {
                lineNo++;
                if (line.length == 1 && line[0].isEmpty()) continue;
                if (line.length != cols) {
                    throw new IOException(file + " line " + lineNo + ": expected " + cols + " columns ("
                            + String.join(",", header) + "), got " + line.length);
                }
                double[] v = new double[metrics.size()];
                String[] a = new String[attrIndex.size()];
                int m = 0, k = 0;
                for (int c = 1; c < cols; c++) {
                    if (isMetric[c]) {
                        v[m++] = parse(line[c], file, lineNo, header[c]);
                    } else {
                        a[k++] = line[c];
                    }
                }
                users.add(line[0]);
                rows.add(v);
                attrRows.add(a);
            }
            double[][] values = new double[metrics.size()][users.size()];
            for (int u = 0; u < rows.size(); u++) {
                double[] v = rows.get(u);
                for (int m = 0; m < v.length; m++) values[m][u] = v[m];
            }
            Map<String, String[]> attributes = new LinkedHashMap<>();
            int k = 0;
            for (String name : attrIndex.keySet()) {
                String[] col = new String[users.size()];
                for (int u = 0; u < col.length; u++) col[u] = attrRows.get(u)[k];
                attributes.put(name, col);
                k++;
            }
            return new PerUserTable(stage, users.toArray(new String[0]), List.copyOf(metrics), values, attributes);
        } catch (CsvValidationException e) {
            throw new IOException(file + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    private static double parse(String cell, Path file, long line, String column) throws IOException {
        String s = cell.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("nan")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + ": column `" + column + "` expected a number, got `"
                    + cell + "`");
        }
    }
}
