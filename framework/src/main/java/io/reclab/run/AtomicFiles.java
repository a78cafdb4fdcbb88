package io.reclab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files to a temporary sibling and renames it into place, so a reader (or a resumed run) never sees a
 * half-written file, and an interrupted write leaves the previous version intact.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** rw-r--r--: what a report or run.json written by any ordinary tool gets. */
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> SHARED =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    public static void writeString(Path file, String content) throws IOException {
        writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, content);
            // temp files are created 0600; results are meant to be shared and served, so give them ordinary 0644
            try {
                Files.setPosixFilePermissions(tmp, SHARED);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): its defaults apply
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
