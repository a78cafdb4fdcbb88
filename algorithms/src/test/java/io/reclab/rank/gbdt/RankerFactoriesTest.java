package io.reclab.rank.gbdt;

import io.reclab.rank.Ranker;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.rank.gbdt.GbdtFactory;
import io.reclab.rank.gbdt.GbdtLrConfig;
import io.reclab.rank.lr.LrConfig;
import io.reclab.rank.gbdt.GbdtLrFactory;
import io.reclab.rank.lr.LogisticRegression;
import io.reclab.rank.lr.LrFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RankerFactoriesTest {
    private static Registry<Ranker> registry() {
        return new Registry<Ranker>("rank model")
                .register(LrFactory.NAME, LrFactory.DESCRIPTION, new LrFactory())
                .register(GbdtFactory.NAME, GbdtFactory.DESCRIPTION, new GbdtFactory())
                .register(GbdtLrFactory.NAME, GbdtLrFactory.DESCRIPTION, new GbdtLrFactory());
    }

    private static ConfigBlock block(String hocon, String path) {
        return ConfigBlock.at(ConfigFactory.parseString(hocon), path);
    }

    @Test
    void lrReadsItsKeysAndRejectsTypos() {
        LogisticRegression lr = (LogisticRegression) registry().create("lr",
                block("rank.lr { optimizer = sgd, learning-rate = 0.1, batch-size = 64, epochs = 2 }", "rank.lr"));
        assertEquals("sgd", lr.config().optimizer());
        assertEquals(64, lr.config().batchSize());
        assertEquals(LrConfig.defaults().alpha(), lr.config().alpha()); // default kept
        ConfigError e = assertThrows(ConfigError.class, () -> registry().create("lr", block("rank.lr { alpah = 0.1 }", "rank.lr")));
        assertTrue(e.getMessage().contains("did you mean `alpha`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> registry().create("lr", block("rank.lr { optimizer = adam }", "rank.lr")));
        assertTrue(e.getMessage().contains("rank.lr.optimizer"), e.getMessage());
    }

    @Test
    void gbdtLrNestsTheLrBlock() {
        ConfigBlock b = block("m { trees = 10, depth = 3, leaves = 8, lr { alpha = 0.2 }, original-features = false }", "m");
        GbdtLrConfig c = GbdtLrConfig.from(b);
        b.finish();
        assertEquals(10, c.gbdt().trees());
        assertEquals(8, c.gbdt().leaves());
        assertEquals(0.2, c.lr().alpha());
        assertFalse(c.originalFeatures());
        assertNotNull(registry().create("gbdt-lr", block("m { bins = 32 }", "m")));
        ConfigError e = assertThrows(ConfigError.class, () -> GbdtLrConfig.from(block("m { lr { alfa = 1 } }", "m")));
        assertTrue(e.getMessage().contains("m.lr") && e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> registry().create("gbdt", block("m { bins = 1 }", "m")));
        assertTrue(e.getMessage().contains("m.bins"), e.getMessage());
    }
}
