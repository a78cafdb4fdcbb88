package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.InteractionLogBench;
import io.reclab.bench.fixtures.Models;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.lightgcn.LightGcnFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;


/**
 * LightGCN's sparse propagation, the normalised adjacency {@code Â = D^-1/2 A D^-1/2} times the embedding table,
 * timed as one training epoch: the products are package-private, and they are most of an epoch. With the
 * official schedule ({@code refresh-every = 1}) every minibatch propagates through the whole graph forward and
 * back, K products each way; with the shipped {@code 8} the forward products run once per 8 batches. The epoch also
 * builds Â, samples the BPR triples, steps Adam over every row after each batch and ends with the final propagation
 * of the fitted model; {@code -p layers=0} times all of that without a single product, so {@code layers=3} minus
 * {@code layers=0} is the propagation's own cost.
 * <p>
 * Shipped defaults otherwise (64 factors, batch 2048); single-threaded by default ({@code -p threads=2} for the
 * parallel products). Data: {@link InteractionLogBench}.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PropagationBench extends InteractionLogBench {
    @Param("3")
    public int layers;

    @Param({"1", "8"})
    public int refreshEvery;

    @Param("1")
    public int threads;

    private Recaller recaller;

    @Setup
    public void setup() {
        buildLog();
        recaller = Models.create(new LightGcnFactory(), "epochs = 1, layers = " + layers + ", refresh-every = " + refreshEvery);
    }

    @Benchmark
    public FittedRecaller epoch() {
        return recaller.fit(Models.recallContext(log, threads));
    }
}
