package io.reclab.train;

import io.reclab.config.ConfigBlock;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.als.AlsFactory;
import io.reclab.recall.bpr.BprFactory;
import io.reclab.recall.embedding.AnnQuality;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.recall.lightgcn.LightGcnFactory;
import io.reclab.run.TrainingLog;
import com.typesafe.config.ConfigFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark harness (not a unit test): times ALS (64 factors × 10 iterations), one BPR epoch and one LightGCN epoch on
 * MovieLens 100K if present, and BPR / LightGCN epochs on a synthetic ml-1m-sized log (6k users × 3.7k items ×
 * 800k interactions, Zipf-like item popularity). Each timing is the last of {@code -Dreps=2} runs (the first warms the JIT); wall and process CPU seconds are printed.
 * Run: {@code java -cp <test classpath> io.reclab.train.MfBenchmark [threads] [ml-100k dir]}.
 */
public final class MfBenchmark {
    private static final int REPS = Integer.getInteger("reps", 2);

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path ml = Path.of(args.length > 1 ? args[1] : "../shared/data/ml-100k");
        if (!Files.exists(ml.resolve("u.data"))) ml = Path.of("../../shared/data/ml-100k");
        System.out.printf(Locale.ROOT, "threads=%d, cpus=%d%n", threads, Runtime.getRuntime().availableProcessors());
        boolean onlySynthetic = Boolean.getBoolean("synthetic");
        if (!onlySynthetic && Files.exists(ml.resolve("u.data"))) {
            Interactions d = readMl(ml.resolve("u.data"));
            System.out.println("ml-100k: " + d);
            time("ALS 64x10 cg", new AlsFactory(), "iterations = 10", d, threads);
            time("ALS 64x10 cholesky", new AlsFactory(), "iterations = 10, solver = cholesky", d, threads);
            time("BPR 1 epoch", new BprFactory(), "epochs = 1", d, threads);
            time("LightGCN 1 ep exact", new LightGcnFactory(), "epochs = 1, refresh-every = 1", d, threads);
            time("LightGCN 1 ep cached8", new LightGcnFactory(), "epochs = 1, refresh-every = 8", d, threads);
            EmbeddingRecaller m = (EmbeddingRecaller) time("ALS 64x10 + hnsw", new AlsFactory(), "iterations = 10, retrieval = hnsw", d, threads);
            AnnQuality.Report r = AnnQuality.measure(m, d.byUser(), 10, 943, 1);
            System.out.println("  ANN on ALS factors: " + r.extras());
        } else if (!onlySynthetic) {
            System.out.println("ml-100k not found at " + ml + "; skipping");
        }
        if (Boolean.getBoolean("skipSynthetic")) return;
        Interactions s = synthetic(6000, 3700, 800_000, 42);
        System.out.println("synthetic: " + s);
        if (!Boolean.getBoolean("skipBpr")) time("BPR 1 epoch", new BprFactory(), "epochs = 1", s, threads);
        time("LightGCN 1 ep exact", new LightGcnFactory(), "epochs = 1, refresh-every = 1", s, threads);
        time("LightGCN 1 ep cached8", new LightGcnFactory(), "epochs = 1, refresh-every = 8", s, threads);
    }

    static Object time(String label, io.reclab.config.Factory<Recaller> f, String conf, Interactions d, int threads) {
        Object model = null;
        double secs = 0, cpu = 0;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < REPS; rep++) {
            Recaller r = f.create(new ConfigBlock(ConfigFactory.parseString(conf), "bench"));
            long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
            model = r.fit(new TrainContext(d, d.empty(), null, null, 1, threads, new TrainingLog(), null));
            secs = (System.nanoTime() - t0) / 1e9;
            cpu = (os.getProcessCpuTime() - c0) / 1e9;
        }
        // on a shared machine wall time includes waiting for a core; CPU seconds / threads is the idle-machine estimate
        System.out.printf(Locale.ROOT, "  %-22s wall %.3f s, cpu %.3f s (cpu/threads %.3f s)%n", label, secs, cpu, cpu / threads);
        return model;
    }

    static Interactions readMl(Path file) throws IOException {
        IdMap.Builder users = new IdMap.Builder(), items = new IdMap.Builder();
        int[] u = new int[100_000], i = new int[100_000];
        float[] v = new float[100_000];
        long[] t = new long[100_000];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t");
                if (n == u.length) {
                    u = java.util.Arrays.copyOf(u, 2 * n); i = java.util.Arrays.copyOf(i, 2 * n);
                    v = java.util.Arrays.copyOf(v, 2 * n); t = java.util.Arrays.copyOf(t, 2 * n);
                }
                u[n] = users.add(f[0]); i[n] = items.add(f[1]); v[n] = Float.parseFloat(f[2]); t[n++] = Long.parseLong(f[3]);
            }
        }
        return new Interactions(java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(i, n), java.util.Arrays.copyOf(v, n),
                java.util.Arrays.copyOf(t, n), users.build(), items.build());
    }

    /** Distinct (user, item) pairs, user degrees roughly equal, item popularity ∝ 1/(rank+10)^0.9. */
    public static Interactions synthetic(int users, int items, int nnz, long seed) {
        double[] w = new double[items];
        for (int i = 0; i < items; i++) w[i] = Math.pow(i + 10, -0.9);
        AliasTable pop = new AliasTable(w);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] u = new int[nnz], it = new int[nnz];
        boolean[] seen = new boolean[items];
        int n = 0;
        for (int user = 0; user < users; user++) {
            int want = (int) ((long) nnz * (user + 1) / users) - n;
            int[] mine = new int[want];
            for (int a = 0; a < want; a++) {
                int x;
                do x = pop.sample(rng); while (seen[x]);
                seen[x] = true;
                mine[a] = x;
                u[n] = user; it[n++] = x;
            }
            for (int x : mine) seen[x] = false;
        }
        float[] v = new float[nnz];
        java.util.Arrays.fill(v, 1f);
        return new Interactions(u, it, v, new long[nnz], IdMap.identity(users), IdMap.identity(items));
    }
}
