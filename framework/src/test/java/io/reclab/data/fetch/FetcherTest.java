package io.reclab.data.fetch;

import io.reclab.config.ConfigError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fetching against a local HTTP server that serves zip archives built here: a good archive, a wrong checksum, a
 * zip-slip entry, a connection cut short, a resumed download, a server that ignores Range, and unpinned files.
 */
class FetcherTest {
    @TempDir
    Path tmp;

    private FixtureServer server;
    private Path root;
    private StringWriter log;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        root = tmp.resolve("cache");
        log = new StringWriter();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Fetcher fetcher() {
        PrintWriter out = new PrintWriter(log, true);
        return new Fetcher(new DataCache(root), new Downloader(Downloader.defaultClient(), Progress.lines(out, false)), out);
    }

    /** A zip of these entries (names as given, so a test can write `../x`), built with java.util.zip. */
    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static String sha(String s) throws Exception {
        return sha(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Two files under a top folder `toy/`, as the GroupLens archives hold theirs; the data is large enough to resume. */
    private static Map<String, String> toyFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("toy/", "");
        m.put("toy/ratings.csv", "user,item,rating\n" + "1,2,5\n".repeat(5000));
        m.put("toy/sub/readme.txt", "a toy dataset\n");
        return m;
    }

    private static DatasetEntry entry(URI url, String archiveSha, Map<String, String> files) {
        return new DatasetEntry("toy", "a toy dataset", "none", List.of(new DatasetEntry.Download(url, "toy.zip", archiveSha, -1, true)),
                files, "this test");
    }

    private static Map<String, String> pinned() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ratings.csv", sha(toyFiles().get("toy/ratings.csv")));
        m.put("sub/readme.txt", sha("a toy dataset\n"));
        return m;
    }

    private static List<String> listAll(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).filter(p -> !p.isEmpty()).sorted().toList();
        }
    }

    @Test
    void goodArchiveIsFetchedVerifiedExtractedAndThenVerifies() throws Exception {
        byte[] z = zip(toyFiles());
        URI url = server.serve("/toy.zip", z, FixtureServer.Mode.NORMAL);
        DatasetEntry e = entry(url, sha(z), pinned());
        Files.createDirectories(root.resolve(".toy.extract-123/left-by-a-killed-fetch"));

        Fetcher.Result r = fetcher().fetch(e, new Fetcher.Options(false, false));

        assertFalse(r.alreadyPresent());
        assertEquals(root.resolve("toy"), r.dir());
        // the top folder is dropped, the archive and downloads folder are gone, no temporary folder is left (not even
        // the stale one)
        assertEquals(List.of("toy", "toy/SHA256SUMS", "toy/ratings.csv", "toy/sub", "toy/sub/readme.txt"), listAll(root));
        assertEquals(toyFiles().get("toy/ratings.csv"), Files.readString(r.dir().resolve("ratings.csv")));
        // sha256sum's format, one line per extracted file, sorted by path
        assertEquals(sha(toyFiles().get("toy/ratings.csv")) + "  ratings.csv\n" + sha("a toy dataset\n") + "  sub/readme.txt\n",
                Files.readString(r.dir().resolve(DataCache.SUMS)));
        assertTrue(log.toString().contains(url + ": sha256 " + sha(z) + " as pinned"), log.toString());

        Fetcher.Report v = Fetcher.verify(e, r.dir());
        assertTrue(v.ok(), v.toString());
        assertEquals(2, v.checks().size());
        assertTrue(v.unchecked().isEmpty(), v.unchecked().toString());

        // a second fetch finds the folder and asks the server nothing
        int requests = server.ranges.size();
        assertTrue(fetcher().fetch(e, new Fetcher.Options(false, false)).alreadyPresent());
        assertEquals(requests, server.ranges.size());

        // verify notices a changed file and a missing one
        Files.writeString(r.dir().resolve("ratings.csv"), "user,item,rating\n1,2,4\n");
        Files.delete(r.dir().resolve("sub/readme.txt"));
        Fetcher.Report bad = Fetcher.verify(e, r.dir());
        assertFalse(bad.ok());
        assertEquals(List.of(Fetcher.Status.MISMATCH, Fetcher.Status.MISSING), bad.checks().stream().map(Fetcher.Check::status).toList());
        assertEquals(sha("user,item,rating\n1,2,4\n"), bad.checks().get(0).actual());
    }

    @Test
    void wrongChecksumIsRefusedBeforeExtractingAndTheGoodCopyIsKept() throws Exception {
        byte[] z = zip(toyFiles());
        URI url = server.serve("/toy.zip", z, FixtureServer.Mode.NORMAL);
        fetcher().fetch(entry(url, sha(z), pinned()), new Fetcher.Options(false, false));
        List<String> before = listAll(root.resolve("toy"));
        String sums = Files.readString(root.resolve("toy").resolve(DataCache.SUMS));

        // the server now sends other bytes than the pinned ones
        Map<String, String> other = toyFiles();
        other.put("toy/ratings.csv", "user,item,rating\n9,9,1\n");
        byte[] changed = zip(other);
        server.serve("/toy.zip", changed, FixtureServer.Mode.NORMAL);
        IOException ex = assertThrows(IOException.class,
                () -> fetcher().fetch(entry(url, sha(z), pinned()), new Fetcher.Options(false, true)));

        assertEquals(url + ": SHA-256 mismatch: expected " + sha(z) + ", got " + sha(changed) + "; nothing was extracted,"
                + " the download was moved to " + root.resolve(".downloads/toy/toy.zip.rejected"), ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count());
        assertEquals(before, listAll(root.resolve("toy")), "the dataset already in place is untouched");
        assertEquals(sums, Files.readString(root.resolve("toy").resolve(DataCache.SUMS)));
        assertArrayEquals(changed, Files.readAllBytes(root.resolve(".downloads/toy/toy.zip.rejected")));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of(".downloads", "toy"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no extraction folder was made");
        }
    }

    @Test
    void zipSlipEntryIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ratings.csv", "user,item\n1,2\n");
        files.put("../escaped.txt", "outside");
        byte[] z = zip(files);
        URI url = server.serve("/evil.zip", z, FixtureServer.Mode.NORMAL);
        // the checksum is right: the refusal comes from the entry name, not from the download
        IOException ex = assertThrows(IOException.class,
                () -> fetcher().fetch(entry(url, sha(z), Map.of()), new Fetcher.Options(false, false)));

        assertTrue(ex.getMessage().contains("entry `../escaped.txt` would be written outside"), ex.getMessage());
        assertTrue(ex.getMessage().contains("zip slip"), ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count());
        assertFalse(Files.exists(root.resolve("escaped.txt")));
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        assertFalse(Files.exists(root.resolve("toy")), "no dataset folder");
        try (Stream<Path> s = Files.walk(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("escaped.txt")));
        }
        try (Stream<Path> s = Files.list(root)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".extract-")), "the extraction folder was removed");
        }
    }

    @Test
    void unsafeEntryNamesAreAllRefusedBeforeAnythingIsWritten() throws Exception {
        for (String bad : List.of("/abs/path.txt", "a/../../up.txt", "..\\windows.txt", "C:/drive.txt")) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("first.txt", "written before the bad entry in archive order");
            files.put(bad, "x");
            Path zipFile = Files.write(tmp.resolve("bad.zip"), zip(files));
            Path out = tmp.resolve("out-" + Math.abs(bad.hashCode()));
            IOException ex = assertThrows(IOException.class, () -> SafeUnzip.extract(zipFile, out), bad);
            assertTrue(ex.getMessage().contains("`" + bad + "`"), ex.getMessage());
            assertFalse(Files.exists(out.resolve("first.txt")), "every name is checked before the first file is written: " + bad);
        }
        // an archive without a common top folder keeps its layout
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("a.dat", "1");
        flat.put("d/b.dat", "2");
        Path zipFile = Files.write(tmp.resolve("flat.zip"), zip(flat));
        assertEquals(Map.of("a.dat", sha("1"), "d/b.dat", sha("2")), SafeUnzip.extract(zipFile, tmp.resolve("flat")));
    }

    @Test
    void cutShortDownloadFailsClearlyAndKeepsThePart() throws Exception {
        byte[] z = zip(toyFiles());
        URI cut = server.serveCutShort("/toy.zip", z);
        IOException ex = assertThrows(IOException.class,
                () -> fetcher().fetch(entry(cut, sha(z), pinned()), new Fetcher.Options(false, false)));

        Path part = root.resolve(".downloads/toy/toy.zip.part");
        assertTrue(ex.getMessage().startsWith(cut + ": download cut short"), ex.getMessage());
        assertTrue(ex.getMessage().contains(part + " is kept, run the same command again to resume"), ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count());
        long kept = Files.size(part);
        assertTrue(kept > 0 && kept <= z.length / 2, kept + " of " + z.length);
        assertArrayEquals(Arrays.copyOf(z, (int) kept), Files.readAllBytes(part), "what is kept is the start of the file");
        assertFalse(Files.exists(root.resolve("toy")));

        // a working server (the same file name in the same dataset) is asked only for the rest
        URI url = server.serve("/toy.zip", z, FixtureServer.Mode.NORMAL);
        server.bytesSent.set(0);
        fetcher().fetch(entry(url, sha(z), pinned()), new Fetcher.Options(false, false));
        assertEquals("bytes=" + kept + "-", server.ranges.get(server.ranges.size() - 1));
        assertEquals(z.length - kept, server.bytesSent.get());
        assertTrue(Fetcher.verify(entry(url, sha(z), pinned()), root.resolve("toy")).ok());
    }

    @Test
    void silentServerCountsAsCutShortAfterTheStallTimeout() throws Exception {
        byte[] z = zip(toyFiles());
        URI url = server.serve("/toy.zip", z, FixtureServer.Mode.STALL_HALF);
        PrintWriter out = new PrintWriter(log, true);
        Fetcher f = new Fetcher(new DataCache(root), new Downloader(Downloader.defaultClient(), Progress.NONE,
                java.time.Duration.ofMillis(500)), out);
        long t0 = System.nanoTime();
        IOException ex = assertThrows(IOException.class, () -> f.fetch(entry(url, sha(z), pinned()), new Fetcher.Options(false, false)));
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "gave up long before the server's 30 s silence ended");
        assertTrue(ex.getMessage().startsWith(url + ": download cut short after "), ex.getMessage());
        assertTrue(ex.getMessage().contains("(no data for 0.5 s)"), ex.getMessage());
        assertTrue(Files.size(root.resolve(".downloads/toy/toy.zip.part")) > 0);
    }

    @Test
    void partialDownloadIsResumedWithRangeAndVerifies() throws Exception {
        byte[] z = zip(toyFiles());
        URI url = server.serve("/toy.zip", z, FixtureServer.Mode.NORMAL);
        Path part = root.resolve(".downloads/toy/toy.zip.part");
        Files.createDirectories(part.getParent());
        int half = z.length / 2;
        Files.write(part, Arrays.copyOf(z, half));

        Fetcher.Result r = fetcher().fetch(entry(url, sha(z), pinned()), new Fetcher.Options(false, false));

        assertEquals(List.of("bytes=" + half + "-"), server.ranges);
        assertEquals(z.length - half, server.bytesSent.get(), "only the missing half was sent (206)");
        assertTrue(log.toString().contains(url + ": resuming at "), log.toString());
        assertTrue(Fetcher.verify(entry(url, sha(z), pinned()), r.dir()).ok());
        assertFalse(Files.exists(part));
    }

    @Test
    void serverThatIgnoresRangeGetsTheWholeFileAgain() throws Exception {
        byte[] z = zip(toyFiles());
        URI url = server.serve("/toy.zip", z, FixtureServer.Mode.IGNORE_RANGE);
        Path part = root.resolve(".downloads/toy/toy.zip.part");
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(z, 100));

        fetcher().fetch(entry(url, sha(z), pinned()), new Fetcher.Options(false, false));

        assertEquals(List.of("bytes=100-"), server.ranges);
        assertEquals(z.length, server.bytesSent.get());
        assertTrue(Fetcher.verify(entry(url, sha(z), pinned()), root.resolve("toy")).ok(), "200 restarted the .part, not appended to it");
    }

    @Test
    void httpErrorNamesUrlAndStatus() throws Exception {
        URI url = server.url("/missing.zip");
        IOException ex = assertThrows(IOException.class,
                () -> fetcher().fetch(entry(url, sha("x"), Map.of()), new Fetcher.Options(false, false)));
        assertEquals(url + ": HTTP 404 (expected 200)", ex.getMessage());
    }

    @Test
    void unpinnedFilesNeedInsecureFlagAndThenVerifyAgainstTheirSums() throws Exception {
        URI train = server.serve("/d/train.txt", "0 1 2\n1 2\n".getBytes(StandardCharsets.UTF_8), FixtureServer.Mode.NORMAL);
        URI test = server.serve("/d/test.txt", "0 3\n1 0\n".getBytes(StandardCharsets.UTF_8), FixtureServer.Mode.NORMAL);
        DatasetEntry e = new DatasetEntry("lgcn", "two plain files", "none", List.of(
                new DatasetEntry.Download(train, "train.txt", null, -1, false),
                new DatasetEntry.Download(test, "test.txt", null, -1, false)), Map.of(), "");

        ConfigError refused = assertThrows(ConfigError.class, () -> fetcher().fetch(e, new Fetcher.Options(false, false)));
        assertEquals("lgcn: no SHA-256 is pinned for " + train + ", so what arrives cannot be checked; rerun with"
                + " --insecure-no-checksum to accept it unchecked", refused.getMessage());
        assertTrue(server.ranges.isEmpty(), "refused before any request");

        Fetcher.Result r = fetcher().fetch(e, new Fetcher.Options(true, false));
        assertEquals(Map.of("test.txt", sha("0 3\n1 0\n"), "train.txt", sha("0 1 2\n1 2\n")), r.files());
        assertTrue(log.toString().contains("warning: " + train + " has no pinned SHA-256; accepted unchecked (sha256 "
                + sha("0 1 2\n1 2\n") + ")"), log.toString());
        Fetcher.Report v = Fetcher.verify(e, r.dir());
        assertTrue(v.ok());
        assertTrue(v.against().contains(DataCache.SUMS), v.against());

        Files.writeString(r.dir().resolve("test.txt"), "0 3\n");
        assertFalse(Fetcher.verify(e, r.dir()).ok());
        IOException none = assertThrows(IOException.class, () -> Fetcher.verify(e, tmp));
        assertTrue(none.getMessage().startsWith("lgcn: nothing to verify " + tmp + " against"), none.getMessage());
    }

    @Test
    void progressPrintsPlainLinesOffATerminalAndABarOnOne() {
        StringWriter plain = new StringWriter();
        Progress p = Progress.lines(new PrintWriter(plain), false);
        p.start("http://x/a.zip", 0, 2_000_000);
        for (long b = 100_000; b <= 2_000_000; b += 100_000) p.advance(b);
        p.finish(2_000_000);
        List<String> lines = plain.toString().lines().toList();
        assertEquals("http://x/a.zip (2.0 MB)", lines.get(0));
        assertEquals("  0.2 MB of 2.0 MB (10%)", lines.get(1));
        assertEquals("  1.8 MB of 2.0 MB (90%)", lines.get(9));
        assertEquals("  2.0 MB received", lines.get(10));
        assertEquals(11, lines.size());
        assertFalse(plain.toString().contains("\r"));

        StringWriter tty = new StringWriter();
        Progress bar = Progress.lines(new PrintWriter(tty), true);
        bar.start("http://x/a.zip", 1_000_000, 2_000_000);
        bar.finish(2_000_000);
        assertTrue(tty.toString().startsWith("http://x/a.zip: resuming at 1.0 MB (2.0 MB)\n"), tty.toString());
        assertTrue(tty.toString().endsWith("\r  [" + "#".repeat(30) + "] 100% 2.0 MB of 2.0 MB\n"), tty.toString());
    }
}
