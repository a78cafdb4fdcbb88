package io.reclab.data.fetch;

import io.reclab.data.loader.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a zip archive into a folder without letting any entry escape it ("zip slip"): every entry name is
 * checked before anything is written, and an absolute name, a drive letter or a {@code ..} segment refuses the
 * whole archive. When all entries sit under one top folder ({@code ml-100k/u.data}, ...) that folder is dropped, so
 * the dataset's files land directly in the target ({@code <target>/u.data}) whatever the archive calls its folder.
 * macOS metadata ({@code __MACOSX/}) is skipped.
 */
public final class SafeUnzip {
    private SafeUnzip() {}

    /**
     * Extracts {@code zip} into {@code dir} (created if needed; meant to be a fresh temporary folder).
     *
     * @return SHA-256 of each extracted file by its path relative to {@code dir} (forward slashes), sorted
     * @throws IOException naming the archive and the entry when an entry would leave {@code dir}, is listed twice,
     *                     or the file is not a readable zip archive
     */
    public static Map<String, String> extract(Path zip, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                check(zip, root, e.getName());
                if (!e.getName().startsWith("__MACOSX/")) entries.add(e);
            }
            String strip = commonTopFolder(entries);
            Files.createDirectories(root);
            Map<String, String> sums = new TreeMap<>();
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e : entries) {
                String rel = e.getName().replace('\\', '/').substring(strip.length());
                while (rel.startsWith("./")) rel = rel.substring(2);
                if (rel.isEmpty()) continue;
                Path out = root.resolve(rel).normalize();
                if (!out.startsWith(root) || out.equals(root))
                    throw new IOException(zip + ": entry `" + e.getName() + "` would be written outside " + root + "; refusing the archive");
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                MessageDigest d = Sha256.newDigest();
                try (InputStream in = z.getInputStream(e);
                     OutputStream o = new DigestOutputStream(Files.newOutputStream(out, StandardOpenOption.CREATE_NEW,
                             StandardOpenOption.WRITE), d)) {
                    for (int n; (n = in.read(buf)) >= 0; ) o.write(buf, 0, n);
                } catch (java.nio.file.FileAlreadyExistsException dup) {
                    throw new IOException(zip + ": entry `" + e.getName() + "` is listed twice; refusing the archive");
                }
                sums.put(root.relativize(out).toString().replace('\\', '/'), Sha256.hex(d));
            }
            if (sums.isEmpty()) throw new IOException(zip + ": the archive holds no files");
            return Collections.unmodifiableMap(sums);
        } catch (ZipException e) {
            throw new IOException(zip + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Refuses an entry name that could resolve outside the target: absolute ({@code /etc/x}, {@code \x}), with a
     * drive letter ({@code C:x}), or with a {@code ..} segment anywhere (backslashes count as separators, since some
     * Windows tools write them and some extractors honour them).
     */
    static void check(Path zip, Path root, String name) throws IOException {
        String n = name.replace('\\', '/');
        boolean bad = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0;
        for (String seg : n.split("/")) if (seg.equals("..")) bad = true;
        try {
            if (!bad && !root.resolve(n).normalize().startsWith(root)) bad = true;
        } catch (java.nio.file.InvalidPathException e) {
            bad = true;
        }
        if (bad)
            throw new IOException(zip + ": entry `" + name + "` would be written outside " + root
                    + " (zip slip); refusing the archive, nothing extracted");
    }

    /** "top/" when every entry lies under the one folder {@code top}, else "". */
    private static String commonTopFolder(List<ZipEntry> entries) {
        String top = null;
        for (ZipEntry e : entries) {
            String n = e.getName().replace('\\', '/');
            int slash = n.indexOf('/');
            if (slash <= 0) return "";
            // a file entry "top" with no slash was handled above; "top/" itself (the folder entry) is fine
            String first = n.substring(0, slash + 1);
            if (top == null) top = first;
            else if (!top.equals(first)) return "";
        }
        return top == null ? "" : top;
    }
}
