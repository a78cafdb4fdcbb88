package io.reclab.rank.train;

import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.rank.dcn.Dcn;
import io.reclab.rank.dcn.DcnConfig;
import io.reclab.rank.deepfm.DeepFm;
import io.reclab.rank.deepfm.DeepFmConfig;
import io.reclab.rank.ffm.Ffm;
import io.reclab.rank.ffm.FfmConfig;
import io.reclab.rank.fm.Fm;
import io.reclab.rank.fm.FmConfig;
import io.reclab.rank.widedeep.WideDeep;
import io.reclab.rank.widedeep.WideDeepConfig;
import io.reclab.run.TrainingLog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not a unit test: times one training epoch of each model with its default configuration (batch 4096 except
 * FFM's 128, MLP [400, 400, 400], k = 10) on 100k synthetic samples with 8 fields. Run with
 * {@code java -cp <test+main classpath> io.reclab.rank.train.CtrBenchmark [samples] [threads] [model,model...]}.
 * The first run of each model includes JIT warm-up; the best of {@code -Drepeats} (default 2) runs is reported,
 * with the process CPU time it took (a steadier figure than wall time on a shared machine).
 */
public final class CtrBenchmark {
    private static final int REPEATS = Integer.getInteger("repeats", 2);

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Samples train = new SyntheticCtr(42).samples(n, 1);
        Map<String, Ranker> models = new LinkedHashMap<>();
        TrainConfig one = new TrainConfig(1, 4096, 2);
        FmConfig fm = FmConfig.defaults();
        models.put("fm", new Fm(new FmConfig(fm.embeddingDim(), fm.initStd(), fm.optimizer(), one)));
        FfmConfig ffm = FfmConfig.defaults();
        models.put("ffm", new Ffm(new FfmConfig(ffm.embeddingDim(), ffm.normalize(), ffm.linear(), ffm.optimizer(),
                new TrainConfig(1, ffm.train().batchSize(), 2))));
        WideDeepConfig wd = WideDeepConfig.defaults();
        models.put("widedeep", new WideDeep(new WideDeepConfig(wd.embeddingDim(), wd.initStd(), wd.mlp(), wd.deepOptimizer(),
                wd.wideAlpha(), wd.wideBeta(), wd.wideL1(), wd.wideL2(), one)));
        DeepFmConfig dfm = DeepFmConfig.defaults();
        models.put("deepfm", new DeepFm(new DeepFmConfig(dfm.embeddingDim(), dfm.initStd(), dfm.mlp(), dfm.optimizer(), one)));
        DcnConfig dcn = DcnConfig.defaults();
        for (String v : new String[]{"v1", "v2"})
            models.put("dcn-" + v, new Dcn(new DcnConfig(v, dcn.crossLayers(), dcn.structure(), dcn.lowRank(), dcn.embeddingDim(),
                    dcn.initStd(), dcn.mlp(), dcn.optimizer(), one)));
        System.out.printf("samples=%d fields=%d threads=%d cores=%d%n", n, train.numFields(), threads,
                Runtime.getRuntime().availableProcessors());
        java.util.Set<String> only = args.length > 2 ? java.util.Set.of(args[2].split(",")) : models.keySet();
        for (Map.Entry<String, Ranker> e : models.entrySet()) {
            if (!only.contains(e.getKey())) continue;
            double best = Double.MAX_VALUE, cpu = 0;
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < REPEATS; r++) {
                long c0 = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
                long t0 = System.nanoTime();
                e.getValue().fit(new RankTrainContext(train, null, 1, threads, new TrainingLog()));
                double wall = (System.nanoTime() - t0) / 1e9;
                if (wall < best) {
                    best = wall;
                    cpu = (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - c0) / 1e9;
                }
            }
            System.out.printf("%-10s one epoch: %.2f s wall, %.2f s CPU%n", e.getKey(), best, cpu);
        }
    }
}
