package io.reclab.data.fetch;

import io.reclab.config.ConfigError;
import io.reclab.data.loader.Sha256;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fetches a catalogue dataset into the cache and verifies local copies.
 *
 * <p>Fetching downloads every file of the entry (resuming partial downloads), checks each against its pinned
 * SHA-256 before anything is extracted, extracts into a fresh temporary folder beside the target, checks the
 * extracted files the catalogue pins, writes {@value DataCache#SUMS}, and only then renames the folder into place.
 * An interrupted or refused fetch therefore never leaves a half-filled dataset folder, and never touches a dataset
 * already in place.
 */
public final class Fetcher {
    private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");
    private final DataCache cache;
    private final Downloader downloader;
    private final PrintWriter out;

    public Fetcher(DataCache cache, Downloader downloader, PrintWriter out) {
        this.cache = cache;
        this.downloader = downloader;
        this.out = out;
    }

    /**
     * @param insecureNoChecksum accept downloads that have no pinned SHA-256
     * @param force              fetch again even when the dataset folder exists (it is replaced only on success)
     */
    public record Options(boolean insecureNoChecksum, boolean force) {}

    /** Where the dataset is, whether it was there already, and the SHA-256 of its files (empty when already there). */
    public record Result(Path dir, boolean alreadyPresent, Map<String, String> files) {}

    /** Fetches {@code e} into {@code <cache>/<name>} (see the class comment). */
    public Result fetch(DatasetEntry e, Options o) throws IOException {
        Path target = cache.dir(e.name());
        if (Files.exists(target) && !o.force()) return new Result(target, true, Map.of());
        for (DatasetEntry.Download d : e.downloads())
            if (d.sha256() == null && !o.insecureNoChecksum())
                throw new ConfigError(e.name() + ": no SHA-256 is pinned for " + d.url() + ", so what arrives cannot be checked;"
                        + " rerun with --insecure-no-checksum to accept it unchecked");
        Path downloads = cache.downloads(e.name());
        Files.createDirectories(downloads);
        Path lockFile = downloads.resolve(".lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null)
                throw new IOException(downloads + ": another fetch of " + e.name() + " is running (it holds " + lockFile + ")");
            try {
                Map<String, String> files = fetchLocked(e, target, downloads);
                return new Result(target, false, files);
            } finally {
                lock.release();
            }
        } finally {
            deleteIfOnlyLock(downloads, lockFile);
        }
    }

    private Map<String, String> fetchLocked(DatasetEntry e, Path target, Path downloads) throws IOException {
        // extraction folders of this dataset left by a killed fetch: under the lock, no running fetch owns them
        try (Stream<Path> s = Files.list(cache.root())) {
            for (Path stale : s.filter(p -> p.getFileName().toString().startsWith("." + e.name() + ".extract-")).toList())
                deleteTree(stale);
        }
        List<Path> got = new ArrayList<>();
        for (DatasetEntry.Download d : e.downloads()) {
            Path file = downloads.resolve(d.fileName());
            if (Files.isRegularFile(file)) {
                // verified by an earlier run that stopped before extracting: check it again rather than trust it
                String sha = Sha256.ofFiles(List.of(file));
                if (d.sha256() == null || d.sha256().equals(sha)) {
                    out.println(d.url() + ": already downloaded to " + file);
                    got.add(file);
                    continue;
                }
                Files.move(file, file.resolveSibling(d.fileName() + ".rejected"), StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = downloader.download(d.url(), file, d.sha256(), d.bytes());
            if (d.sha256() == null)
                out.println("warning: " + d.url() + " has no pinned SHA-256; accepted unchecked (sha256 " + sha + ")");
            else out.println(d.url() + ": sha256 " + sha + " as pinned");
            got.add(file);
        }

        Files.createDirectories(cache.root());
        Path staging = Files.createTempDirectory(cache.root(), "." + e.name() + ".extract-");
        try {
            Map<String, String> files = new TreeMap<>();
            for (int i = 0; i < got.size(); i++) {
                DatasetEntry.Download d = e.downloads().get(i);
                if (d.unzip()) {
                    for (Map.Entry<String, String> f : SafeUnzip.extract(got.get(i), staging).entrySet())
                        if (files.put(f.getKey(), f.getValue()) != null)
                            throw new IOException(got.get(i) + ": `" + f.getKey() + "` is also in an earlier download of " + e.name());
                } else {
                    Path dest = staging.resolve(d.fileName());
                    if (Files.exists(dest)) throw new IOException(d.url() + ": `" + d.fileName() + "` is also in an earlier download of " + e.name());
                    Files.copy(got.get(i), dest);
                    files.put(d.fileName(), Sha256.ofFiles(List.of(dest)));
                }
            }
            for (Map.Entry<String, String> p : e.files().entrySet()) {
                String actual = files.get(p.getKey());
                if (actual == null)
                    throw new IOException(e.name() + ": the archive holds no `" + p.getKey() + "` (the catalogue pins its SHA-256); nothing installed");
                if (!actual.equals(p.getValue()))
                    throw new IOException(e.name() + ": extracted `" + p.getKey() + "` has SHA-256 " + actual + ", expected "
                            + p.getValue() + "; nothing installed");
            }
            writeSums(staging.resolve(DataCache.SUMS), files);
            install(staging, target);
            for (Path f : got) Files.deleteIfExists(f);
            return files;
        } finally {
            if (Files.exists(staging)) deleteTree(staging);
        }
    }

    /** Renames the finished folder into place; an older copy (only with --force) is moved aside first, then deleted. */
    private static void install(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old);
        }
        try {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            if (old != null) Files.move(old, target);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    /** One line per file, {@code <sha256>  <path>}, the format {@code sha256sum -c} reads. */
    private static void writeSums(Path file, Map<String, String> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        files.forEach((p, h) -> sb.append(h).append("  ").append(p).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** The outcome of checking one file. */
    public enum Status { OK, MISMATCH, MISSING }

    /** One file's check: its relative path, outcome, expected and actual SHA-256 (actual null when missing). */
    public record Check(String path, Status status, String expected, String actual) {}

    /**
     * What {@link #verify} found.
     *
     * @param against   where the expected values came from
     * @param checks    one per expected file, in order
     * @param unchecked files present in the folder that nothing pins (e.g. the ml-100k splits u2 to u5)
     */
    public record Report(String against, List<Check> checks, List<String> unchecked) {
        public boolean ok() { return checks.stream().allMatch(c -> c.status() == Status.OK); }
    }

    /**
     * Checks the files in {@code dir} against the SHA-256 values the catalogue pins for {@code e}, or, when it pins
     * none, against the {@value DataCache#SUMS} written when the folder was fetched (that detects later damage;
     * it cannot prove where the files came from).
     *
     * @throws IOException when {@code dir} is not a folder, or there is nothing to check against
     */
    public static Report verify(DatasetEntry e, Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new FileNotFoundException(dir + ": no such folder; fetch it with `./reclab data fetch " + e.name()
                    + "`, or give --path to your copy");
        Map<String, String> expected;
        String against;
        if (!e.files().isEmpty()) {
            expected = e.files();
            against = "the SHA-256 values the catalogue pins for " + e.name();
        } else if (Files.isRegularFile(dir.resolve(DataCache.SUMS))) {
            expected = readSums(dir.resolve(DataCache.SUMS));
            against = dir.resolve(DataCache.SUMS) + " (written when it was fetched)";
        } else {
            throw new IOException(e.name() + ": nothing to verify " + dir + " against: the catalogue pins no file hashes for it"
                    + " and the folder has no " + DataCache.SUMS + " (folders made by `reclab data fetch` have one)");
        }
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, String> p : expected.entrySet()) {
            Path f = dir.resolve(p.getKey());
            if (!Files.isRegularFile(f)) {
                checks.add(new Check(p.getKey(), Status.MISSING, p.getValue(), null));
                continue;
            }
            String actual = Sha256.ofFiles(List.of(f));
            checks.add(new Check(p.getKey(), actual.equals(p.getValue()) ? Status.OK : Status.MISMATCH, p.getValue(), actual));
        }
        List<String> unchecked = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .filter(p -> !expected.containsKey(p) && !p.equals(DataCache.SUMS)).forEach(unchecked::add);
        }
        return new Report(against, checks, unchecked);
    }

    /** Reads a {@code sha256sum} listing: {@code <64 hex> <space or *><path>} per line. */
    static Map<String, String> readSums(Path file) throws IOException {
        Map<String, String> m = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            Matcher mt = SUM_LINE.matcher(lines.get(i));
            if (!mt.matches())
                throw new io.reclab.data.DataFormatException(file + ":" + (i + 1) + ": expected `<64 hex digits>  <file>`, got `"
                        + lines.get(i) + "`");
            String p = mt.group(2);
            if (p.startsWith("/") || p.replace('\\', '/').contains("../"))
                throw new io.reclab.data.DataFormatException(file + ":" + (i + 1) + ": `" + p + "` is not a path inside the folder");
            m.put(p, mt.group(1));
        }
        return m;
    }

    private static void deleteIfOnlyLock(Path downloads, Path lockFile) {
        try (Stream<Path> s = Files.list(downloads)) {
            if (s.allMatch(lockFile::equals)) {
                Files.deleteIfExists(lockFile);
                Files.deleteIfExists(downloads);
                try (Stream<Path> rest = Files.list(downloads.getParent())) {
                    if (rest.findAny().isEmpty()) Files.deleteIfExists(downloads.getParent());
                }
            }
        } catch (IOException ignored) {
            // tidying only: a leftover empty folder does no harm
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
