package io.reclab.recall.lightgcn;

import io.reclab.data.Csr;
import io.reclab.data.Interactions;
import io.reclab.optim.OptimizerConfig;
import io.reclab.train.Init;
import io.reclab.train.MfBenchmark;
import io.reclab.train.PairSampler;
import io.reclab.util.Parallel;

import java.util.Locale;

/**
 * Profiling harness (not a unit test): splits the cost of LightGCN minibatch steps on an ml-1m-sized synthetic
 * graph (6k users × 3.7k items × 800k interactions) into full propagation, step (forward + backward) and
 * optimizer. Run: {@code java -cp <test classpath> io.reclab.recall.lightgcn.LightGcnProfile [threads] [batches]}.
 */
public final class LightGcnProfile {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int refresh = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Interactions d = MfBenchmark.synthetic(6000, 3700, 800_000, 42);
        int k = 64, users = d.numUsers(), items = d.numItems();
        Csr adj = NormalizedAdjacency.build(d.byUser());
        PairSampler sampler = new PairSampler(d.byUser(), "uniform", 3);
        int n = sampler.size();
        int[] su = new int[n], si = new int[n], sj = new int[n];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (Parallel par = new Parallel(threads)) {
            sampler.sampleEpoch(1, par, su, si, sj);
            OptimizerConfig adam = new OptimizerConfig("adam", 1e-3, 0, 0.9, 0.999, 1e-8);
            LightGcnState st = new LightGcnState(adj, users, items, k, 3, Init.normal((users + items) * k, 0.1, 1), 1e-4, adam, par, refresh);
            for (int rep = 0; rep < 2; rep++) {
                long prop = 0, grad = 0, apply = 0;
                long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    long t0 = System.nanoTime();
                    if (b % 10 == 0) st.propagateAll();
                    long t1 = System.nanoTime();
                    int from = b * 2048;
                    st.gradients(su, si, sj, from, from + 2048);
                    long t2 = System.nanoTime();
                    st.apply();
                    long t3 = System.nanoTime();
                    prop += t1 - t0; grad += t2 - t1; apply += t3 - t2;
                }
                double wall = (System.nanoTime() - w0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
                System.out.printf(Locale.ROOT, "rep %d: %d batches: step %.1f ms/batch, apply %.1f ms/batch, full propagation %.1f ms; "
                                + "wall %.2f s cpu %.2f s; epoch (%d batches) est. %.1f s wall%n", rep, batches, grad / 1e6 / batches,
                        apply / 1e6 / batches, prop / 1e6 / ((batches + 9) / 10), wall, cpu, (n + 2047) / 2048,
                        (grad + apply) / 1e9 / batches * ((n + 2047) / 2048));
            }
        }
    }
}
