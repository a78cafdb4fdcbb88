package io.reclab.data.loader;

import io.reclab.data.Interactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Test helpers: write small fixture files and compute reference hashes independently of the code under test. */
public final class Fixtures {
    private Fixtures() {}

    /** Writes {@code lines} joined by {@code \n} (with a final newline) in {@code cs}. */
    public static Path write(Path dir, String name, Charset cs, String... lines) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, (String.join("\n", lines) + "\n").getBytes(cs));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, String... lines) {
        return write(dir, name, StandardCharsets.UTF_8, lines);
    }

    /** sha256 of the files' bytes concatenated, read with plain Files.readAllBytes. */
    public static String concatSha(Path... files) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (Path f : files) d.update(Files.readAllBytes(f));
        return HexFormat.of().formatHex(d.digest());
    }

    /** Writes a log as {@code user,item,rating,time} CSV with external ids and a header. */
    public static Path writeCsv(Path file, Interactions x) throws IOException {
        StringBuilder sb = new StringBuilder("user,item,rating,time\n");
        for (int r = 0; r < x.size(); r++)
            sb.append(x.users().external(x.user(r))).append(',').append(x.items().external(x.item(r))).append(',')
                    .append(x.value(r)).append(',').append(x.time(r)).append('\n');
        Files.writeString(file, sb);
        return file;
    }
}
