package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;

import java.util.SplittableRandom;

/** Small synthetic logs for splitter tests; {@code value} holds the log row index so parts can be traced back. */
final class SplitFixtures {
    private SplitFixtures() {}

    /** Users get 1..maxPerUser interactions; times are drawn from a small range so ties occur. */
    static Dataset random(long seed, int users, int items, int maxPerUser) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        int[] per = new int[users];
        for (int u = 0; u < users; u++) { per[u] = 1 + r.nextInt(maxPerUser); n += per[u]; }
        int[] uu = new int[n], ii = new int[n];
        long[] tt = new long[n];
        // interleave users so rows of one user are not contiguous
        int[] left = per.clone();
        for (int k = 0; k < n; ) {
            int u = r.nextInt(users);
            if (left[u] == 0) continue;
            left[u]--;
            uu[k] = u; ii[k] = r.nextInt(items); tt[k] = r.nextInt(50); k++;
        }
        return of(uu, ii, tt, users, items, null);
    }

    static Dataset of(int[] user, int[] item, long[] time, int users, int items, byte[] parts) {
        float[] v = new float[user.length];
        for (int k = 0; k < v.length; k++) v[k] = k;
        Interactions x = new Interactions(user, item, v, time, IdMap.identity(users), IdMap.identity(items));
        return new Dataset(new DatasetInfo("toy", "memory", "0", users, items, user.length), x,
                FeatureTable.empty(users), FeatureTable.empty(items), parts);
    }

    /** Part label of each original row (0 train, 1 valid, 2 test); fails on overlap or a missing row. */
    static byte[] labels(Dataset d, SplitResult s) {
        int n = d.interactions().size();
        byte[] lab = new byte[n];
        java.util.Arrays.fill(lab, (byte) -1);
        Interactions[] parts = {s.train(), s.valid(), s.test()};
        for (byte p = 0; p < 3; p++) {
            Interactions x = parts[p];
            if (x.users() != d.interactions().users() || x.items() != d.interactions().items())
                throw new AssertionError("part " + p + " does not share the dataset's id maps");
            for (int k = 0; k < x.size(); k++) {
                int row = (int) x.value(k);
                if (lab[row] != -1) throw new AssertionError("row " + row + " is in two parts");
                if (x.user(k) != d.interactions().user(row) || x.item(k) != d.interactions().item(row)
                        || x.time(k) != d.interactions().time(row))
                    throw new AssertionError("row " + row + " changed on its way into part " + p);
                lab[row] = p;
            }
        }
        for (int r = 0; r < n; r++) if (lab[r] == -1) throw new AssertionError("row " + r + " is in no part");
        return lab;
    }
}
