package io.reclab.run;

import io.reclab.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWhileTheFirstLivesAndTheLockIsReleasedOnClose() throws Exception {
        try (RunLock first = RunLock.acquire(dir)) {
            String line = Files.readString(dir.resolve(RunLock.FILE)).trim();
            assertTrue(line.startsWith(ProcessHandle.current().pid() + " "), line);
            ConfigError e = assertThrows(ConfigError.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("in use by process " + ProcessHandle.current().pid()), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(RunLock.FILE)), "released");
        RunLock.acquire(dir).close();
    }

    @Test
    void aLockLeftByAProcessThatIsGoneIsTakenOver() throws Exception {
        // a process that has exited: its pid is free (or reused with another start time)
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        Files.writeString(dir.resolve(RunLock.FILE), pid + " 2020-01-01T00:00:00Z\n");
        try (RunLock l = RunLock.acquire(dir)) {
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).startsWith(ProcessHandle.current().pid() + " "));
        }
        Files.writeString(dir.resolve(RunLock.FILE), "garbage");
        RunLock.acquire(dir).close();
    }

    @Test
    void aLiveHolderWithAnotherStartTimeIsAReusedPidAndStale() {
        long pid = ProcessHandle.current().pid();
        assertFalse(RunLock.alive(pid + " 1999-01-01T00:00:00Z"), "same pid, other start time: a reused pid");
        assertTrue(RunLock.alive(pid + " " + ProcessHandle.current().info().startInstant().map(Object::toString).orElse("?")));
    }
}
