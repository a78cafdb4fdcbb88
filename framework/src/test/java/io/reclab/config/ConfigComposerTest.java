package io.reclab.config;

import io.reclab.util.Seeds;
import com.typesafe.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ConfigComposerTest {
    @TempDir
    Path conf;
    ConfigComposer composer;

    private void write(String rel, String text) throws IOException {
        Path p = conf.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void setUp() throws IOException {
        write("dataset/synthetic.conf", "format = synthetic\nusers = 100\n");
        write("dataset/ml-100k.conf", "format = movielens-100k\npath = /data/ml-100k\n");
        write("split/random.conf", "method = random\ntest-ratio = 0.2\n");
        write("split/leave-one-out.conf", "method = leave-one-out\n");
        write("recall/pop.conf", "");
        write("recall/itemcf.conf", "neighbors = 100\nshrinkage = 10\n");
        write("recall/als.conf", "factors = 64\n");
        write("experiment/demo.conf", """
                defaults { dataset = synthetic, split = random, recall = [pop, itemcf] }
                seed = 1
                recall.itemcf.neighbors = 20
                """);
        composer = new ConfigComposer(new ConfigSource(List.of(conf), getClass().getClassLoader(),
                Set.of("dataset", "split", "recall", "evaluation")));
    }

    @Test
    void groupFilesSitUnderTheirGroupAndExperimentOverridesThem() {
        Config c = composer.compose("demo", List.of()).config();
        assertEquals("synthetic", c.getString("dataset.format"));
        assertEquals(100, c.getInt("dataset.users"));
        assertEquals(0.2, c.getDouble("split.test-ratio"));
        assertEquals(20, c.getInt("recall.itemcf.neighbors"), "experiment beats group default");
        assertEquals(10, c.getInt("recall.itemcf.shrinkage"), "group default kept");
        assertEquals(List.of("pop", "itemcf"), c.getStringList("defaults.recall"));
        assertEquals("demo", c.getString("experiment.name"));
        assertFalse(c.hasPath("recall.als"), "unselected option not composed");
    }

    @Test
    void commandLineSwapsGroupsAndSetsFieldsLast() {
        Config c = composer.compose("demo", List.of("dataset=ml-100k", "split=leave-one-out", "recall=pop,als",
                "recall.als.factors=16", "seed=7", "dataset.path=/other")).config();
        assertEquals("movielens-100k", c.getString("dataset.format"));
        assertEquals("/other", c.getString("dataset.path"));
        assertEquals("leave-one-out", c.getString("split.method"));
        assertFalse(c.hasPath("split.test-ratio"), "old group option's keys are gone");
        assertEquals(List.of("pop", "als"), c.getStringList("defaults.recall"));
        assertEquals(16, c.getInt("recall.als.factors"));
        assertEquals(7, c.getInt("seed"));
    }

    @Test
    void aValueThatIsNotHoconIsAString() {
        Config c = composer.compose("demo", List.of("dataset.path=/tmp/a b:c")).config();
        assertEquals("/tmp/a b:c", c.getString("dataset.path"));
    }

    @Test
    void unknownOptionListsTheKnownOnesWithASuggestion() {
        ConfigError e = assertThrows(ConfigError.class, () -> composer.compose("demo", List.of("recall=pop,itemfc")));
        assertTrue(e.getMessage().contains("unknown recall option `itemfc`"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean `itemcf`"), e.getMessage());
        assertTrue(e.getMessage().contains("als, itemcf, pop"), e.getMessage());
    }

    @Test
    void unknownExperimentAndSingleGroupWithTwoOptionsAreErrors() {
        assertThrows(ConfigError.class, () -> composer.compose("nope", List.of()));
        ConfigError e = assertThrows(ConfigError.class, () -> composer.compose("demo", List.of("dataset=synthetic,ml-100k")));
        assertTrue(e.getMessage().contains("takes one option"));
    }

    @Test
    void experimentCanBeAPath() throws IOException {
        Path f = conf.resolve("mine.conf");
        Files.writeString(f, "defaults { dataset = synthetic, recall = [pop] }\n");
        ConfigComposer.Composed c = composer.compose(f.toString(), List.of());
        assertEquals("mine", c.experiment());
        assertEquals("synthetic", c.config().getString("dataset.format"));
    }

    @Test
    void optionNamesCannotEscapeTheConfFolder() {
        assertThrows(ConfigError.class, () -> composer.compose("demo", List.of("dataset=../../etc/passwd")));
    }

    @Test
    void blockRejectsUnknownKeyWithSuggestion() {
        Config c = composer.compose("demo", List.of("recall.itemcf.neighbours=5")).config();
        ConfigBlock b = ConfigBlock.at(c, "recall.itemcf");
        b.getInt("neighbors", 100);
        b.getDouble("shrinkage", 0.0);
        ConfigError e = assertThrows(ConfigError.class, b::finish);
        assertEquals("unknown key `neighbours` in recall.itemcf; did you mean `neighbors`?", e.getMessage());
    }

    @Test
    void blockValidatesTypesAndRanges() {
        Config c = composer.compose("demo", List.of("recall.itemcf.neighbors=-3", "recall.itemcf.shrinkage=abc")).config();
        ConfigBlock b = ConfigBlock.at(c, "recall.itemcf");
        ConfigError e1 = assertThrows(ConfigError.class, () -> b.positiveInt("neighbors", 100));
        assertEquals("`recall.itemcf.neighbors` = -3: expected a positive integer", e1.getMessage());
        ConfigError e2 = assertThrows(ConfigError.class, () -> b.getDouble("shrinkage", 0.0));
        assertTrue(e2.getMessage().startsWith("`recall.itemcf.shrinkage` = \"abc\": expected a number"), e2.getMessage());
    }

    @Test
    void seedsDependOnPathOnly() {
        assertEquals(Seeds.derive(1, "recall.bpr"), Seeds.derive(1, "recall.bpr"));
        assertNotEquals(Seeds.derive(1, "recall.bpr"), Seeds.derive(1, "recall.als"));
        assertNotEquals(Seeds.derive(1, "recall.bpr"), Seeds.derive(2, "recall.bpr"));
    }
}
