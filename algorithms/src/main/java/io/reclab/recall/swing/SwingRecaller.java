package io.reclab.recall.swing;

import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.neighbors.Accumulator;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.NeighborSelection;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Swing item similarity (Yang, Zhang, Zhou, Ye, Pan, Lv, Lin, Tang 2020, "Large Scale Product Graph Construction for
 * Recommendation in E-commerce", arXiv:2010.05525). Two items are similar when many pairs of users both chose them
 * and those users have little else in common. Implicit feedback: the log is read as a 0/1 matrix (values ignored).
 * <pre>
 *   sim(i, j) = sum over unordered pairs {u, v}, u != v, in U_i ∩ U_j of  w_u w_v / (alpha + |I_u ∩ I_v|)
 *   w_u = (|I_u| + userOffset)^-0.5   (or 1 without user weighting)
 *   score(u, j) = sum over i in I_u of sim(i, j), over the top-{@code neighbors} row of each i
 * </pre>
 * The paper writes the double sum over ordered pairs; counting each unordered pair once halves every similarity,
 * which changes no ranking, and pairs u = v are excluded (one user alone forms no "swing").
 * <p>Row i is computed from the pairs of U_i: for each pair, the items both users chose (found by marking I_u and
 * scanning I_v) receive the pair's weight. If |U_i| exceeds {@code maxUsersPerItem}, a uniform sample of that many
 * users is used, drawn from a generator seeded by the context seed and i; the similarity is then an estimate and
 * rows of different items may see different samples (so W need not be symmetric). Deterministic for a seed and
 * identical for any thread count.
 */
public final class SwingRecaller implements Recaller {
    private final SwingConfig config;

    public SwingRecaller(SwingConfig config) {
        this.config = config;
    }

    public SwingConfig config() { return config; }

    @Override
    public ItemNeighborhoodModel fit(TrainContext context) {
        SparsePattern userItems = SparsePattern.userItems(context.train());
        SparsePattern itemUsers = userItems.transpose();
        return new ItemNeighborhoodModel(userItems, similarity(userItems, itemUsers, config, context.seed(),
                Math.max(1, context.threads())));
    }

    /** Per-thread scratch: item marks (stamped with the current user) and the current pair's common items. */
    private static final class Scratch {
        final int[] mark;
        final int[] common;
        int stamp;

        Scratch(int items) {
            mark = new int[items];
            common = new int[items];
        }
    }

    static SparseRows similarity(SparsePattern userItems, SparsePattern itemUsers, SwingConfig config, long seed, int threads) {
        int numItems = itemUsers.rows;
        double[] w = new double[userItems.rows];
        for (int u = 0; u < w.length; u++)
            w[u] = config.userWeighting() ? 1.0 / Math.sqrt(userItems.degree(u) + config.userOffset()) : 1.0;
        double alpha = config.alpha();
        int cap = config.maxUsersPerItem();
        int[] up = userItems.indptr, ui = userItems.indices;
        return NeighborSelection.build(numItems, numItems, config.neighbors(), threads, () -> new Scratch(numItems),
                (int i, Accumulator acc, Scratch s) -> {
                    int[] users = usersOf(itemUsers, i, cap, seed);
                    for (int a = 0; a < users.length; a++) {
                        int u = users[a];
                        int stamp = ++s.stamp;
                        for (int p = up[u]; p < up[u + 1]; p++) s.mark[ui[p]] = stamp;
                        for (int b = a + 1; b < users.length; b++) {
                            int v = users[b];
                            int n = 0;
                            for (int p = up[v]; p < up[v + 1]; p++) {
                                int j = ui[p];
                                if (s.mark[j] == stamp) s.common[n++] = j;
                            }
                            // n >= 1: item i itself is common to both users
                            double weight = w[u] * w[v] / (alpha + n);
                            for (int q = 0; q < n; q++) acc.add(s.common[q], weight);
                        }
                    }
                }, null);
    }

    /** U_i, or a uniform sample of {@code cap} of its users (ascending ids) seeded by (seed, i). */
    static int[] usersOf(SparsePattern itemUsers, int i, int cap, long seed) {
        int[] all = itemUsers.row(i);
        if (all.length <= cap) return all;
        SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
        for (int k = 0; k < cap; k++) { // partial Fisher-Yates: the first cap slots are a uniform sample
            int r = k + rng.nextInt(all.length - k);
            int t = all[k]; all[k] = all[r]; all[r] = t;
        }
        int[] sample = Arrays.copyOf(all, cap);
        Arrays.sort(sample);
        return sample;
    }

    @Override
    public String toString() { return config.toString(); }
}
