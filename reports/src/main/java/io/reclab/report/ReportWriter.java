package io.reclab.report;

import io.reclab.run.AtomicFiles;
import io.reclab.run.RunFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the reports module: writes a self-contained HTML report for one run folder, or a comparison
 * across several run folders. Reads only what runs wrote (run.json, per-user CSVs, predictions, config.conf);
 * files are written atomically.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Writes {@code runDir/report.html} and returns its path. */
    public static Path writeRunReport(Path runDir) throws IOException {
        RunFolder run = RunFolderReader.read(runDir, label(runDir));
        String title = "reclab report — " + title(run);
        Path out = runDir.resolve(RunFiles.REPORT);
        AtomicFiles.writeString(out, ReportBuilder.build(title, List.of(run), false).render());
        return out;
    }

    /** Writes a comparison of the given run folders to {@code out} and returns {@code out}. */
    public static Path writeComparison(List<Path> runDirs, Path out) throws IOException {
        if (runDirs.isEmpty()) throw new IllegalArgumentException("writeComparison needs at least one run folder");
        List<RunFolder> runs = new ArrayList<>();
        List<String> labels = uniqueLabels(runDirs);
        for (int i = 0; i < runDirs.size(); i++) runs.add(RunFolderReader.read(runDirs.get(i), labels.get(i)));
        String title = "reclab comparison — " + String.join(" vs ", labels);
        AtomicFiles.writeString(out, ReportBuilder.build(title, runs, true).render());
        return out;
    }

    private static String title(RunFolder run) {
        for (Trial t : run.trials()) {
            if (t.record().experiment() != null) return t.record().experiment() + " / " + run.label();
        }
        return run.label();
    }

    private static String label(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** Folder names, widened with the parent folder (experiment) and then numbered when they collide. */
    static List<String> uniqueLabels(List<Path> dirs) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> count = new HashMap<>();
        for (Path d : dirs) count.merge(label(d), 1, Integer::sum);
        for (Path d : dirs) {
            String l = label(d);
            Path parent = d.toAbsolutePath().normalize().getParent();
            if (count.get(l) > 1 && parent != null && parent.getFileName() != null) {
                l = parent.getFileName() + "/" + l;
            }
            labels.add(l);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        for (String l : labels) total.merge(l, 1, Integer::sum);
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            if (total.get(l) > 1) labels.set(i, l + " #" + seen.merge(l, 1, Integer::sum));
        }
        return labels;
    }
}
