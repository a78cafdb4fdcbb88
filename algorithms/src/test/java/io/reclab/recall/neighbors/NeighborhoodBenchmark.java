package io.reclab.recall.neighbors;

import io.reclab.util.Parallel;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.ease.EaseConfig;
import io.reclab.recall.ease.EaseRecaller;
import io.reclab.recall.itemcf.ItemCfConfig;
import io.reclab.recall.itemcf.ItemCfRecaller;
import io.reclab.recall.pop.PopConfig;
import io.reclab.recall.pop.PopRecaller;
import io.reclab.recall.rp3beta.Rp3BetaConfig;
import io.reclab.recall.rp3beta.Rp3BetaRecaller;
import io.reclab.recall.swing.SwingConfig;
import io.reclab.recall.swing.SwingRecaller;
import io.reclab.recall.usercf.UserCfConfig;
import io.reclab.recall.usercf.UserCfRecaller;
import io.reclab.run.TrainingLog;
import io.reclab.util.TopK;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Timing and sanity harness (a {@code main}, not a unit test) on MovieLens 100K: for each model, fits on all
 * ratings and scores every user (full score rows in blocks of 64 users on {@code threads} threads, then top-10 by
 * {@link TopK#select} excluding training items), printing wall seconds for fit and for scoring and the process CPU seconds of both (GC and JIT included). With {@code --quality}
 * it also fits on a random 80% of the ratings (seed 1) and prints Recall@10 / NDCG@10 on the other 20%, a rough
 * check that defaults are sensible (not the framework's evaluator).
 * <p>Usage: {@code java -cp ... io.reclab.recall.neighbors.NeighborhoodBenchmark [ml-100k dir] [threads] [--quality]},
 * or {@code ... NeighborhoodBenchmark [threads] --synthetic-1m} to time the default models on a random log of
 * MovieLens 1M's size (no ML-1M copy is assumed).
 * The data directory defaults to system property {@code reclab.ml100k}, env {@code RECLAB_ML100K}, then
 * {@code /work/shared/data/ml-100k}.
 */
public final class NeighborhoodBenchmark {
    private NeighborhoodBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<String> pos = new ArrayList<>();
        boolean quality = false, synthetic = false;
        for (String a : args) {
            if (a.equals("--quality")) quality = true;
            else if (a.equals("--synthetic-1m")) synthetic = true;
            else pos.add(a);
        }
        if (synthetic) {
            int threads = pos.isEmpty() ? 2 : Integer.parseInt(pos.get(0));
            Interactions log = synthetic1m();
            System.out.printf(Locale.ROOT, "synthetic ML-1M-sized %s, %d threads%n", log, threads);
            System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s %8s%n", "model", "fit s", "score s", "total s", "cpu s");
            for (Map.Entry<String, Recaller> e : models().entrySet())
                if (!e.getKey().contains("=") && !e.getKey().contains("all")) time(e.getKey(), e.getValue(), log, threads);
            return;
        }
        Path dir = Path.of(pos.size() > 0 ? pos.get(0) : System.getProperty("reclab.ml100k",
                System.getenv().getOrDefault("RECLAB_ML100K", "/work/shared/data/ml-100k")));
        int threads = pos.size() > 1 ? Integer.parseInt(pos.get(1)) : 2;
        Path file = dir.resolve("u.data");
        if (!Files.isRegularFile(file)) {
            System.out.println("ml-100k not found at " + file + "; nothing to do");
            return;
        }
        Interactions all = read(file);
        System.out.printf(Locale.ROOT, "%s, %d threads, %d cores available%n", all, threads, Runtime.getRuntime().availableProcessors());
        Map<String, Recaller> models = models();
        System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s %8s%n", "model", "fit s", "score s", "total s", "cpu s");
        for (int rep = 0; rep < 2; rep++) { // the first round warms up the JIT
            if (rep == 1) System.out.println("-- second round (warm JIT) --");
            for (Map.Entry<String, Recaller> e : models.entrySet()) time(e.getKey(), e.getValue(), all, threads);
        }
        if (quality) quality(all, threads);
    }

    static Map<String, Recaller> models() {
        Map<String, Recaller> m = new LinkedHashMap<>();
        m.put("pop", new PopRecaller(new PopConfig()));
        m.put("itemcf", new ItemCfRecaller(ItemCfConfig.DEFAULTS));
        m.put("itemcf shrink=10", new ItemCfRecaller(new ItemCfConfig(100, 10, false, false, ItemCfConfig.CANDIDATE_TOPK)));
        m.put("itemcf all neighbours", new ItemCfRecaller(new ItemCfConfig(100_000, 0, false, false, ItemCfConfig.CANDIDATE_TOPK)));
        m.put("itemcf iuf+normalize", new ItemCfRecaller(new ItemCfConfig(100, 0, true, true, ItemCfConfig.CANDIDATE_TOPK)));
        m.put("usercf", new UserCfRecaller(UserCfConfig.DEFAULTS));
        m.put("usercf shrink=10", new UserCfRecaller(new UserCfConfig(50, 10)));
        m.put("rp3beta", new Rp3BetaRecaller(Rp3BetaConfig.DEFAULTS));
        m.put("swing", new SwingRecaller(SwingConfig.DEFAULTS));
        m.put("swing cap=1000", new SwingRecaller(new SwingConfig(100, 1, true, 5, 1000)));
        m.put("swing cap=200", new SwingRecaller(new SwingConfig(100, 1, true, 5, 200)));
        m.put("ease", new EaseRecaller(EaseConfig.DEFAULTS));
        return m;
    }

    /**
     * A log shaped like MovieLens 1M (6040 users, 3706 items, about 1M interactions): user degrees 20 + exponential
     * with mean 145, items drawn from a Zipf-like popularity (weight 1 / (rank + 10)^0.9). Timing only.
     */
    static Interactions synthetic1m() {
        int users = 6040, items = 3706;
        SplittableRandom rng = new SplittableRandom(2024);
        double[] cum = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) cum[i] = total += Math.pow(i + 10, -0.9);
        List<int[]> rows = new ArrayList<>();
        int nnz = 0;
        for (int u = 0; u < users; u++) {
            int d = Math.min(items / 2, 20 + (int) (-145 * Math.log(1 - rng.nextDouble())));
            java.util.BitSet seen = new java.util.BitSet(items);
            while (seen.cardinality() < d) {
                int i = java.util.Arrays.binarySearch(cum, rng.nextDouble() * total);
                seen.set(i < 0 ? Math.min(items - 1, -i - 1) : i);
            }
            int[] r = seen.stream().toArray();
            rows.add(r);
            nnz += r.length;
        }
        int[] uu = new int[nnz], ii = new int[nnz];
        int k = 0;
        for (int u = 0; u < users; u++) for (int i : rows.get(u)) { uu[k] = u; ii[k++] = i; }
        return new Interactions(uu, ii, new float[nnz], new long[nnz], IdMap.identity(users), IdMap.identity(items));
    }

    static Interactions read(Path file) throws IOException {
        IdMap.Builder users = new IdMap.Builder(), items = new IdMap.Builder();
        List<String> lines = Files.readAllLines(file);
        int n = lines.size();
        int[] u = new int[n], i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int r = 0; r < n; r++) {
            String[] f = lines.get(r).split("\t");
            if (f.length != 4) throw new IOException(file + ":" + (r + 1) + ": expected 4 tab-separated fields, got " + f.length);
            u[r] = users.add(f[0]);
            i[r] = items.add(f[1]);
            v[r] = Float.parseFloat(f[2]);
            t[r] = Long.parseLong(f[3]);
        }
        return new Interactions(u, i, v, t, users.build(), items.build());
    }

    static TrainContext context(Interactions train, int threads) {
        return new TrainContext(train, train.empty(), null, null, 1L, threads, new TrainingLog(), null);
    }

    /** CPU seconds used by the whole process so far: robust to other jobs sharing the machine, unlike wall time. */
    static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    static void time(String name, Recaller r, Interactions train, int threads) {
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        FittedRecaller m = r.fit(context(train, threads));
        long t1 = System.nanoTime();
        int[][] top = topAll(m, SparsePattern.userItems(train), 10, threads);
        long t2 = System.nanoTime();
        if (top.length != train.numUsers()) throw new IllegalStateException("missing users");
        System.out.printf(Locale.ROOT, "%-26s %8.3f %8.3f %8.3f %8.3f%n", name, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t2 - t0) / 1e9, cpuSeconds() - c0);
    }

    /** Top-k of every user, excluding training items, scoring blocks of 64 users in parallel. */
    static int[][] topAll(FittedRecaller m, SparsePattern train, int k, int threads) {
        int users = train.rows, n = m.numItems(), block = 64;
        int[] ids = new int[users];
        for (int u = 0; u < users; u++) ids[u] = u;
        int[][] top = new int[users][];
        Parallel.forChunks(users, threads, block, () -> new float[block * n], (buf, from, to) -> {
            m.scoreBlock(ids, from, to, buf);
            for (int u = from; u < to; u++)
                top[u] = TopK.select(buf, (u - from) * n, n, k, train.indices, train.indptr[u], train.indptr[u + 1]);
        });
        return top;
    }

    static void quality(Interactions all, int threads) {
        SplittableRandom rng = new SplittableRandom(1);
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) (rng.nextDouble() < 0.8 ? tr : te).add(r);
        Interactions train = all.select(tr.stream().mapToInt(Integer::intValue).toArray());
        SparsePattern test = SparsePattern.userItems(all.select(te.stream().mapToInt(Integer::intValue).toArray()));
        SparsePattern trainPattern = SparsePattern.userItems(train);
        System.out.println("-- quality: random 80/20 split (seed 1), users with test items --");
        System.out.printf(Locale.ROOT, "%-26s %9s %9s%n", "model", "Recall@10", "NDCG@10");
        for (Map.Entry<String, Recaller> e : models().entrySet()) {
            int[][] top = topAll(e.getValue().fit(context(train, threads)), trainPattern, 10, threads);
            double recall = 0, ndcg = 0;
            int counted = 0;
            for (int u = 0; u < test.rows; u++) {
                int nt = test.degree(u);
                if (nt == 0) continue;
                counted++;
                double hits = 0, dcg = 0, idcg = 0;
                for (int p = 0; p < top[u].length; p++)
                    if (java.util.Arrays.binarySearch(test.indices, test.indptr[u], test.indptr[u + 1], top[u][p]) >= 0) {
                        hits++;
                        dcg += 1 / (Math.log(p + 2) / Math.log(2));
                    }
                for (int p = 0; p < Math.min(nt, 10); p++) idcg += 1 / (Math.log(p + 2) / Math.log(2));
                recall += hits / nt;
                ndcg += dcg / idcg;
            }
            System.out.printf(Locale.ROOT, "%-26s %9.4f %9.4f%n", e.getKey(), recall / counted, ndcg / counted);
        }
    }
}
