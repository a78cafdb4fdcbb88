package io.reclab.data.loader;

import io.reclab.data.Interactions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 fingerprints of dataset sources, written into {@code DatasetInfo} and run records.
 * A file list hashes as the plain concatenation of the files' bytes in list order, so the value can be checked from
 * a shell with {@code cat f1 f2 ... | sha256sum}.
 */
public final class Sha256 {
    private Sha256() {}

    /** A fresh SHA-256 digest (always available on a conforming JVM). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Lower-case hex of the digest's final value. */
    public static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }

    /** Hash of the concatenated contents of {@code files}, in the given order. */
    public static String ofFiles(List<Path> files) throws IOException {
        MessageDigest d = newDigest();
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            }
        }
        return hex(d);
    }

    /**
     * Hash of an interaction log's four columns (user ids, item ids, value bits, times; each big-endian, in that
     * order), for generated data that has no source file.
     */
    public static String ofInteractions(Interactions x) {
        MessageDigest d = newDigest();
        ByteBuffer b = ByteBuffer.allocate(1 << 15);
        int n = x.size();
        int[] u = x.userColumn(), it = x.itemColumn();
        float[] v = x.valueColumn();
        long[] t = x.timeColumn();
        for (int i = 0; i < n; i++) { if (b.remaining() < 4) flush(d, b); b.putInt(u[i]); }
        for (int i = 0; i < n; i++) { if (b.remaining() < 4) flush(d, b); b.putInt(it[i]); }
        for (int i = 0; i < n; i++) { if (b.remaining() < 4) flush(d, b); b.putInt(Float.floatToIntBits(v[i])); }
        for (int i = 0; i < n; i++) { if (b.remaining() < 8) flush(d, b); b.putLong(t[i]); }
        flush(d, b);
        return hex(d);
    }

    private static void flush(MessageDigest d, ByteBuffer b) {
        d.update(b.array(), 0, b.position());
        b.clear();
    }
}
