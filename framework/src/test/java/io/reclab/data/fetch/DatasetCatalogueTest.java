package io.reclab.data.fetch;

import io.reclab.config.ConfigError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The built-in catalogue: official addresses, pinned values where found (and none made up where not), and the pinned
 * file hashes against the development copies beside the project ({@code ../shared/data}, skipped when absent).
 */
class DatasetCatalogueTest {
    private final DatasetCatalogue cat = DatasetCatalogue.builtIn();

    @Test
    void listsTheStarterDatasetsAtTheirOfficialAddresses() {
        assertEquals(List.of("ml-100k", "ml-1m", "ml-20m", "ml-25m", "ml-latest-small", "lastfm-2k", "lightgcn-gowalla",
                "lightgcn-yelp2018", "lightgcn-amazon-book", "frappe-x1", "movielenslatest-x1"),
                cat.entries().stream().map(DatasetEntry::name).toList());
        for (String ml : List.of("ml-100k", "ml-1m", "ml-20m", "ml-25m", "ml-latest-small"))
            assertEquals("https://files.grouplens.org/datasets/movielens/" + ml + ".zip", cat.get(ml).downloads().get(0).url().toString());
        assertEquals("https://files.grouplens.org/datasets/hetrec2011/hetrec2011-lastfm-2k.zip",
                cat.get("lastfm-2k").downloads().get(0).url().toString());
        assertEquals(List.of("https://raw.githubusercontent.com/kuandeng/LightGCN/master/Data/yelp2018/train.txt",
                        "https://raw.githubusercontent.com/kuandeng/LightGCN/master/Data/yelp2018/test.txt"),
                cat.get("lightgcn-yelp2018").downloads().stream().map(d -> d.url().toString()).toList());
        for (DatasetEntry e : cat.entries())
            for (DatasetEntry.Download d : e.downloads()) assertEquals("https", d.url().getScheme(), d.url().toString());
    }

    @Test
    void pinsOnlyWhatWasFoundPublishedAndSaysWhere() {
        // the MovieLens archives (TensorFlow Datasets' checksums) and Last.fm's; not the LightGCN or BARS files
        for (String n : List.of("ml-100k", "ml-1m", "ml-20m", "ml-25m", "ml-latest-small", "lastfm-2k")) {
            assertTrue(cat.get(n).fullyPinned(), n);
            assertFalse(cat.get(n).pinnedFrom().isEmpty(), n);
        }
        assertEquals("50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229", cat.get("ml-100k").downloads().get(0).sha256());
        assertEquals(4_924_029L, cat.get("ml-100k").downloads().get(0).bytes());
        for (String n : List.of("lightgcn-gowalla", "lightgcn-yelp2018", "lightgcn-amazon-book", "frappe-x1", "movielenslatest-x1")) {
            assertFalse(cat.get(n).fullyPinned(), n);
            assertTrue(cat.get(n).downloads().stream().allMatch(d -> d.sha256() == null), n);
            assertTrue(cat.get(n).files().isEmpty(), n);
        }
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        ConfigError e = assertThrows(ConfigError.class, () -> cat.get("ml100k"));
        assertTrue(e.getMessage().startsWith("unknown dataset `ml100k`; did you mean `ml-100k`?"), e.getMessage());
        assertTrue(e.getMessage().contains("lightgcn-gowalla"), e.getMessage());
    }

    @Test
    void entriesRejectMalformedValues() {
        DatasetEntry.Download d = DatasetEntry.Download.zip("https://example.org/a.zip", null, -1);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DatasetEntry.Download.zip("https://example.org/a.zip", "abc", -1));
        assertTrue(bad.getMessage().contains("expected 64 hex digits"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DatasetEntry("Bad Name", "t", "t", List.of(d), Map.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> new DatasetEntry("a", "t", "t", List.of(d), Map.of("x", "00"), ""));
        assertThrows(IllegalArgumentException.class, () -> new DatasetCatalogue(List.of(
                new DatasetEntry("a", "t", "t", List.of(d), Map.of(), ""), new DatasetEntry("a", "t", "t", List.of(d), Map.of(), ""))));
    }

    private static Path shared(String name) {
        for (Path p : List.of(Path.of("../shared/data", name), Path.of("../../shared/data", name)))
            if (Files.isDirectory(p)) return p;
        return null;
    }

    @Test
    void pinnedFileHashesMatchTheDevelopmentCopies() throws IOException {
        int checked = 0;
        for (String n : List.of("ml-100k", "ml-latest-small", "lastfm-2k")) {
            Path dir = shared(n);
            if (dir == null) continue;
            Fetcher.Report r = Fetcher.verify(cat.get(n), dir);
            assertTrue(r.ok(), n + ": " + r.checks());
            assertEquals(cat.get(n).files().size(), r.checks().size());
            checked++;
        }
        Assumptions.assumeTrue(checked > 0, "no ../shared/data copies of ml-100k, ml-latest-small or lastfm-2k; skipping");
    }
}
