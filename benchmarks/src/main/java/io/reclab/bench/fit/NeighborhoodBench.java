package io.reclab.bench.fit;

import io.reclab.bench.fixtures.InteractionLogBench;
import io.reclab.bench.fixtures.Models;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.data.Csr;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.util.Parallel;
import io.reclab.util.TopK;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;


/**
 * The non-learned recall models at their shipped defaults, in the two costs that matter for them: {@link #fit}
 * (co-occurrence counting, similarity and neighbour selection; EASE's item-item inverse) and {@link #recommendAll}
 * (every user's top {@code k}, excluding training items, from score rows of 64 users at a time, as recommend-all
 * and the evaluator ask for them). The popularity baseline is there as the floor of both. Data:
 * {@link InteractionLogBench}; the item count decides EASE's cubic fit.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class NeighborhoodBench extends InteractionLogBench {
    private static final int BLOCK = 64;

    @Param({"pop", "itemcf", "usercf", "rp3beta", "swing", "ease"})
    public String model;

    @Param("10")
    public int k;

    @Param("1")
    public int threads;

    private Recaller recaller;
    private FittedRecaller fitted;
    private int[] userIds;

    @Setup
    public void setup() {
        buildLog();
        recaller = Models.recaller(model, "");
        fitted = recaller.fit(Models.recallContext(log, threads));
        userIds = Synthetic.range(log.numUsers());
    }

    @Benchmark
    public FittedRecaller fit() {
        return recaller.fit(Models.recallContext(log, threads));
    }

    @Benchmark
    public int[][] recommendAll() {
        int n = fitted.numItems();
        Csr seen = log.byUser();
        int[][] top = new int[userIds.length][];
        Parallel.forChunks(userIds.length, threads, BLOCK, () -> new float[BLOCK * n], (buf, from, to) -> {
            fitted.scoreBlock(userIds, from, to, buf);
            for (int u = from; u < to; u++)
                top[u] = TopK.select(buf, (u - from) * n, n, k, seen.indices, seen.rowStart(u), seen.rowEnd(u));
        });
        return top;
    }
}
