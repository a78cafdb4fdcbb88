package io.reclab.rank.source;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.util.Seeds;
import io.reclab.data.DataFormatException;
import io.reclab.data.loader.Sha256;
import io.reclab.rank.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CtrSourceTest {
    @TempDir
    Path dir;

    private CtrSourceConfig parse(String hocon) {
        ConfigBlock b = ConfigBlock.at(ConfigFactory.parseString("ctr { " + hocon + " }"), "ctr");
        return CtrSourceConfig.from(b, 2026L);
    }

    private static String sha(String... texts) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (String t : texts) d.update(t.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void predefinedFilesResolveAgainstDirAndRandomSplitDerivesItsSeed() {
        CtrSourceConfig c = parse("format = csv, dir = \"" + dir + "\", train = a.csv, valid = b.csv, test = \"/abs/c.csv\","
                + " categorical = [x]");
        assertEquals(dir.resolve("a.csv"), c.train());
        assertEquals(dir.resolve("b.csv"), c.valid());
        assertEquals(Path.of("/abs/c.csv"), c.test(), "absolute names are kept");
        assertFalse(c.isRandomSplit());
        assertEquals(List.of("train", "valid", "test"), List.copyOf(c.files().keySet()));

        CtrSourceConfig r = parse("format = criteo, path = train.txt");
        assertArrayEquals(new double[] {0.8, 0.1, 0.1}, r.splitRatio());
        assertEquals(Seeds.derive(2026L, "ctr.split"), r.seed(), "default seed derived from the master seed");
        assertEquals(5L, parse("format = criteo, path = t.txt, seed = 5").seed());
    }

    @Test
    void mistakesAreOneLineConfigErrors() {
        assertEquals("`ctr.format` = tsv: expected one of criteo, avazu, csv, libsvm",
                assertThrows(ConfigError.class, () -> parse("format = tsv, train = a, test = b")).getMessage());
        assertEquals("unknown key `categoricals` in ctr; did you mean `categorical`?",
                assertThrows(ConfigError.class, () -> parse("format = csv, train = a, test = b, categoricals = [x]")).getMessage());
        assertEquals("`ctr.field-mode` applies to format = libsvm only (this block has format = csv)",
                assertThrows(ConfigError.class, () -> parse("format = csv, train = a, test = b, field-mode = single")).getMessage());
        assertTrue(assertThrows(ConfigError.class, () -> parse("format = csv, train = a"))
                .getMessage().startsWith("`ctr`: missing `test`"));
        assertTrue(assertThrows(ConfigError.class, () -> parse("format = libsvm, train = a, test = b, path = c"))
                .getMessage().contains("not both"));
        assertTrue(assertThrows(ConfigError.class, () -> parse("format = avazu, path = a, split-ratio = [0.8, 0.3, 0.1]"))
                .getMessage().startsWith("`ctr.split-ratio` = [0.8, 0.3, 0.1]: expected train > 0"));
        assertTrue(assertThrows(ConfigError.class, () -> parse("format = avazu, train = a, test = b, seed = 3"))
                .getMessage().startsWith("`ctr.seed` applies to one `path`"));
    }

    @Test
    void csvPartsShareUsersVocabularyIsFittedOnTrainOnlyAndProvenanceHashesTheFiles() throws Exception {
        String train = "label,user,item\n1,u1,a\n0,u2,b\n1,u1,a\n0,u3,c\n";
        String valid = "label,user,item\n1,u2,a\n0,u4,d\n";
        String test = "label,user,item\n1,u4,a\n0,u1,z\n0,u2,b\n";
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("valid.csv"), valid);
        Files.writeString(dir.resolve("test.csv"), test);
        CtrSourceConfig c = parse("format = csv, name = tiny, dir = \"" + dir + "\", train = train.csv, valid = valid.csv,"
                + " test = test.csv, categorical = [user, item], user-column = user");
        CtrData d = CtrSource.load(c, null);
        // vocabulary from train only: user {u1,u2,u3} + OOV = 4 ids, item {a,b,c} + OOV = 4 ids -> 8 features
        assertEquals(8, d.train().numFeatures());
        assertEquals(2, d.train().numFields());
        // users numbered over all files in reading order: u1=0, u2=1, u3=2 (train), u4=3 (valid)
        assertEquals(List.of("u1", "u2", "u3", "u4"), d.users().externals());
        assertArrayEquals(new int[] {0, 1, 0, 2}, d.train().users());
        assertArrayEquals(new int[] {3, 0, 1}, d.test().users());
        assertArrayEquals(new int[] {2, 1, 1, 0}, d.trainUserCounts());
        // ids: 0 = OOV, then train values in lexicographic order; user field at offset 0, item field at offset 4.
        // test row 0 (u4, a): u4 unseen in train -> OOV 0; a -> 4 + 1 = 5.  row 1 (u1, z): u1 -> 1; z -> OOV 4 + 0 = 4
        Samples t = d.test();
        assertArrayEquals(new int[] {0, 5, 1, 4}, java.util.Arrays.copyOf(t.featIds(), 4));
        assertEquals(sha(train, valid, test), d.sha256(), "cat train valid test | sha256sum");
        assertEquals(Sha256.ofFiles(List.of(dir.resolve("train.csv"), dir.resolve("valid.csv"), dir.resolve("test.csv"))), d.sha256());
        assertTrue(d.source().contains("valid=" + dir.resolve("valid.csv") + " (sha256 " + sha(valid) + ")"), d.source());
        assertEquals(0.5, d.extras().get("data.train_positive_rate"), 1e-12); // 2 of 4
        assertEquals(1.0 / 3, d.extras().get("data.test_positive_rate"), 1e-12); // 1 of 3
        assertEquals(9, d.info().interactions());
        assertEquals(4, d.info().users());
        assertEquals("predefined train/valid/test files", d.protocol());
    }

    @Test
    void libsvmRandomSplitKeepsTheFeatureSpaceAndCountsRows() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) sb.append(i % 2).append(' ').append(i % 3).append(":1 ").append(3 + i % 5).append(":1\n");
        Files.writeString(dir.resolve("all.libfm"), sb.toString());
        CtrData d = CtrSource.load(parse("format = libsvm, path = \"" + dir.resolve("all.libfm") + "\", seed = 9"), null);
        // 20 rows: test = ceil(2) = 2, valid = 2, train = 16; max index 7 -> 8 features; 2 tokens per line -> 2 fields
        assertArrayEquals(new int[] {16, 2, 2}, new int[] {d.train().size(), d.valid().size(), d.test().size()});
        assertEquals(8, d.test().numFeatures());
        assertEquals(2, d.test().numFields());
        assertNull(d.features());
        assertEquals(0, d.users().size());
        assertEquals("random rows 0.8/0.1/0.1 (seed 9)", d.protocol());
        double pos = 0;
        for (float l : d.train().labels()) pos += l;
        assertEquals(pos / 16, d.extras().get("data.train_positive_rate"), 1e-12);
    }

    @Test
    void missingFileNamesTheKeyAndMalformedLinesNameFileAndLine() throws IOException {
        CtrSourceConfig c = parse("format = csv, dir = \"" + dir + "\", train = train.csv, test = test.csv, categorical = [x]");
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> CtrSource.load(c, null));
        assertEquals("ctr.train: no such file " + dir.resolve("train.csv"), e.getMessage());
        Files.writeString(dir.resolve("train.csv"), "label,x\n1,a\nyes,b\n");
        Files.writeString(dir.resolve("test.csv"), "label,x\n1,a\n");
        DataFormatException f = assertThrows(DataFormatException.class, () -> CtrSource.load(c, null));
        assertTrue(f.getMessage().startsWith(dir.resolve("train.csv") + ":3: label `yes`"), f.getMessage());
    }
}
