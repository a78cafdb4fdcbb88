package io.reclab.data.loader;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where a dataset block's files are looked for: {@code path}, else the fetch cache ({@code -Dreclab.data} here, as
 * {@code RECLAB_DATA} cannot be set from a test), else {@code dev-path}; and the one-line message when none holds it.
 */
class DatasetLocationTest {
    @TempDir Path tmp;
    private String saved;

    @BeforeEach
    void pointCacheAtTemp() {
        saved = io.reclab.testing.CacheProperty.pointAt(tmp.resolve("cache")); // RECLAB_DATA cannot be set from a test
    }

    @AfterEach
    void restore() {
        io.reclab.testing.CacheProperty.restore(saved);
    }

    private static ConfigBlock block(String hocon) {
        return ConfigBlock.at(ConfigFactory.parseString("dataset { " + hocon + " }"), "dataset");
    }

    private Dataset load100k(String hocon) throws Exception {
        return new MovieLens100kFactory().create(block(hocon)).load();
    }

    @Test
    void cacheFolderIsReadWhenPathIsUnset() throws Exception {
        Fixtures.write(tmp.resolve("cache/ml-100k"), "u.data", "1\t10\t5\t100", "2\t10\t3\t101");
        Fixtures.write(tmp.resolve("dev"), "u.data", "1\t10\t5\t100");
        Dataset ds = load100k("fetch = ml-100k, dev-path = \"" + tmp.resolve("dev") + "\"");
        assertEquals(2, ds.interactions().size(), "the cache comes before dev-path");
        assertEquals("ml-100k", ds.info().name(), "named after the cache folder");
    }

    @Test
    void devPathIsReadWhenTheCacheHasNothing() throws Exception {
        Fixtures.write(tmp.resolve("dev"), "u.data", "1\t10\t5\t100");
        assertEquals(1, load100k("fetch = ml-100k, dev-path = \"" + tmp.resolve("dev") + "\"").interactions().size());
    }

    @Test
    void explicitPathWinsOverTheCache() throws Exception {
        Fixtures.write(tmp.resolve("cache/ml-100k"), "u.data", "1\t10\t5\t100", "2\t10\t3\t101");
        Fixtures.write(tmp.resolve("mine"), "u.data", "1\t10\t5\t100");
        assertEquals(1, load100k("fetch = ml-100k, path = \"" + tmp.resolve("mine") + "\"").interactions().size());
    }

    @Test
    void fetchFileNamesTheFileInsideTheCacheFolder() throws Exception {
        Fixtures.write(tmp.resolve("cache/lastfm-2k"), "user_artists.dat", "userID\tartistID\tweight", "2\t51\t13883");
        Dataset ds = new DelimitedFactory().create(block("fetch = lastfm-2k, fetch-file = user_artists.dat, delimiter = \"\\t\","
                + " columns { user = userID, item = artistID, rating = weight }")).load();
        assertEquals(1, ds.interactions().size());
    }

    @Test
    void foundNowhereSaysTheFetchCommandInOneLine() {
        Path dev = tmp.resolve("no-dev");
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> load100k("fetch = ml-100k, dev-path = \"" + dev + "\""));
        assertEquals("dataset ml-100k not found in " + tmp.resolve("cache/ml-100k") + " ($RECLAB_DATA, default ~/.reclab/data) nor "
                + dev + ": run `./reclab data fetch ml-100k`, or point dataset.path= at a folder with u.data", e.getMessage());
    }

    @Test
    void missingFileUnderAGivenPathEndsWithWhatToDo() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> load100k("fetch = ml-100k, path = \"" + tmp.resolve("empty") + "\""));
        assertTrue(e.getMessage().startsWith(tmp.resolve("empty").resolve("u.data") + ": file not found (expected"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; `./reclab data fetch ml-100k` downloads it (read when dataset.path is unset),"
                + " or point dataset.path= at a folder with u.data"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        // a format without a catalogue name only says dataset.path=
        FileNotFoundException csv = assertThrows(FileNotFoundException.class,
                () -> new DelimitedFactory().create(block("path = \"" + tmp.resolve("none.csv") + "\"")).load());
        assertTrue(csv.getMessage().endsWith("; point dataset.path= at the interaction file"), csv.getMessage());
    }

    @Test
    void unknownFetchNameIsAConfigErrorWithASuggestion() {
        ConfigError e = assertThrows(ConfigError.class, () -> load100k("fetch = ml100k"));
        assertTrue(e.getMessage().startsWith("`dataset.fetch`: unknown dataset `ml100k`; did you mean `ml-100k`?"), e.getMessage());
    }

    @Test
    void withoutPathOrFetchPathIsRequired() {
        ConfigError e = assertThrows(ConfigError.class, () -> load100k("name = x"));
        assertTrue(e.getMessage().contains("missing required key `dataset.path`"), e.getMessage());
    }
}
