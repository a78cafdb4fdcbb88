package io.reclab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code reclab data list | fetch | verify} without the network (the downloads themselves are tested against a local
 * server in the framework), and the one-line message an experiment gives when its dataset is nowhere.
 */
class DataCliTest {
    @TempDir
    Path tmp;
    private String saved;

    @BeforeEach
    void emptyCache() {
        saved = io.reclab.testing.CacheProperty.pointAt(tmp.resolve("cache")); // RECLAB_DATA cannot be set from a test
    }

    @AfterEach
    void restore() {
        io.reclab.testing.CacheProperty.restore(saved);
    }

    @Test
    void listShowsAddressesChecksumsAndWhatIsUnpinned() throws IOException {
        Files.createDirectories(tmp.resolve("cache/ml-1m"));
        CliRun r = CliRun.of("data", "list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Datasets for `reclab data fetch NAME`, kept in " + tmp.resolve("cache") + ":", lines.get(0));
        assertTrue(r.out().contains("\nml-100k  [not fetched]\n"), r.out());
        assertTrue(r.out().contains("\nml-1m  [fetched: " + tmp.resolve("cache/ml-1m") + "]\n"), r.out());
        assertTrue(r.out().contains("  https://files.grouplens.org/datasets/movielens/ml-100k.zip (4,924,029 bytes)\n"
                + "    sha256 50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229\n"), r.out());
        int gowalla = lines.indexOf("lightgcn-gowalla  [not fetched]");
        assertTrue(gowalla > 0, r.out());
        assertEquals("  https://raw.githubusercontent.com/kuandeng/LightGCN/master/Data/gowalla/train.txt", lines.get(gowalla + 2));
        assertEquals("  no pinned checksum: fetch refuses unless --insecure-no-checksum", lines.get(gowalla + 4));
        for (String n : List.of("ml-20m", "ml-25m", "ml-latest-small", "lastfm-2k", "lightgcn-yelp2018", "lightgcn-amazon-book",
                "frappe-x1", "movielenslatest-x1"))
            assertTrue(r.out().contains("\n" + n + "  ["), n);
    }

    @Test
    void fetchRefusesUnpinnedFilesAndUnknownNamesBeforeAnyDownload() {
        CliRun r = CliRun.of("data", "fetch", "lightgcn-gowalla");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("reclab: configuration error: lightgcn-gowalla: no SHA-256 is pinned for "
                + "https://raw.githubusercontent.com/kuandeng/LightGCN/master/Data/gowalla/train.txt, so what arrives cannot be"
                + " checked; rerun with --insecure-no-checksum to accept it unchecked", r.err().trim());
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing was created");

        CliRun u = CliRun.of("data", "fetch", "ml100k");
        assertEquals(2, u.code());
        assertTrue(u.err().contains("unknown dataset `ml100k`; did you mean `ml-100k`?"), u.err());
        assertEquals(1, u.err().trim().lines().count());
    }

    @Test
    void fetchOfAPresentDatasetSaysSoWithoutDownloading() throws IOException {
        Path other = tmp.resolve("other-cache");
        Files.createDirectories(other.resolve("ml-100k"));
        CliRun r = CliRun.of("data", "fetch", "ml-100k", "--cache", other.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("ml-100k is already in " + other.resolve("ml-100k") + "; `reclab data verify ml-100k` checks it, --force"
                + " fetches it again", r.out().trim());
    }

    @Test
    void verifyPassesOnTheDevelopmentCopyOfMl100k() {
        Path shared = null;
        for (Path p : List.of(Path.of("../shared/data/ml-100k"), Path.of("../../shared/data/ml-100k")))
            if (Files.isDirectory(p)) shared = p;
        Assumptions.assumeTrue(shared != null, "ml-100k not found at ../shared/data/ml-100k; skipping");
        CliRun r = CliRun.of("data", "verify", "ml-100k", "--path", shared.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  ok        u.data\n"), r.out());
        assertTrue(r.out().trim().endsWith("11 of 11 files match"), r.out());
    }

    @Test
    void verifyFailsInOneLineNamingTheBadFile() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Files.writeString(copy.resolve("u.data"), "1\t2\t5\t881250949\n");
        CliRun r = CliRun.of("data", "verify", "ml-100k", "--path", copy.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  MISMATCH  u.data: expected 06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490, got "),
                r.out());
        assertTrue(r.out().contains("  MISSING   u.item\n"), r.out());
        assertEquals("reclab: data error: " + copy + ": 11 of 11 files of ml-100k fail verification (README is missing, ...)",
                r.err().trim());

        CliRun none = CliRun.of("data", "verify", "ml-1m");
        assertEquals(3, none.code());
        assertTrue(none.err().contains("`./reclab data fetch ml-1m`"), none.err());
        assertEquals(1, none.err().trim().lines().count());
    }

    @Test
    void experimentWhoseDatasetIsNowhereSaysTheFetchCommand() {
        Path runs = tmp.resolve("runs");
        CliRun r = CliRun.of("run", "ml100k-recall", "--runs", runs.toString(), "dataset.dev-path=" + tmp.resolve("no-copy"));
        assertEquals(3, r.code(), r.out() + r.err());
        assertEquals("reclab: data error: dataset ml-100k not found in " + tmp.resolve("cache/ml-100k")
                + " ($RECLAB_DATA, default ~/.reclab/data) nor " + tmp.resolve("no-copy")
                + ": run `./reclab data fetch ml-100k`, or point dataset.path= at a folder with u.data", r.err().trim());
        assertFalse(Files.exists(runs), "no run folder until the data is found");

        CliRun g = CliRun.of("run", "lightgcn-protocol", "--runs", runs.toString());
        assertEquals(3, g.code(), g.out() + g.err());
        assertTrue(g.err().contains("run `./reclab data fetch lightgcn-gowalla`, or point dataset.path= at a folder with"
                + " train.txt and test.txt"), g.err());
        assertEquals(1, g.err().trim().lines().count());
    }
}
