package io.reclab.run;

import io.reclab.config.ConfigError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run folder's lock file ({@code run.lock}): the pid and start time of the process running the folder's trials,
 * so two processes resuming one folder at once cannot compute its trials twice. The file is created atomically
 * (create-new); a second process finding it reads the holder and refuses while that process is alive. A lock left
 * behind by a killed process (no live process with that pid and start time: a pid may be reused) is stale and is
 * taken over. Released (deleted) on {@link #close}.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";
    private final Path file;

    private RunLock(Path file) { this.file = file; }

    /** Takes the lock of {@code runDir}, or throws naming the live holder. */
    public static RunLock acquire(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        ProcessHandle self = ProcessHandle.current();
        String me = self.pid() + " " + startOf(self);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(f, me + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return new RunLock(f);
            } catch (FileAlreadyExistsException e) {
                String holder;
                try {
                    holder = Files.readString(f, StandardCharsets.UTF_8).trim();
                } catch (NoSuchFileException gone) {
                    continue; // released between our two calls: try again
                }
                if (alive(holder))
                    throw new ConfigError("run folder " + runDir + " is in use by process " + holder.split(" ")[0] + " (" + f
                            + "): wait for it to finish, or stop it; a lock left by a process that is gone is taken over");
                // stale: its holder is gone. Delete and retry the atomic create, so of two takers only one wins
                Files.deleteIfExists(f);
            }
        }
        throw new ConfigError("run folder " + runDir + ": could not take " + f + " (another process keeps taking it)");
    }

    /** Whether the "pid start" line names a live process (same pid and, where known, the same start time). */
    static boolean alive(String holder) {
        String[] p = holder.split(" ", 2);
        long pid;
        try {
            pid = Long.parseLong(p[0]);
        } catch (NumberFormatException e) {
            return false; // unreadable lock (e.g. cut short by a crash): nobody holds it
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        String recorded = p.length > 1 ? p[1] : "?";
        String now = startOf(h.get());
        return recorded.equals("?") || now.equals("?") || recorded.equals(now);
    }

    private static String startOf(ProcessHandle h) {
        return h.info().startInstant().map(Object::toString).orElse("?");
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
