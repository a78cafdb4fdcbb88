package io.reclab.eval;

import io.reclab.util.Parallel;
import io.reclab.util.Seeds;
import io.reclab.data.Csr;
import io.reclab.data.Interactions;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.recall.FittedRecaller;
import io.reclab.util.TopK;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Builds the {@link RankingContext} of a fitted recall model (the ranked lists of every test user) and computes
 * ranking metrics from it.
 * <p>
 * Full mode scores users in blocks with {@link FittedRecaller#scoreBlock} on a fixed pool of threads; each worker
 * reuses one score buffer and one exclusion buffer, so nothing is allocated per item. Each user's training items
 * (and validation items when {@code exclude-valid}) are skipped during the bounded-heap top-K selection, which
 * breaks score ties by the smaller item id. Sampled mode ranks the test items among uniformly sampled negatives
 * drawn by a generator seeded from (seed, user), so the lists do not depend on the thread count. Results are
 * written by user index, so both modes are deterministic regardless of threads.
 */
public final class RankingEvaluator {
    /** Cap of one worker's score buffer (floats): 32M floats = 128 MB. */
    private static final long MAX_BUFFER_FLOATS = 1L << 25;

    private RankingEvaluator() {}

    /** The users with at least one row in a held-out part, ascending, and each one's distinct items (sorted). */
    public record HeldOut(int[] users, int[][] relevant) {}

    /** The evaluated users of a held-out part and their relevant sets, as every ranking evaluation reads them. */
    public static HeldOut heldOut(Interactions part) {
        Csr c = part.byUser();
        int n = 0;
        for (int u = 0; u < part.numUsers(); u++) if (c.rowLength(u) > 0) n++;
        int[] users = new int[n];
        int[][] relevant = new int[n][];
        for (int u = 0, i = 0; u < part.numUsers(); u++) {
            if (c.rowLength(u) == 0) continue;
            users[i] = u;
            relevant[i++] = distinct(c.indices, c.rowStart(u), c.rowEnd(u));
        }
        return new HeldOut(users, relevant);
    }

    /** Ranks, for every user with at least one test item, the catalogue (or sampled candidates) for {@code s.maxK()}. */
    public static RankingContext context(FittedRecaller model, Interactions train, Interactions valid, Interactions test,
                                         EvalSettings s, long seed) {
        return context(model, train, valid, test, s, seed,
                (users, tr, ex, k) -> rankFull(model, users, tr, ex, k, s.blockSize(), s.threads()));
    }

    /**
     * Builds the full-ranking lists of {@code users} (in that order) for {@code k}, skipping each user's items in
     * {@code train} and in {@code exclude} (null: none). In-process this is {@link #rankFull}; a cluster engine ranks
     * the users in partitions with the same call on its executors.
     */
    public interface ListRanker {
        int[][] rank(int[] users, Csr train, Csr exclude, int k);
    }

    /** As {@link #context(FittedRecaller, Interactions, Interactions, Interactions, EvalSettings, long)}, full lists from {@code full}. */
    public static RankingContext context(FittedRecaller model, Interactions train, Interactions valid, Interactions test,
                                         EvalSettings s, long seed, ListRanker full) {
        int numItems = model.numItems();
        if (train.numItems() != numItems || test.numItems() != numItems || valid.numItems() != numItems)
            throw new IllegalArgumentException("model scores " + numItems + " items but train/valid/test have "
                    + train.numItems() + "/" + valid.numItems() + "/" + test.numItems());
        Csr testCsr = test.byUser();
        int numUsers = test.numUsers();
        HeldOut h = heldOut(test);
        int[] users = h.users();
        int[][] relevant = h.relevant();
        int n = users.length;
        int[][] ranked = new int[n][];
        Csr trainCsr = train.byUser();
        boolean sampled = s.mode() == EvalSettings.Mode.SAMPLED;
        if (n > 0) {
            if (sampled) {
                Csr validCsr = valid.byUser();
                Supplier<Worker> w = () -> new SampledRanker(model, users, relevant, trainCsr, validCsr, testCsr, s, seed, ranked);
                runBlocks(n, Math.max(1, Math.min(s.blockSize(), 64)), s.threads(), w);
            } else {
                Csr validCsr = s.excludeValid() && valid.size() > 0 ? valid.byUser() : null;
                int[][] lists = full.rank(users, trainCsr, validCsr, s.maxK());
                if (lists.length != n) throw new IllegalStateException("ranked " + lists.length + " users of " + n);
                System.arraycopy(lists, 0, ranked, 0, n);
            }
        }
        return new RankingContext(users, ranked, relevant, numItems, train.itemCounts(), numUsers - n, sampled);
    }

    /**
     * The full-ranking top-{@code k} of each of {@code users} (in order), skipping its items in {@code train} and in
     * {@code exclude} (null: none), ties by the smaller item id; users are scored in blocks on {@code threads}
     * workers. The same lists for any thread count or partitioning of the users.
     */
    public static int[][] rankFull(FittedRecaller model, int[] users, Csr train, Csr exclude, int k, int blockSize, int threads) {
        int n = users.length;
        int[][] ranked = new int[n][];
        if (n == 0) return ranked;
        int block = (int) Math.max(1, Math.min(Math.min(blockSize, n), MAX_BUFFER_FLOATS / Math.max(1, model.numItems())));
        runBlocks(n, block, threads, () -> new FullRanker(model, users, train, exclude, k, block, ranked));
        return ranked;
    }

    /**
     * Every metric on the context, in the given order, keyed by metric id. The context must have been built for
     * lists at least as long as every metric's K (as {@link #evaluate} does via {@link EvalSettings#maxK()}).
     */
    public static Map<String, MetricResult> compute(RankingContext context, List<RankingMetric> metrics) {
        Map<String, MetricResult> out = new LinkedHashMap<>();
        for (RankingMetric m : metrics) out.put(m.id(), m.compute(context));
        return out;
    }

    /** {@link #context} followed by {@link #compute} with the settings' metrics. */
    public static Map<String, MetricResult> evaluate(FittedRecaller model, Interactions train, Interactions valid,
                                                     Interactions test, EvalSettings s, long seed) {
        return compute(context(model, train, valid, test, s, seed), s.metrics());
    }

    static int[] distinct(int[] sorted, int from, int to) {
        int[] out = new int[to - from];
        int m = 0;
        for (int p = from; p < to; p++) if (m == 0 || out[m - 1] != sorted[p]) out[m++] = sorted[p];
        return m == out.length ? out : java.util.Arrays.copyOf(out, m);
    }

    // ---------------------------------------------------------------- parallel driver

    /** Per-thread state that ranks users[from..to). */
    private interface Worker {
        void run(int from, int to);
    }

    /** Hands out blocks of {@code block} users to {@code threads} workers through a shared counter. */
    private static void runBlocks(int n, int block, int threads, Supplier<Worker> work) {
        Parallel.forChunks(n, threads, block, work, Worker::run);
    }

    // ---------------------------------------------------------------- full ranking

    private static final class FullRanker implements Worker {
        private final FittedRecaller model;
        private final int[] users;
        private final Csr train;
        private final Csr valid;
        private final int k;
        private final int numItems;
        private final int[][] ranked;
        private final float[] scores;
        private int[] exclude = new int[64];

        FullRanker(FittedRecaller model, int[] users, Csr train, Csr valid, int k, int block, int[][] ranked) {
            this.model = model;
            this.users = users;
            this.train = train;
            this.valid = valid;
            this.k = k;
            this.numItems = model.numItems();
            this.ranked = ranked;
            this.scores = new float[block * numItems];
        }

        @Override
        public void run(int from, int to) {
            model.scoreBlock(users, from, to, scores);
            for (int i = from; i < to; i++) {
                int u = users[i], off = (i - from) * numItems;
                int ts = train.rowStart(u), te = train.rowEnd(u);
                if (valid == null || valid.rowLength(u) == 0) {
                    ranked[i] = TopK.select(scores, off, numItems, k, train.indices, ts, te);
                } else {
                    int len = merge(train.indices, ts, te, valid.indices, valid.rowStart(u), valid.rowEnd(u));
                    ranked[i] = TopK.select(scores, off, numItems, k, exclude, 0, len);
                }
            }
        }

        /** Merges two sorted rows into {@code exclude} (duplicates kept: TopK skips them alike). */
        private int merge(int[] a, int a0, int a1, int[] b, int b0, int b1) {
            int need = (a1 - a0) + (b1 - b0);
            if (exclude.length < need) exclude = new int[Math.max(need, exclude.length * 2)];
            int i = a0, j = b0, m = 0;
            while (i < a1 && j < b1) exclude[m++] = a[i] <= b[j] ? a[i++] : b[j++];
            while (i < a1) exclude[m++] = a[i++];
            while (j < b1) exclude[m++] = b[j++];
            return m;
        }
    }

    // ---------------------------------------------------------------- sampled ranking

    private static final class SampledRanker implements Worker {
        private final FittedRecaller model;
        private final int[] users;
        private final int[][] relevant;
        private final Csr train, valid, test;
        private final int negatives;
        private final int k;
        private final long seed;
        private final int[][] ranked;
        /** stamp[item] == marker: the item is taken (interacted or already sampled) for the current user. */
        private final int[] stamp;
        private int[] pool = new int[0];

        SampledRanker(FittedRecaller model, int[] users, int[][] relevant, Csr train, Csr valid, Csr test,
                      EvalSettings s, long seed, int[][] ranked) {
            this.model = model;
            this.users = users;
            this.relevant = relevant;
            this.train = train;
            this.valid = valid;
            this.test = test;
            this.negatives = s.negatives();
            this.k = s.maxK();
            this.seed = seed;
            this.ranked = ranked;
            this.stamp = new int[model.numItems()];
        }

        @Override
        public void run(int from, int to) {
            for (int i = from; i < to; i++) rank(i);
        }

        private int mark(Csr c, int u, int marker) {
            int fresh = 0;
            for (int p = c.rowStart(u); p < c.rowEnd(u); p++) {
                int it = c.indices[p];
                if (stamp[it] != marker) { stamp[it] = marker; fresh++; }
            }
            return fresh;
        }

        private void rank(int i) {
            int u = users[i], marker = i + 1, numItems = stamp.length;
            int taken = mark(train, u, marker) + mark(valid, u, marker) + mark(test, u, marker);
            int[] pos = relevant[i];
            int m = (int) Math.min((long) negatives * pos.length, numItems - taken);
            int[] cand = new int[pos.length + m];
            System.arraycopy(pos, 0, cand, 0, pos.length);
            SplittableRandom rng = new SplittableRandom(Seeds.at(seed, u));
            int c = pos.length;
            if (2L * m <= numItems - taken) {
                // sparse case: rejection sampling, expected < 2 draws per negative
                while (c < cand.length) {
                    int it = rng.nextInt(numItems);
                    if (stamp[it] == marker) continue;
                    stamp[it] = marker;
                    cand[c++] = it;
                }
            } else {
                // dense case: partial Fisher-Yates over the free items
                if (pool.length < numItems - taken) pool = new int[numItems - taken];
                int f = 0;
                for (int it = 0; it < numItems; it++) if (stamp[it] != marker) pool[f++] = it;
                for (int j = 0; j < m; j++) {
                    int r = j + rng.nextInt(f - j);
                    int t = pool[j]; pool[j] = pool[r]; pool[r] = t;
                    cand[c++] = pool[j];
                }
            }
            float[] all = model.score(u);
            float[] sc = new float[cand.length];
            for (int j = 0; j < cand.length; j++) sc[j] = all[cand[j]];
            ranked[i] = TopK.selectAmong(cand, sc, k);
        }
    }
}
