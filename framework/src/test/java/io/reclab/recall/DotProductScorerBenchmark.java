package io.reclab.recall;

import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.util.TopK;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timing harness (a test-scope {@code main}, not a unit test) for full-ranking scoring: the pre-Vector-API kernel
 * ("old", kept below verbatim for the comparison) against the current {@link DotProductScorer} kernels ("scalar",
 * "vector"), at LightGCN's Gowalla scale by default: 30k users × 41k items, dim 64, ~30 excluded training items and
 * ~5 test items per user, 2 threads.
 * <p>
 * For each kernel it reports (1) scoring alone: every user scored once in blocks on the worker threads, as the
 * evaluator does, and (2) {@link RankingEvaluator#context} in full mode for top-20 — wall seconds, process CPU
 * seconds (more trustworthy than wall time on a shared machine) and G multiply-adds per CPU-second. The evaluator's
 * own share (exclusion + top-K) is context CPU minus scoring CPU. Run from the repository root after
 * {@code mvn -q -pl framework -am test-compile}:
 * <pre>
 * (cd framework &amp;&amp; mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/reclab-cp.txt)
 * java -Xmx8g --add-modules jdk.incubator.vector \
 *      -cp framework/target/test-classes:framework/target/classes:$(cat /tmp/reclab-cp.txt) \
 *      io.reclab.recall.DotProductScorerBenchmark [users items dim threads kernels blockSizes reps]
 * </pre>
 * defaults {@code 30000 41000 64 2 old,scalar,vector 256 1}; block sizes are a comma list (e.g. {@code 256,64}).
 * The last line times {@code TopK.select} alone against {@link #thresholdSelect}, a faster selection with identical
 * results suggested for the evaluator ({@code -Dscan=scalar} times its plain-Java variant).
 */
public final class DotProductScorerBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** thresholdSelect skips non-candidates a vector at a time (-Dscan=scalar for the scalar loop). */
    private static final boolean VECTOR_SCAN = !"scalar".equals(System.getProperty("scan"));

    private DotProductScorerBenchmark() {}

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 41_000;
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<String> kernels = List.of((args.length > 4 ? args[4] : "old,scalar,vector").split(","));
        int[] blocks = Arrays.stream((args.length > 5 ? args[5] : "256").split(",")).mapToInt(Integer::parseInt).toArray();
        int reps = args.length > 6 ? Integer.parseInt(args[6]) : 1;

        SplittableRandom r = new SplittableRandom(2026);
        float[] u = gaussian(r, users * dim, 1), v = gaussian(r, items * dim, 1), bias = gaussian(r, items, 0.1);
        Interactions train = randomLog(r, users, items, 30);
        Interactions test = randomLog(r, users, items, 5);
        train.byUser();
        test.byUser();
        double madds = (double) users * items * dim;
        System.out.printf("full ranking: %d users x %d items, dim %d (%.1f G multiply-adds), %d train rows, %d threads, "
                        + "%d cores visible, load average %.1f, Java %s%n", users, items, dim, madds / 1e9, train.size(),
                threads, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        System.out.printf("%-8s %-26s %8s %8s %12s%n", "kernel", "phase", "wall s", "CPU s", "GFMA/s/core");

        RankingContext reference = null;
        String referenceName = null;
        for (String k : kernels) {
            FittedRecaller model = model(k, dim, u, v, bias);
            warmUp(model, train, test, threads, blocks[0]);
            for (int rep = 0; rep < reps; rep++) {
                for (int block : blocks) {
                    long w0 = System.nanoTime(), c0 = processCpu();
                    scoreAll(model, users, block, threads);
                    double wall = (System.nanoTime() - w0) / 1e9, cpu = (processCpu() - c0) / 1e9;
                    System.out.printf("%-8s %-26s %8.2f %8.2f %12.2f%n", k, "scoring, block " + block, wall, cpu, madds / cpu / 1e9);

                    EvalSettings s = settings(threads, block);
                    w0 = System.nanoTime();
                    c0 = processCpu();
                    RankingContext c = RankingEvaluator.context(model, train, train.empty(), test, s, 1);
                    double cwall = (System.nanoTime() - w0) / 1e9, ccpu = (processCpu() - c0) / 1e9;
                    double ndcg = RankingMetrics.parse("ndcg@20").compute(c).value();
                    System.out.printf("%-8s %-26s %8.2f %8.2f %12s   ndcg@20 %.5f; evaluator share ~%.2f s CPU%n", k,
                            "context top-20, block " + block, cwall, ccpu, "", ndcg, ccpu - cpu);
                    if (reference == null) { reference = c; referenceName = k; }
                    else if (rep == 0) System.out.printf("%-8s %.4f of users' top-20 lists identical to %s's%n", k,
                            sameLists(reference, c), referenceName);
                }
            }
        }
        topKAlone(kernels.get(kernels.size() - 1), dim, u, v, bias, train, items, blocks[0]);
    }

    /**
     * Lets C2 compile the kernel and the evaluator's selection before anything is timed: a full-mode context over the
     * test rows of the first few blocks' users only (the JIT's compile threads would otherwise count as CPU time).
     */
    private static void warmUp(FittedRecaller model, Interactions train, Interactions test, int threads, int block) {
        int users = Math.min(test.numUsers(), 2 * threads * block);
        int[] rows = java.util.stream.IntStream.range(0, test.size()).filter(i -> test.user(i) < users).toArray();
        RankingEvaluator.context(model, train, train.empty(), test.select(rows), settings(threads, block), 1);
    }

    /** Top-20 with exclusion over one block of precomputed scores, single thread, extrapolated to all users. */
    private static void topKAlone(String k, int dim, float[] u, float[] v, float[] bias, Interactions train, int items, int block) {
        FittedRecaller model = model(k, dim, u, v, bias);
        warmUp(model, train, train, 1, block);
        int users = train.numUsers(), n = Math.min(users, 4 * block);
        float[] out = new float[block * items];
        int[] ids = new int[users];
        for (int i = 0; i < users; i++) ids[i] = i;
        io.reclab.data.Csr csr = train.byUser();
        long sel = 0, fast = 0;
        int same = 0;
        int[][] lists = new int[block][];
        for (int rep = 0; rep < 2; rep++) // the first pass warms up thresholdSelect
            for (int from = 0; from < n; from += block) {
                int to = Math.min(n, from + block);
                model.scoreBlock(ids, from, to, out);
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int i = from; i < to; i++)
                    lists[i - from] = TopK.select(out, (i - from) * items, items, 20, csr.indices, csr.rowStart(i), csr.rowEnd(i));
                long t1 = THREADS.getCurrentThreadCpuTime();
                for (int i = from; i < to; i++)
                    if (Arrays.equals(lists[i - from], thresholdSelect(out, (i - from) * items, items, 20, csr.indices,
                            csr.rowStart(i), csr.rowEnd(i))) && rep == 1) same++;
                if (rep == 1) { sel += t1 - t0; fast += THREADS.getCurrentThreadCpuTime() - t1; }
            }
        System.out.printf("top-20 + exclusion alone, block %d, extrapolated from %d to %d users, thread CPU: "
                + "TopK.select %.2f s; threshold-first sketch %.2f s (identical lists: %d of %d)%n",
                block, n, users, sel / 1e9 / n * users, fast / 1e9 / n * users, same, n);
    }

    /**
     * A sketch of a faster {@code TopK.select} with the same result (for the report, not used by the evaluator):
     * once the heap is full, an item can only enter with a score strictly above the root's (equal scores lose to
     * the root's smaller id, as items come in increasing id order), so one predictable compare rejects almost
     * every item, and the exclusion list is consulted only for the rare candidates.
     */
    static int[] thresholdSelect(float[] scores, int offset, int n, int k, int[] exclude, int exFrom, int exTo) {
        int[] ids = new int[k];
        float[] sc = new float[k];
        int size = 0, ex = exFrom, item = 0;
        for (; item < n && size < k; item++) {
            while (ex < exTo && exclude[ex] < item) ex++;
            if (ex < exTo && exclude[ex] == item) continue;
            float s = scores[offset + item];
            ids[size] = item;
            sc[size] = s != s ? Float.NEGATIVE_INFINITY : s;
            for (int i = size++; i > 0; ) {
                int p = (i - 1) >>> 1;
                if (!worse(sc[i], ids[i], sc[p], ids[p])) break;
                swapAt(ids, sc, i, p);
                i = p;
            }
        }
        float thr = sc[0];
        for (; item < n; item++) {
            if (VECTOR_SCAN) // skip whole vectors of items none of which beats the root
                for (int end = n - SPECIES.length(); item <= end
                        && !FloatVector.fromArray(SPECIES, scores, offset + item).compare(VectorOperators.GT, thr).anyTrue(); )
                    item += SPECIES.length();
            if (item >= n) break;
            float s = scores[offset + item];
            if (!(s > thr)) continue; // NaN fails too: it ranks lowest
            while (ex < exTo && exclude[ex] < item) ex++;
            if (ex < exTo && exclude[ex] == item) continue;
            ids[0] = item;
            sc[0] = s;
            siftDownAt(ids, sc, size);
            thr = sc[0];
        }
        int[] out = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = ids[0];
            ids[0] = ids[i];
            sc[0] = sc[i];
            siftDownAt(ids, sc, i);
        }
        return out;
    }

    /** a ranks after b: lower score, or equal score and larger id (the heap keeps the worst at the root). */
    private static boolean worse(float sa, int ia, float sb, int ib) {
        return sa < sb || (sa == sb && ia > ib);
    }

    private static void siftDownAt(int[] ids, float[] sc, int size) {
        for (int i = 0; ; ) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && worse(sc[l], ids[l], sc[w], ids[w])) w = l;
            if (r < size && worse(sc[r], ids[r], sc[w], ids[w])) w = r;
            if (w == i) return;
            swapAt(ids, sc, i, w);
            i = w;
        }
    }

    private static void swapAt(int[] ids, float[] sc, int a, int b) {
        int t = ids[a]; ids[a] = ids[b]; ids[b] = t;
        float f = sc[a]; sc[a] = sc[b]; sc[b] = f;
    }

    private static EvalSettings settings(int threads, int block) {
        EvalSettings d = EvalSettings.defaults();
        return new EvalSettings(EvalSettings.Mode.FULL, d.negatives(), List.of(20), List.of(RankingMetrics.parse("ndcg@20")),
                true, threads, block);
    }

    /** Every user scored once, in blocks handed out to {@code threads} workers as the evaluator does. */
    private static void scoreAll(FittedRecaller model, int users, int block, int threads) {
        int[] ids = new int[users];
        for (int i = 0; i < users; i++) ids[i] = i;
        int blocksTotal = (users + block - 1) / block;
        AtomicInteger next = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                float[] out = new float[block * model.numItems()];
                for (int b; (b = next.getAndIncrement()) < blocksTotal; )
                    model.scoreBlock(ids, b * block, Math.min(users, (b + 1) * block), out);
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            try { th.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); throw new IllegalStateException(e); }
        }
    }

    private static double sameLists(RankingContext a, RankingContext b) {
        int same = 0;
        for (int i = 0; i < a.size(); i++) if (Arrays.equals(a.ranked()[i], b.ranked()[i])) same++;
        return (double) same / a.size();
    }

    private static FittedRecaller model(String kernel, int dim, float[] u, float[] v, float[] bias) {
        if (kernel.equals("old")) {
            OldScorer s = new OldScorer(dim, u, v, bias);
            return wrap(s.numItems, s::scoreBlock);
        }
        if (!kernel.equals("vector") && !kernel.equals("scalar")) throw new IllegalArgumentException("kernel " + kernel + ": expected old, scalar or vector");
        DotProductScorer s = new DotProductScorer(dim, u, v, bias, kernel.equals("vector"));
        System.out.println(kernel + " = " + s.kernelName());
        return wrap(s.numItems(), s::scoreBlock);
    }

    private interface Block { void score(int[] users, int from, int to, float[] out); }

    private static FittedRecaller wrap(int numItems, Block b) {
        return new FittedRecaller() {
            @Override public int numItems() { return numItems; }
            @Override public void scoreBlock(int[] users, int from, int to, float[] out) { b.score(users, from, to, out); }
        };
    }

    /** Process CPU time: less sensitive than wall time to other jobs on a shared machine. */
    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static float[] gaussian(SplittableRandom r, int n, double sd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (sd * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        return x;
    }

    private static Interactions randomLog(SplittableRandom r, int users, int items, int perUser) {
        int n = users * perUser;
        int[] us = new int[n], it = new int[n];
        for (int k = 0; k < n; k++) { us[k] = k / perUser; it[k] = r.nextInt(items); }
        return new Interactions(us, it, new float[n], new long[n], IdMap.identity(users), IdMap.identity(items));
    }

    /** The kernel DotProductScorer used before the Vector API rewrite (commit eb99100), kept for the comparison. */
    private static final class OldScorer {
        private static final int ITEM_TILE = 1024;
        private final int dim, numItems;
        private final float[] userVecs, itemsT, itemBias;

        OldScorer(int dim, float[] userVecs, float[] itemVecs, float[] itemBias) {
            this.dim = dim;
            this.numItems = itemVecs.length / dim;
            this.userVecs = userVecs;
            this.itemsT = new float[dim * numItems];
            for (int i = 0; i < numItems; i++)
                for (int k = 0; k < dim; k++) itemsT[k * numItems + i] = itemVecs[i * dim + k];
            this.itemBias = itemBias;
        }

        void scoreBlock(int[] users, int from, int to, float[] out) {
            int b = to - from;
            int ni = numItems, d = dim;
            for (int r = 0; r < b; r++) {
                if (itemBias != null) System.arraycopy(itemBias, 0, out, r * ni, ni);
                else Arrays.fill(out, r * ni, (r + 1) * ni, 0f);
            }
            for (int j0 = 0; j0 < ni; j0 += ITEM_TILE) {
                int j1 = Math.min(ni, j0 + ITEM_TILE);
                int r = 0;
                for (; r + 3 < b; r += 4) {
                    int u0 = users[from + r] * d, u1 = users[from + r + 1] * d, u2 = users[from + r + 2] * d, u3 = users[from + r + 3] * d;
                    int o0 = r * ni, o1 = o0 + ni, o2 = o1 + ni, o3 = o2 + ni;
                    for (int k = 0; k < d; k++) {
                        float a0 = userVecs[u0 + k], a1 = userVecs[u1 + k], a2 = userVecs[u2 + k], a3 = userVecs[u3 + k];
                        int vo = k * ni;
                        for (int j = j0; j < j1; j++) {
                            float x = itemsT[vo + j];
                            out[o0 + j] += a0 * x;
                            out[o1 + j] += a1 * x;
                            out[o2 + j] += a2 * x;
                            out[o3 + j] += a3 * x;
                        }
                    }
                }
                for (; r < b; r++) {
                    int u0 = users[from + r] * d, o0 = r * ni;
                    for (int k = 0; k < d; k++) {
                        float a0 = userVecs[u0 + k];
                        int vo = k * ni;
                        for (int j = j0; j < j1; j++) out[o0 + j] += a0 * itemsT[vo + j];
                    }
                }
            }
        }
    }
}
