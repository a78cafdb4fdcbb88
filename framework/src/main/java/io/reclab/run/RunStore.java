package io.reclab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run folder {@code runs/<experiment>/<yyyy-MM-dd_HH-mm-ss>/} and its trial sub-folders (layout in
 * {@link RunFiles}). All writes are atomic (temp file + rename), so an interrupted run leaves only whole files,
 * and {@link #completed} tells a resumed run which trials to skip.
 */
public final class RunStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private final Path dir;

    private RunStore(Path dir) { this.dir = dir; }

    /** A new, empty folder under {@code root/<experiment>/}; a suffix is added if the second is taken. */
    public static RunStore create(Path root, String experiment) throws IOException {
        String safe = safeName(experiment);
        Path base = root.resolve(safe);
        Files.createDirectories(base);
        String stamp = LocalDateTime.now().format(STAMP);
        for (int i = 0; ; i++) {
            Path d = base.resolve(i == 0 ? stamp : stamp + "_" + i);
            try {
                Files.createDirectory(d);
                return new RunStore(d);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run started in the same second
            }
        }
    }

    /** An existing run folder, to resume. */
    public static RunStore open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunFiles.CONFIG)))
            throw new IllegalArgumentException(dir + " is not a run folder (no " + RunFiles.CONFIG + ")");
        return new RunStore(dir);
    }

    public Path dir() { return dir; }

    public Path trialDir(String trial) { return dir.resolve(safeName(trial)); }

    public void writeConfig(String resolvedConfig, List<String> overrides, List<String> sweeps) throws IOException {
        AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), resolvedConfig);
        StringBuilder sb = new StringBuilder();
        for (String o : overrides) sb.append(o).append('\n');
        for (String s : sweeps) sb.append("-m ").append(s).append('\n');
        AtomicFiles.writeString(dir.resolve(RunFiles.OVERRIDES), sb.toString());
    }

    public void writeRecord(RunRecord r) throws IOException {
        Json.writeAtomic(trialDir(r.trial()).resolve(RunFiles.RUN_JSON), r);
    }

    /** The trial's record if it finished successfully in an earlier attempt. */
    public Optional<RunRecord> completed(String trial) {
        Path f = trialDir(trial).resolve(RunFiles.RUN_JSON);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            RunRecord r = Json.read(f, RunRecord.class);
            return RunFiles.STATUS_COMPLETED.equals(r.status()) ? Optional.of(r) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every trial record in a run folder, in folder-name order. */
    public static List<RunRecord> readAll(Path runDir) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(runDir)) {
            for (Path p : s.sorted().toList()) {
                Path f = p.resolve(RunFiles.RUN_JSON);
                if (Files.isRegularFile(f)) out.add(Json.read(f, RunRecord.class));
            }
        }
        return out;
    }

    /** File-system safe: letters, digits, and {@code . _ - = ,} kept; anything else becomes '_'. */
    public static String safeName(String s) {
        String r = s.replaceAll("[^A-Za-z0-9._=,-]", "_");
        if (r.isEmpty() || r.equals(".") || r.equals("..")) r = "_" + r;
        return r;
    }
}
