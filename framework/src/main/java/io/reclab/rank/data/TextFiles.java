package io.reclab.rank.data;

import io.reclab.data.DataFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Line reading and field splitting shared by the CTR loaders; errors name the file and the 1-based line. */
final class TextFiles {
    private TextFiles() {}

    /** A UTF-8 reader; {@code .gz} files are decompressed. */
    static BufferedReader open(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String readLine(BufferedReader r, Path file) {
        try {
            return r.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("error reading " + file, e);
        }
    }

    /** Splits on {@code sep}, keeping empty fields; no quoting (TSV, Avazu). */
    static String[] split(String line, char sep, int expected) {
        String[] out = new String[Math.max(expected, 4)];
        int n = 0, start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = line.substring(start, i);
                start = i + 1;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** CSV fields with RFC 4180 double quotes ("a,b" and "" escapes). */
    static String[] splitCsv(String line, char sep, Path file, long lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { sb.append('"'); i++; }
                    else quoted = false;
                } else sb.append(c);
            } else if (c == '"' && sb.length() == 0) {
                quoted = true;
            } else if (c == sep) {
                out.add(sb.toString());
                sb.setLength(0);
            } else sb.append(c);
        }
        if (quoted) throw new DataFormatException(file, lineNo, "unterminated quoted field");
        out.add(sb.toString());
        return out.toArray(new String[0]);
    }

    static float parseLabel(String s, Path file, long line) {
        String t = s.trim();
        switch (t) {
            case "1": case "1.0": case "+1": return 1f;
            case "0": case "0.0": case "-1": case "-1.0": return 0f;
            default: throw new DataFormatException(file, line, "label `" + s + "`: expected 0 or 1 (or -1/+1)");
        }
    }

    /** A float; empty → NaN (missing). */
    static float parseFloat(String s, Path file, long line, String column) {
        if (s.isEmpty()) return Float.NaN;
        try {
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "column " + column + ": `" + s + "` is not a number");
        }
    }
}
