package io.reclab.cli;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.recall.als.AlsConfig;
import io.reclab.recall.bpr.BprConfig;
import io.reclab.recall.item2vec.Item2VecConfig;
import io.reclab.recall.itemcf.ItemCfConfig;
import io.reclab.recall.lightgcn.LightGcnConfig;
import io.reclab.recall.rp3beta.Rp3BetaConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped {@code conf/recall/*.conf (those listed below)} files and the typed records' defaults must say the same
 * thing, so a model built in code (or from an empty block) behaves like the one the CLI runs. Every key of each file
 * must also be read by the record (an unread key would be a typo the registry rejects).
 */
class ShippedRecallDefaultsTest {
    private static Path recallConf(String name) {
        for (Path dir : new Path[]{Path.of("conf", "recall"), Path.of("experiments", "conf", "recall")})
            if (Files.isRegularFile(dir.resolve(name + ".conf"))) return dir.resolve(name + ".conf");
        throw new AssertionError("conf/recall/" + name + ".conf not found from " + Path.of("").toAbsolutePath());
    }

    private static <T> void assertFileEqualsDefaults(String name, Function<ConfigBlock, T> parse) {
        ConfigBlock file = new ConfigBlock(ConfigFactory.parseFile(recallConf(name).toFile()), "recall." + name);
        T fromFile = parse.apply(file);
        file.finish(); // throws on a key the record did not read
        T defaults = parse.apply(new ConfigBlock(ConfigFactory.empty(), "recall." + name));
        assertEquals(defaults, fromFile, name + ".conf differs from the record's defaults");
    }

    @Test
    void alsConfMatchesRecord() {
        assertFileEqualsDefaults("als", AlsConfig::from);
        assertEquals(AlsConfig.defaults(), AlsConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.als")));
    }

    @Test
    void bprConfMatchesRecord() {
        assertFileEqualsDefaults("bpr", BprConfig::from);
    }

    @Test
    void lightGcnConfMatchesRecord() {
        assertFileEqualsDefaults("lightgcn", LightGcnConfig::from);
    }

    @Test
    void itemCfConfMatchesRecord() {
        assertFileEqualsDefaults("itemcf", ItemCfConfig::from);
        assertEquals(ItemCfConfig.DEFAULTS, ItemCfConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.itemcf")));
    }

    @Test
    void contentKnnConfMatchesRecord() {
        assertFileEqualsDefaults("content-knn", io.reclab.recall.content.ContentKnnConfig::from);
        assertEquals(io.reclab.recall.content.ContentKnnConfig.DEFAULTS,
                io.reclab.recall.content.ContentKnnConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.content-knn")));
    }

    @Test
    void item2VecConfMatchesRecord() {
        assertFileEqualsDefaults("item2vec", Item2VecConfig::from);
        assertEquals(Item2VecConfig.defaults(), Item2VecConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.item2vec")));
    }

    @Test
    void rp3BetaConfMatchesRecord() {
        assertFileEqualsDefaults("rp3beta", Rp3BetaConfig::from);
        assertEquals(Rp3BetaConfig.DEFAULTS, Rp3BetaConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.rp3beta")));
    }
}
