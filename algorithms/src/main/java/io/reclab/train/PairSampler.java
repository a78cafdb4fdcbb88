package io.reclab.train;

import io.reclab.util.Parallel;
import io.reclab.util.Seeds;
import io.reclab.data.Csr;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Training triples (u, i, j) for pairwise ranking losses (BPR): each epoch visits every observed pair (u, i) of
 * the training matrix once in a seeded random order (the RecBole convention), and pairs each with a negative item
 * j not in I_u, drawn uniformly (Rendle et al. 2009) or in proportion to popularity^0.75 (as word2vec's and many
 * recommenders' popularity-biased negatives).
 * <p>Determinism: the order is a Fisher-Yates shuffle seeded from (seed, epoch); negatives are drawn in
 * {@link #SHARDS} fixed contiguous shards of the epoch, shard s with its own stream seeded from (seed, epoch, s),
 * so the triples do not depend on the number of threads that draw them.
 */
public final class PairSampler {
    public static final List<String> MODES = List.of("uniform", "popularity");
    /** Fixed number of sampling shards (independent of thread count). */
    public static final int SHARDS = 64;
    private static final int MAX_REJECTIONS = 64;

    private final Csr byUser;
    private final int numItems;
    private final long seed;
    private final AliasTable popularity;
    private final int[] posUser;
    private final int[] posItem;

    /**
     * @param byUser the training matrix (rows users, sorted item ids per row)
     * @param mode   {@code uniform} or {@code popularity}
     */
    public PairSampler(Csr byUser, String mode, long seed) {
        if (!MODES.contains(mode)) throw new IllegalArgumentException("negative sampling `" + mode + "`: expected one of " + MODES);
        this.byUser = byUser;
        this.numItems = byUser.cols;
        this.seed = seed;
        // users who interacted with every item have no negatives; their pairs are left out
        int n = 0;
        for (int u = 0; u < byUser.rows; u++) if (distinct(u) < numItems) n += byUser.rowLength(u);
        posUser = new int[n];
        posItem = new int[n];
        int p = 0;
        for (int u = 0; u < byUser.rows; u++) {
            if (distinct(u) >= numItems) continue;
            for (int q = byUser.indptr[u]; q < byUser.indptr[u + 1]; q++) {
                posUser[p] = u;
                posItem[p++] = byUser.indices[q];
            }
        }
        if (mode.equals("popularity")) {
            double[] w = new double[numItems];
            for (int q = 0; q < byUser.nnz(); q++) w[byUser.indices[q]]++;
            for (int i = 0; i < numItems; i++) w[i] = Math.pow(w[i], 0.75);
            boolean any = false;
            for (double x : w) any |= x > 0;
            popularity = any ? new AliasTable(w) : null;
        } else {
            popularity = null;
        }
    }

    private int distinct(int u) {
        int c = 0;
        for (int q = byUser.indptr[u]; q < byUser.indptr[u + 1]; q++)
            if (q == byUser.indptr[u] || byUser.indices[q] != byUser.indices[q - 1]) c++;
        return c;
    }

    /** Number of triples per epoch. */
    public int size() { return posUser.length; }

    /** Fills {@code u, i, j} (each of length >= {@link #size()}) with epoch {@code epoch}'s triples. */
    public void sampleEpoch(int epoch, Parallel par, int[] u, int[] i, int[] j) {
        int n = posUser.length;
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        SplittableRandom shuffle = new SplittableRandom(Seeds.derive(seed, epoch, -1));
        for (int k = n - 1; k > 0; k--) {
            int r = shuffle.nextInt(k + 1);
            int t = order[k]; order[k] = order[r]; order[r] = t;
        }
        par.forEach(SHARDS, s -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch, s));
            for (int k = Parallel.bound(n, SHARDS, s), end = Parallel.bound(n, SHARDS, s + 1); k < end; k++) {
                int row = order[k];
                u[k] = posUser[row];
                i[k] = posItem[row];
                j[k] = negative(posUser[row], rng);
            }
        });
    }

    /** A negative item for {@code user}: rejection sampling, then an exact uniform draw from the complement. */
    int negative(int user, SplittableRandom rng) {
        int from = byUser.indptr[user], to = byUser.indptr[user + 1];
        for (int t = 0; t < MAX_REJECTIONS; t++) {
            int j = popularity != null ? popularity.sample(rng) : rng.nextInt(numItems);
            if (java.util.Arrays.binarySearch(byUser.indices, from, to, j) < 0) return j;
        }
        // the user holds most of the (popularity-weighted) mass: pick the r-th item not in I_u
        int free = numItems - distinct(user);
        int r = rng.nextInt(free);
        int item = 0, q = from;
        while (true) {
            while (q < to && byUser.indices[q] < item) q++;
            if (q < to && byUser.indices[q] == item) { item++; continue; }
            if (r == 0) return item;
            r--;
            item++;
        }
    }
}
