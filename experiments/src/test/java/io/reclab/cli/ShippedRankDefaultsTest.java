package io.reclab.cli;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.rank.dcn.DcnConfig;
import io.reclab.rank.deepfm.DeepFmConfig;
import io.reclab.rank.ffm.FfmConfig;
import io.reclab.rank.fm.FmConfig;
import io.reclab.rank.gbdt.GbdtConfig;
import io.reclab.rank.gbdt.GbdtLrConfig;
import io.reclab.rank.lr.LrConfig;
import io.reclab.rank.widedeep.WideDeepConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped {@code conf/rank/*.conf} files and the typed records' defaults must say the same thing (as
 * {@link ShippedRecallDefaultsTest} checks for recall), so a ranker built in code, from an empty block or by the CLI
 * trains alike. Every key of each file must be read by the record (an unread key is a typo the registry rejects).
 */
class ShippedRankDefaultsTest {
    private static Path rankConf(String name) {
        for (Path dir : new Path[]{Path.of("conf", "rank"), Path.of("experiments", "conf", "rank")})
            if (Files.isRegularFile(dir.resolve(name + ".conf"))) return dir.resolve(name + ".conf");
        throw new AssertionError("conf/rank/" + name + ".conf not found from " + Path.of("").toAbsolutePath());
    }

    private static <T> T parseFile(String name, Function<ConfigBlock, T> parse) {
        ConfigBlock file = new ConfigBlock(ConfigFactory.parseFile(rankConf(name).toFile()), "rank." + name);
        file.getString("model", name); // the registry reads `model` (an option file may name another model)
        T fromFile = parse.apply(file);
        file.finish(); // throws on a key the record did not read
        return fromFile;
    }

    private static <T> void assertFileEqualsDefaults(String name, Function<ConfigBlock, T> parse, T defaults) {
        T fromFile = parseFile(name, parse);
        T empty = parse.apply(new ConfigBlock(ConfigFactory.empty(), "rank." + name));
        assertEquals(defaults, empty, "rank." + name + ": the record's defaults() differ from an empty block");
        assertEquals(defaults, fromFile, name + ".conf differs from the record's defaults");
    }

    @Test
    void lrConfMatchesRecord() { assertFileEqualsDefaults("lr", LrConfig::from, LrConfig.defaults()); }

    @Test
    void fmConfMatchesRecord() { assertFileEqualsDefaults("fm", FmConfig::from, FmConfig.defaults()); }

    @Test
    void ffmConfMatchesRecord() { assertFileEqualsDefaults("ffm", FfmConfig::from, FfmConfig.defaults()); }

    @Test
    void wideDeepConfMatchesRecord() {
        assertFileEqualsDefaults("widedeep", WideDeepConfig::from, WideDeepConfig.defaults());
    }

    @Test
    void deepFmConfMatchesRecord() { assertFileEqualsDefaults("deepfm", DeepFmConfig::from, DeepFmConfig.defaults()); }

    @Test
    void dcnConfMatchesRecord() { assertFileEqualsDefaults("dcn", DcnConfig::from, DcnConfig.defaults()); }

    @Test
    void gbdtConfMatchesRecord() {
        assertFileEqualsDefaults("gbdt", GbdtConfig::from, GbdtConfig.defaults());
    }

    @Test
    void gbdtLrConfMatchesRecord() {
        assertFileEqualsDefaults("gbdt-lr", GbdtLrConfig::from, GbdtLrConfig.defaults());
        assertEquals(GbdtConfig.defaults(), GbdtLrConfig.defaults().gbdt());
    }
}
