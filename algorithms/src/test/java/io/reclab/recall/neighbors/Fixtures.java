package io.reclab.recall.neighbors;

import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.run.TrainingLog;
import io.reclab.util.TopK;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small hand-built and random interaction logs, and brute-force helpers, for the neighbourhood model tests. */
public final class Fixtures {
    private Fixtures() {}

    /** A log from {@code rows[u]} = the items of user u (value 1, time 0). */
    public static Interactions log(int numItems, int[][] rows) {
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < rows.length; u++) for (int i : rows[u]) pairs.add(new int[]{u, i});
        int n = pairs.size();
        int[] us = new int[n], is = new int[n];
        for (int k = 0; k < n; k++) { us[k] = pairs.get(k)[0]; is[k] = pairs.get(k)[1]; }
        return new Interactions(us, is, new float[n], new long[n], IdMap.identity(rows.length), IdMap.identity(numItems));
    }

    /** Random user histories: each (u, i) present with probability {@code density}, plus repeated rows. */
    public static int[][] random(int users, int items, double density, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] rows = new int[users][];
        for (int u = 0; u < users; u++) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < items; i++) if (rng.nextDouble() < density) l.add(i);
            // a duplicate interaction must not count twice (implicit feedback)
            if (!l.isEmpty() && rng.nextDouble() < 0.3) l.add(l.get(0));
            rows[u] = l.stream().mapToInt(Integer::intValue).toArray();
        }
        return rows;
    }

    /** Dense 0/1 matrix of a log (users × items). */
    public static double[][] dense(Interactions log) {
        double[][] x = new double[log.numUsers()][log.numItems()];
        for (int r = 0; r < log.size(); r++) x[log.user(r)][log.item(r)] = 1;
        return x;
    }

    public static TrainContext context(Interactions train, int threads, long seed) {
        return new TrainContext(train, train.empty(), null, null, seed, threads, new TrainingLog(), null);
    }

    /** All scores of all users, as the evaluator would request them (blocks of 3 users). */
    public static float[][] scoreAll(FittedRecaller model, int users) {
        int n = model.numItems();
        int[] ids = new int[users];
        for (int u = 0; u < users; u++) ids[u] = u;
        float[][] out = new float[users][n];
        float[] buf = new float[3 * n];
        for (int from = 0; from < users; from += 3) {
            int to = Math.min(users, from + 3);
            model.scoreBlock(ids, from, to, buf);
            for (int u = from; u < to; u++) System.arraycopy(buf, (u - from) * n, out[u], 0, n);
        }
        return out;
    }

    /** Fraction of users whose held-out item is in their top k, training items excluded. */
    public static double hitRate(FittedRecaller model, SparsePattern train, int[] heldOut, int k) {
        int hits = 0;
        for (int u = 0; u < heldOut.length; u++) {
            int[] top = TopK.select(model.score(u), 0, model.numItems(), k, train.indices, train.indptr[u], train.indptr[u + 1]);
            for (int i : top) if (i == heldOut[u]) hits++;
        }
        return hits / (double) heldOut.length;
    }
}
