package io.reclab.recall.neighbors;

import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.ease.EaseConfig;
import io.reclab.recall.ease.EaseRecaller;
import io.reclab.recall.itemcf.ItemCfConfig;
import io.reclab.recall.itemcf.ItemCfRecaller;
import io.reclab.recall.pop.PopConfig;
import io.reclab.recall.pop.PopRecaller;
import io.reclab.recall.rp3beta.Rp3BetaConfig;
import io.reclab.recall.rp3beta.Rp3BetaRecaller;
import io.reclab.recall.swing.SwingConfig;
import io.reclab.recall.swing.SwingRecaller;
import io.reclab.recall.usercf.UserCfConfig;
import io.reclab.recall.usercf.UserCfRecaller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planted structure: users 0..29 only choose among items 0..9 (each with probability 0.4), users 30..59 among items
 * 10..19 (probability 0.8), so every cluster-B item is more popular than every cluster-A item. One in-cluster item
 * per user is held out. Popularity recommends cluster-B items to cluster-A users and misses them all; every
 * personalised model should rank the held-out in-cluster item in the top 10 for (nearly) every user.
 */
class ModelsBeatPopularityTest {
    @Test
    void personalisedModelsRecoverHeldOutInClusterItems() {
        SplittableRandom rng = new SplittableRandom(61);
        int users = 60, items = 20;
        int[][] train = new int[users][];
        int[] heldOut = new int[users];
        for (int u = 0; u < users; u++) {
            boolean a = u < 30;
            int base = a ? 0 : 10;
            List<Integer> chosen = new ArrayList<>();
            for (int i = base; i < base + 10; i++) if (rng.nextDouble() < (a ? 0.4 : 0.8)) chosen.add(i);
            while (chosen.size() < 3) { // at least two training items and one held out
                int i = base + rng.nextInt(10);
                if (!chosen.contains(i)) chosen.add(i);
            }
            heldOut[u] = chosen.remove(rng.nextInt(chosen.size()));
            if (chosen.size() == 10) throw new AssertionError("unreachable: one item was held out");
            train[u] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        Interactions log = Fixtures.log(items, train);
        SparsePattern trainPattern = SparsePattern.userItems(log);

        double pop = Fixtures.hitRate(new PopRecaller(new PopConfig()).fit(Fixtures.context(log, 2, 5)), trainPattern, heldOut, 10);
        // cluster-A users (half) always miss: the ten cluster-B items fill their top 10
        assertTrue(pop <= 0.5 + 1e-9, "popularity hit rate " + pop);

        Recaller[] models = {
                new ItemCfRecaller(ItemCfConfig.DEFAULTS),
                new UserCfRecaller(UserCfConfig.DEFAULTS),
                new Rp3BetaRecaller(Rp3BetaConfig.DEFAULTS),
                new SwingRecaller(SwingConfig.DEFAULTS),
                new EaseRecaller(new EaseConfig(5, -1)),
        };
        for (Recaller r : models) {
            FittedRecaller m = r.fit(Fixtures.context(log, 2, 5));
            double hr = Fixtures.hitRate(m, trainPattern, heldOut, 10);
            // EASE may give a few in-cluster items negative weight; the neighbourhood models score them all > 0
            assertTrue(hr >= 0.9, r + " hit rate@10 = " + hr);
            assertTrue(hr > pop + 0.4, r + " should beat popularity " + pop);
        }
    }
}
