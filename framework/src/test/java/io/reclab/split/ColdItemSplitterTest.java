package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ColdItemSplitterTest {
    @Test
    void theItemsFirstSeenLastAreHeldOutWithAllTheirInteractions() {
        // 20 items; item i is first seen at time 100 * i, later interactions are spread over time
        SplittableRandom r = new SplittableRandom(1);
        int ni = 20, nu = 30, n = 600;
        int[] u = new int[n], it = new int[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            u[k] = r.nextInt(nu);
            it[k] = k < ni ? k : r.nextInt(ni);
            t[k] = k < ni ? 100L * k : 100L * it[k] + 1 + r.nextInt(5000);
        }
        Interactions x = new Interactions(u, it, new float[n], t, IdMap.identity(nu), IdMap.identity(ni));
        Dataset ds = new Dataset(new io.reclab.data.DatasetInfo("toy", "memory", "0", nu, ni, n), x, FeatureTable.empty(nu), FeatureTable.empty(ni), null);
        SplitResult s = new ColdItemSplitter(new ColdItemSplitter.Settings(0.2, 0.5)).split(ds, new Well19937c(7));
        // 20% of 20 items: the 4 first seen last, items 16..19
        for (int k = 0; k < s.train().size(); k++) assertTrue(s.train().item(k) < 16, "train has no new item");
        int held = 0;
        for (int k = 0; k < n; k++) if (it[k] >= 16) held++;
        assertEquals(held, s.valid().size() + s.test().size(), "every new-item interaction is held out");
        for (Interactions p : new Interactions[]{s.valid(), s.test()})
            for (int k = 0; k < p.size(); k++) assertTrue(p.item(k) >= 16);
        assertEquals(n, s.train().size() + s.valid().size() + s.test().size());
        assertTrue(s.valid().size() > held / 4 && s.test().size() > held / 4, "about half each way: " + s.valid().size() + "/" + s.test().size());
        SplitResult again = new ColdItemSplitter(new ColdItemSplitter.Settings(0.2, 0.5)).split(ds, new Well19937c(7));
        assertEquals(s.test().size(), again.test().size(), "seeded");
        assertTrue(s.protocol().contains("4 items, first seen from time 1600"), s.protocol());
    }
}
