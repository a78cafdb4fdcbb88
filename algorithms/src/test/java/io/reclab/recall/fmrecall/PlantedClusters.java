package io.reclab.recall.fmrecall;

import io.reclab.data.Csr;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.util.TopK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small planted-structure dataset for the neural recall tests: C clusters of users and items; each user
 * consumes items of its own cluster (within-cluster popularity skewed), plus one noise item of another cluster.
 * The last two in-cluster items of every user (by time) are held out. Item features correlate with the cluster
 * (genre = cluster w.p. 0.9, tags {cluster tag, random tag}, numeric year ~ cluster), user segment = cluster
 * w.p. 0.8. The last {@code C} items are cold: one per cluster, features but no interactions at all.
 */
public final class PlantedClusters {
    public final int clusters = 4;
    public final int itemsPerCluster = 20;
    public final int usersPerCluster = 20;
    public final int numUsers = clusters * usersPerCluster;
    public final int warmItems = clusters * itemsPerCluster;
    public final int numItems = warmItems + clusters;
    public final int[] userCluster = new int[numUsers];
    public final int[] itemCluster = new int[numItems];
    public final Interactions train;
    public final int[][] heldOut = new int[numUsers][];
    public final FeatureTable userFeatures;
    public final FeatureTable itemFeatures;

    public PlantedClusters(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < warmItems; i++) itemCluster[i] = i / itemsPerCluster;
        for (int c = 0; c < clusters; c++) itemCluster[warmItems + c] = c;
        List<int[]> rows = new ArrayList<>();
        long time = 0;
        for (int u = 0; u < numUsers; u++) {
            int c = u / usersPerCluster;
            userCluster[u] = c;
            // 10 distinct in-cluster items, item r of the cluster drawn with weight 1/sqrt(r+1)
            boolean[] taken = new boolean[itemsPerCluster];
            int[] picks = new int[10];
            for (int n = 0; n < 10; n++) {
                int r;
                do {
                    double tot = 0;
                    for (int q = 0; q < itemsPerCluster; q++) tot += 1 / Math.sqrt(q + 1);
                    double x = rng.nextDouble() * tot;
                    r = 0;
                    while (r < itemsPerCluster - 1 && (x -= 1 / Math.sqrt(r + 1)) > 0) r++;
                } while (taken[r]);
                taken[r] = true;
                picks[n] = c * itemsPerCluster + r;
            }
            int other = (c + 1 + rng.nextInt(clusters - 1)) % clusters;
            int noise = other * itemsPerCluster + rng.nextInt(itemsPerCluster);
            for (int n = 0; n < 8; n++) rows.add(new int[]{u, picks[n], (int) time++});
            rows.add(new int[]{u, noise, (int) time++});
            heldOut[u] = new int[]{Math.min(picks[8], picks[9]), Math.max(picks[8], picks[9])};
        }
        int n = rows.size();
        int[] us = new int[n], is = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int r = 0; r < n; r++) {
            us[r] = rows.get(r)[0]; is[r] = rows.get(r)[1]; v[r] = 1f; t[r] = rows.get(r)[2];
        }
        train = new Interactions(us, is, v, t, IdMap.identity(numUsers), IdMap.identity(numItems));

        int[] genre = new int[numItems];
        int[] tagOff = new int[numItems + 1];
        int[] tags = new int[2 * numItems];
        float[] year = new float[numItems];
        List<String> genreVocab = new ArrayList<>(), tagVocab = new ArrayList<>();
        for (int c = 0; c < clusters; c++) genreVocab.add("g" + c);
        for (int q = 0; q < 2 * clusters; q++) tagVocab.add("t" + q);
        for (int i = 0; i < numItems; i++) {
            int c = itemCluster[i];
            boolean cold = i >= warmItems;
            genre[i] = cold || rng.nextDouble() < 0.9 ? c : rng.nextInt(clusters);
            tags[2 * i] = c;
            tags[2 * i + 1] = clusters + rng.nextInt(clusters);
            tagOff[i + 1] = 2 * i + 2;
            year[i] = (float) (1960 + 10 * c + rng.nextInt(10));
        }
        itemFeatures = new FeatureTable(numItems, List.of(
                new FeatureField.Categorical("genre", genre, genreVocab),
                new FeatureField.MultiValued("tags", tagOff, tags, tagVocab),
                new FeatureField.Numeric("year", year)));
        int[] segment = new int[numUsers];
        for (int u = 0; u < numUsers; u++) segment[u] = rng.nextDouble() < 0.8 ? userCluster[u] : rng.nextInt(clusters);
        userFeatures = new FeatureTable(numUsers, List.of(new FeatureField.Categorical("segment", segment, genreVocab)));
    }

    /** Held-out items found in each user's top-k (training items excluded), summed over users. */
    public int hits(FittedRecaller m, int k) {
        Csr byUser = train.byUser();
        int h = 0;
        for (int u = 0; u < numUsers; u++) {
            int[] top = m.recall(u, k, byUser.row(u));
            for (int i : top) if (Arrays.binarySearch(heldOut[u], i) >= 0) h++;
        }
        return h;
    }

    /** Fraction of recommended top-k items that belong to the user's cluster. */
    public double inClusterShare(FittedRecaller m, int k) {
        Csr byUser = train.byUser();
        int in = 0, all = 0;
        for (int u = 0; u < numUsers; u++) {
            for (int i : m.recall(u, k, byUser.row(u))) {
                all++;
                if (itemCluster[i] == userCluster[u]) in++;
            }
        }
        return (double) in / all;
    }

    /** The most-popular baseline: score = training count. */
    public FittedRecaller popularity() {
        int[] counts = train.itemCounts();
        return new FittedRecaller() {
            @Override public int numItems() { return numItems; }
            @Override public void scoreBlock(int[] users, int from, int to, float[] out) {
                for (int r = 0; r < to - from; r++)
                    for (int i = 0; i < numItems; i++) out[r * numItems + i] = counts[i];
            }
        };
    }

    /** All user vectors of an embedding model, row-major numUsers × dim (for whole-model comparisons). */
    public static float[] userVectors(EmbeddingRecaller m) {
        float[] out = new float[m.numUsers() * m.dim()];
        for (int u = 0; u < m.numUsers(); u++) System.arraycopy(m.userVector(u), 0, out, u * m.dim(), m.dim());
        return out;
    }

    /** All item vectors of an embedding model, row-major numItems × dim. */
    public static float[] itemVectors(EmbeddingRecaller m) {
        float[] out = new float[m.numItems() * m.dim()];
        for (int i = 0; i < m.numItems(); i++) System.arraycopy(m.itemVector(i), 0, out, i * m.dim(), m.dim());
        return out;
    }

    static int[] topK(float[] scores, int k) {
        return TopK.select(scores, 0, scores.length, k, new int[0], 0, 0);
    }
}
