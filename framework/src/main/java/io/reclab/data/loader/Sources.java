package io.reclab.data.loader;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The source files one load reads, in reading order. Every stream it opens feeds a shared SHA-256 digest, so the
 * dataset fingerprint costs no second pass over multi-gigabyte logs; the result equals
 * {@link Sha256#ofFiles(List)} over {@link #files()} provided each stream is read to its end (callers do).
 */
public final class Sources {
    private final MessageDigest digest = Sha256.newDigest();
    private final List<Path> files = new ArrayList<>();

    /**
     * Opens a required file, or fails with a one-line message naming the path and what the format expects there.
     */
    public InputStream open(Path file, String expected) throws IOException {
        if (!Files.isRegularFile(file))
            throw new FileNotFoundException(file + ": file not found (expected " + expected + ")");
        files.add(file);
        return new DigestInputStream(Files.newInputStream(file), digest);
    }

    /** Files opened so far, in order. */
    public List<Path> files() { return Collections.unmodifiableList(files); }

    /** Hex SHA-256 over everything read; call once, after the last file has been consumed. */
    public String sha256() { return Sha256.hex(digest); }
}
