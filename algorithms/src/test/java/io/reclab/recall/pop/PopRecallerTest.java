package io.reclab.recall.pop;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.recall.Recaller;
import io.reclab.recall.neighbors.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PopRecallerTest {
    @Test
    void scoresAreTrainingCountsForEveryUser() {
        // item 0: u0 twice + u1 = 3 rows; item 1: u1 = 1; item 2: never; item 3: u0, u2 = 2
        PopRecaller.Fitted m = new PopRecaller(new PopConfig()).fit(Fixtures.context(
                Fixtures.log(4, new int[][]{{0, 0, 3}, {0, 1}, {3}}), 1, 1));
        assertArrayEquals(new float[]{3, 1, 0, 2}, m.score(0));
        float[][] all = Fixtures.scoreAll(m, 3);
        for (float[] row : all) assertArrayEquals(new float[]{3, 1, 0, 2}, row);
        // best first, skipping u0's training items {0, 3}: item 1 (1) then item 2 (0)
        assertArrayEquals(new int[]{1, 2}, m.recall(0, 5, new int[]{0, 3}));
    }

    @Test
    void rejectsAnyKey() {
        Registry<Recaller> reg = new Registry<Recaller>("recall model").register(PopFactory.NAME, PopFactory.DESCRIPTION, new PopFactory());
        assertThrows(ConfigError.class, () -> reg.create("pop", ConfigBlock.at(ConfigFactory.parseString("recall.pop.k = 3"), "recall.pop")));
    }
}
