package io.reclab.train;

import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.run.TrainingLog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A planted-structure implicit data set for model tests: users and items fall into {@code clusters} equal groups;
 * each user consumes {@code perUser} distinct items of its own group (one held out for test) plus one random
 * item anywhere (noise). Item popularity is flat within and across groups, so popularity cannot find the
 * held-out item while a model that recovers the groups can.
 */
public final class PlantedData {
    public final int clusters, usersPerCluster, itemsPerCluster;
    public final Interactions train;
    /** held-out item per user */
    public final int[] test;

    public PlantedData(int clusters, int usersPerCluster, int itemsPerCluster, int perUser, long seed) {
        this.clusters = clusters;
        this.usersPerCluster = usersPerCluster;
        this.itemsPerCluster = itemsPerCluster;
        int users = clusters * usersPerCluster, items = clusters * itemsPerCluster;
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> rows = new ArrayList<>();
        test = new int[users];
        for (int u = 0; u < users; u++) {
            int c = u / usersPerCluster;
            int[] pool = new int[itemsPerCluster];
            for (int t = 0; t < itemsPerCluster; t++) pool[t] = c * itemsPerCluster + t;
            for (int t = 0; t < perUser; t++) {
                int r = t + rng.nextInt(itemsPerCluster - t);
                int tmp = pool[t]; pool[t] = pool[r]; pool[r] = tmp;
            }
            test[u] = pool[0];
            for (int t = 1; t < perUser; t++) rows.add(new int[]{u, pool[t]});
            int noise = rng.nextInt(items);
            boolean dup = noise == pool[0];
            for (int t = 1; t < perUser; t++) dup |= pool[t] == noise;
            if (!dup) rows.add(new int[]{u, noise});
        }
        int n = rows.size();
        int[] uu = new int[n], ii = new int[n];
        for (int t = 0; t < n; t++) { uu[t] = rows.get(t)[0]; ii[t] = rows.get(t)[1]; }
        float[] v = new float[n];
        Arrays.fill(v, 1f);
        train = new Interactions(uu, ii, v, new long[n], IdMap.identity(users), IdMap.identity(items));
    }

    public static PlantedData standard() { return new PlantedData(4, 50, 25, 10, 7); }

    public int numUsers() { return train.numUsers(); }

    public TrainContext context(long seed, int threads) {
        return new TrainContext(train, train.empty(), null, null, seed, threads, new TrainingLog(), null);
    }

    /** Hit rate @k of the held-out items, training items excluded. */
    public double hitRate(FittedRecaller m, int k) {
        int hits = 0;
        for (int u = 0; u < numUsers(); u++) {
            int[] top = m.recall(u, k, distinctRow(u));
            for (int x : top) if (x == test[u]) { hits++; break; }
        }
        return hits / (double) numUsers();
    }

    /** Mean share of the top-k recommendations that lie in the user's own cluster. */
    public double inClusterShare(FittedRecaller m, int k) {
        double sum = 0;
        for (int u = 0; u < numUsers(); u++) {
            int[] top = m.recall(u, k, distinctRow(u));
            int in = 0;
            for (int x : top) if (x / itemsPerCluster == u / usersPerCluster) in++;
            sum += in / (double) top.length;
        }
        return sum / numUsers();
    }

    /** Hit rate @k of most-popular (by training count, ties by id), training items excluded. */
    public double popularityHitRate(int k) {
        int[] counts = train.itemCounts();
        float[] s = new float[counts.length];
        for (int i = 0; i < s.length; i++) s[i] = counts[i];
        int hits = 0;
        for (int u = 0; u < numUsers(); u++) {
            int[] ex = distinctRow(u);
            int[] top = io.reclab.util.TopK.select(s, 0, s.length, k, ex, 0, ex.length);
            for (int x : top) if (x == test[u]) { hits++; break; }
        }
        return hits / (double) numUsers();
    }

    public int[] distinctRow(int u) {
        return Arrays.stream(train.byUser().row(u)).distinct().toArray();
    }
}
