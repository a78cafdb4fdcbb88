package io.reclab.bench.fit;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.bench.fixtures.Models;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;


/**
 * One training epoch of each CTR ranker at its shipped defaults (batch size, optimizer, MLP), through
 * {@code Ranker.fit}: everything a real epoch does, shuffling and the parallel minibatch steps included, where
 * {@link io.reclab.bench.kernels.FmStepBench} splits a single step into its phases. {@code dcn-v1} and
 * {@code dcn-v2} are DCN with {@code version} set. Synthetic one-hot samples ({@link Synthetic#ctr}); Criteo-like
 * is {@code -p fields=39 -p vocabulary=100000 -p samples=1000000} with several gigabytes of heap.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CtrEpochBench extends VectorBench {
    @Param({"lr", "fm", "ffm", "widedeep", "deepfm", "dcn-v1", "dcn-v2"})
    public String model;

    @Param("20000")
    public int samples;

    @Param("8")
    public int fields;

    @Param("1000")
    public int vocabulary;

    @Param("1")
    public int threads;

    private Ranker ranker;
    private Samples train;

    @Setup
    public void setup() {
        train = Synthetic.ctr(samples, fields, vocabulary, 11);
        ranker = model.startsWith("dcn-")
                ? Models.ranker("dcn", "epochs = 1, version = " + model.substring(4))
                : Models.ranker(model, "epochs = 1");
    }

    @Benchmark
    public FittedRanker epoch() {
        return ranker.fit(Models.rankContext(train, threads));
    }
}
