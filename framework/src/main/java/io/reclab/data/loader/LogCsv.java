package io.reclab.data.loader;

import io.reclab.data.Interactions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an interaction log as CSV, {@code user,item,rating,time} with external ids, in log order, so that the
 * {@code csv} format (with {@code columns.rating = rating, columns.time = time}) reads back the same log: same
 * ids in the same first-seen order, same rows. Ids that need quoting are quoted (RFC 4180). The file is written
 * to a temporary sibling and renamed into place.
 */
public final class LogCsv {
    private LogCsv() {}

    public static void write(Interactions x, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        try {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 20)) {
                w.write("user,item,rating,time\n");
                String[] users = x.users().externals().stream().map(LogCsv::quote).toArray(String[]::new);
                String[] items = x.items().externals().stream().map(LogCsv::quote).toArray(String[]::new);
                StringBuilder sb = new StringBuilder(64);
                for (int r = 0; r < x.size(); r++) {
                    sb.setLength(0);
                    float v = x.value(r);
                    sb.append(users[x.user(r)]).append(',').append(items[x.item(r)]).append(',');
                    if (v == Math.rint(v) && Math.abs(v) < 1e9) sb.append((long) v); else sb.append(v);
                    sb.append(',').append(x.time(r)).append('\n');
                    w.append(sb);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String quote(String s) {
        boolean need = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.equals(s.trim());
        return need ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
