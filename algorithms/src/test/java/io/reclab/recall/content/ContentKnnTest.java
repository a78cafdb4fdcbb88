package io.reclab.recall.content;

import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ContentKnnTest {
    /** Genres of items 0..4: {a, b}, {a}, {c}, {a, b} (item 3: never interacted with), {} (no features). */
    private static FeatureTable genres() {
        int[] offsets = {0, 2, 3, 4, 6, 6};
        int[] codes = {0, 1, 0, 2, 0, 1};
        return new FeatureTable(5, List.of(new FeatureField.MultiValued("genres", offsets, codes, List.of("a", "b", "c"))));
    }

    private static TrainContext ctx(Interactions train, FeatureTable items, int threads) {
        return new TrainContext(train, train.empty(), FeatureTable.empty(train.numUsers()), items, 1, threads, null, null);
    }

    @Test
    void coldItemIsScoredByItsContentNeighboursWithIdfCosine() {
        // user 0 interacted with item 0 only; user 1 with items 1 and 2
        Interactions train = new Interactions(new int[]{0, 1, 1}, new int[]{0, 1, 2}, new float[]{1, 1, 1}, new long[]{1, 2, 3},
                IdMap.identity(2), IdMap.identity(5));
        FittedRecaller m = new ContentKnnRecaller(ContentKnnConfig.DEFAULTS).fit(ctx(train, genres(), 1));
        // idf over 5 items: a in 3 → ln(5/3), b in 2 → ln(5/2), c in 1 → ln 5
        double a = Math.log(5.0 / 3), b = Math.log(5.0 / 2);
        double n03 = a * a + b * b; // items 0 and 3 have the same vector: cosine 1
        double cos01 = a * a / (Math.sqrt(n03) * a);
        float[] s0 = m.score(0);
        assertEquals(1.0, s0[3], 1e-6, "the cold item 3 gets its content twin's full similarity");
        assertEquals(cos01, s0[1], 1e-6);
        assertEquals(0.0, s0[2], 1e-9, "no shared genre, no score");
        assertEquals(0.0, s0[4], 1e-9, "an item without features has no neighbours");
        float[] s1 = m.score(1);
        // user 1 holds items 1 ({a}) and 2 ({c}): item 3's neighbours 1 (cos01) and 2 (0)
        assertEquals(cos01, s1[3], 1e-6);
    }

    @Test
    void threadCountDoesNotChangeScores() {
        SplittableRandom r = new SplittableRandom(3);
        int ni = 60, nu = 20;
        int[] offsets = new int[ni + 1];
        int[] codes = new int[ni * 3];
        for (int i = 0; i < ni; i++) {
            int k = 1 + r.nextInt(3);
            java.util.Set<Integer> g = new java.util.TreeSet<>();
            while (g.size() < k) g.add(r.nextInt(8));
            int p = offsets[i];
            for (int c : g) codes[p++] = c;
            offsets[i + 1] = p;
        }
        FeatureTable items = new FeatureTable(ni, List.of(new FeatureField.MultiValued("genres", offsets,
                java.util.Arrays.copyOf(codes, offsets[ni]), List.of("0", "1", "2", "3", "4", "5", "6", "7"))));
        int[] u = new int[nu * 5], it = new int[nu * 5];
        for (int x = 0; x < u.length; x++) { u[x] = x / 5; it[x] = r.nextInt(ni); }
        Interactions train = new Interactions(u, it, new float[u.length], new long[u.length], IdMap.identity(nu), IdMap.identity(ni));
        ContentKnnRecaller rec = new ContentKnnRecaller(new ContentKnnConfig(10, 0.5, true, 0));
        FittedRecaller one = rec.fit(ctx(train, items, 1)), two = rec.fit(ctx(train, items, 3));
        for (int user = 0; user < nu; user++) assertArrayEquals(one.score(user), two.score(user), 0f);
    }

    @Test
    void datasetWithoutItemFeaturesIsAClearError() {
        Interactions train = new Interactions(new int[]{0}, new int[]{0}, new float[]{1}, new long[]{1}, IdMap.identity(1), IdMap.identity(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContentKnnRecaller(ContentKnnConfig.DEFAULTS).fit(ctx(train, FeatureTable.empty(2), 1)));
        assertTrue(e.getMessage().contains("item features"), e.getMessage());
    }
}
