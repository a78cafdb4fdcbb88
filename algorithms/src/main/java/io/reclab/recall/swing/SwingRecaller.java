package io.reclab.recall.swing;

import io.reclab.util.Seeds;
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
 * <p>Row i is computed from the pairs of U_i: for each pair, the items both users chose receive the pair's weight.
 * The common items are found by marking I_u and scanning I_v, or, when the catalogue's bitset is shorter than the
 * users' lists (dense data such as MovieLens), by AND-ing item bitsets. If |U_i| exceeds {@code maxUsersPerItem}, a
 * uniform sample of that many
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
                Math.max(1, context.threads()), Path.AUTO));
    }

    /** Per-thread scratch: item marks and common-item buffer (sparse path), user bitsets (dense path). */
    private static final class Scratch {
        final int[] mark;
        final int[] common;
        long[] bits = new long[0];
        int stamp;

        Scratch(int items) {
            mark = new int[items];
            common = new int[items];
        }
    }

    /** How common items of a user pair are found; AUTO picks per item, the others exist for tests. */
    enum Path { AUTO, SPARSE, DENSE }

    static SparseRows similarity(SparsePattern userItems, SparsePattern itemUsers, SwingConfig config, long seed,
                                 int threads, Path path) {
        int numItems = itemUsers.rows;
        double[] w = new double[userItems.rows];
        for (int u = 0; u < w.length; u++)
            w[u] = config.userWeighting() ? 1.0 / Math.sqrt(userItems.degree(u) + config.userOffset()) : 1.0;
        int cap = config.maxUsersPerItem();
        return NeighborSelection.build(numItems, numItems, config.neighbors(), threads, () -> new Scratch(numItems),
                (int i, Accumulator acc, Scratch s) -> {
                    int[] users = usersOf(itemUsers, i, cap, seed);
                    long degrees = 0;
                    for (int u : users) degrees += userItems.degree(u);
                    int words = (numItems + 63) >>> 6;
                    // the pair loop costs one pass over I_v (sparse) or over the item bitset words (dense):
                    // take whichever is shorter for this item's users
                    boolean dense = path == Path.DENSE
                            || (path == Path.AUTO && users.length > 0 && 2L * words * users.length <= degrees);
                    if (dense)
                        rowDense(users, userItems, w, config.alpha(), words, acc, s);
                    else
                        rowSparse(users, userItems, w, config.alpha(), acc, s);
                }, null);
    }

    /** Marks I_u, then finds I_u ∩ I_v by scanning I_v. */
    private static void rowSparse(int[] users, SparsePattern userItems, double[] w, double alpha, Accumulator acc, Scratch s) {
        int[] up = userItems.indptr, ui = userItems.indices;
        int[] mark = s.mark, common = s.common;
        for (int a = 0; a < users.length; a++) {
            int u = users[a];
            int stamp = ++s.stamp;
            for (int p = up[u]; p < up[u + 1]; p++) mark[ui[p]] = stamp;
            for (int b = a + 1; b < users.length; b++) {
                int v = users[b];
                int n = 0;
                for (int p = up[v]; p < up[v + 1]; p++) {
                    int j = ui[p];
                    common[n] = j;
                    n += mark[j] == stamp ? 1 : 0; // branch-free: overlaps are sparse and unpredictable
                }
                // n >= 1: the row's item itself is common to both users
                double weight = w[u] * w[v] / (alpha + n);
                for (int q = 0; q < n; q++) acc.add(common[q], weight);
            }
        }
    }

    /** Item bitsets of the users; I_u ∩ I_v is the AND of two bitsets, its size a popcount. */
    private static void rowDense(int[] users, SparsePattern userItems, double[] w, double alpha, int words, Accumulator acc, Scratch s) {
        int[] up = userItems.indptr, ui = userItems.indices;
        int need = users.length * words;
        if (s.bits.length < need) s.bits = new long[need];
        long[] bits = s.bits;
        java.util.Arrays.fill(bits, 0, need, 0L);
        for (int a = 0; a < users.length; a++) {
            int u = users[a], off = a * words;
            for (int p = up[u]; p < up[u + 1]; p++) bits[off + (ui[p] >>> 6)] |= 1L << ui[p];
        }
        for (int a = 0; a < users.length; a++) {
            int oa = a * words;
            for (int b = a + 1; b < users.length; b++) {
                int ob = b * words;
                int n = 0;
                for (int k = 0; k < words; k++) n += Long.bitCount(bits[oa + k] & bits[ob + k]);
                double weight = w[users[a]] * w[users[b]] / (alpha + n);
                for (int k = 0; k < words; k++) {
                    long x = bits[oa + k] & bits[ob + k];
                    while (x != 0) {
                        acc.add((k << 6) + Long.numberOfTrailingZeros(x), weight);
                        x &= x - 1;
                    }
                }
            }
        }
    }

    /** U_i, or a uniform sample of {@code cap} of its users (ascending ids) seeded by (seed, i). */
    static int[] usersOf(SparsePattern itemUsers, int i, int cap, long seed) {
        int[] all = itemUsers.row(i);
        if (all.length <= cap) return all;
        SplittableRandom rng = new SplittableRandom(Seeds.at(seed, i));
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
