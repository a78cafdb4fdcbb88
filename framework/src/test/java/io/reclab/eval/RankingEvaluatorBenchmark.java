package io.reclab.eval;

import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.DotProductScorer;
import io.reclab.recall.FittedRecaller;

import java.util.SplittableRandom;

/**
 * Timing harness (not a unit test) for full-ranking evaluation at LightGCN's Gowalla scale: 30k users × 41k items,
 * dim 64, ~30 training and ~5 test items per user. Run with
 * {@code java -cp <test-classes>:<classes>:<deps> io.reclab.eval.RankingEvaluatorBenchmark [users items dim threads reps]}.
 * Prints the seconds of {@code RankingEvaluator.context} per repetition, and the share spent in scoring alone.
 */
public final class RankingEvaluatorBenchmark {
    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 41_000;
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        SplittableRandom r = new SplittableRandom(2026);
        Interactions train = randomLog(r, users, items, 30);
        Interactions test = EvalFixtures.sameMaps(randomLog(r, users, items, 5), train);
        DotProductScorer scorer = EvalFixtures.gaussianModel(7, users, items, dim);
        FittedRecaller model = EvalFixtures.model(scorer);
        EvalSettings s = EvalSettings.defaults().withThreads(threads);
        train.byUser();
        test.byUser();
        System.out.printf("full ranking: %d users x %d items, dim %d, %d train rows, %d threads, %d cores visible%n",
                users, items, dim, train.size(), threads, Runtime.getRuntime().availableProcessors());
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime(), c0 = processCpu();
            RankingContext c = RankingEvaluator.context(model, train, train.empty(), test, s, 1);
            long t1 = System.nanoTime(), c1 = processCpu();
            double ndcg = io.reclab.metric.ranking.RankingMetrics.parse("ndcg@20").compute(c).value();
            System.out.printf("rep %d: context %.2f s wall, %.2f s process CPU (%d users ranked, ndcg@20 %.4f)%n",
                    rep, (t1 - t0) / 1e9, (c1 - c0) / 1e9, c.size(), ndcg);
        }
        // scoring alone, single thread, to tell the model's share from the evaluator's
        int block = 256;
        float[] out = new float[block * items];
        int[] ids = new int[users];
        for (int u = 0; u < users; u++) ids[u] = u;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        int done = 0;
        for (int from = 0; from < users && done < 4096; from += block, done += block)
            scorer.scoreBlock(ids, from, Math.min(users, from + block), out);
        double perUser = (mx.getCurrentThreadCpuTime() - t0) / 1e9 / done;
        System.out.printf("scoreBlock alone: %.2f s thread CPU per %d users (extrapolated from %d users)%n",
                perUser * users, users, done);
        long t2 = mx.getCurrentThreadCpuTime();
        for (int u = 0; u < 4096; u++)
            io.reclab.util.TopK.select(out, (u % block) * items, items, 20, train.byUser().indices,
                    train.byUser().rowStart(u), train.byUser().rowEnd(u));
        System.out.printf("top-20 with exclusion alone: %.2f s thread CPU per %d users (extrapolated)%n",
                (mx.getCurrentThreadCpuTime() - t2) / 1e9 / 4096 * users, users);
    }

    /** Process CPU time: less sensitive than wall time to other jobs on a shared machine. */
    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static Interactions randomLog(SplittableRandom r, int users, int items, int perUser) {
        int n = users * perUser;
        int[] u = new int[n], it = new int[n];
        for (int k = 0; k < n; k++) { u[k] = k / perUser; it[k] = r.nextInt(items); }
        return new Interactions(u, it, new float[n], new long[n], IdMap.identity(users), IdMap.identity(items));
    }
}
