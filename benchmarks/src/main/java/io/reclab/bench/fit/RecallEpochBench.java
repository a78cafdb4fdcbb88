package io.reclab.bench.fit;

import io.reclab.bench.fixtures.InteractionLogBench;
import io.reclab.bench.fixtures.Models;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;


/**
 * One training epoch of a learned recall model at its shipped defaults, including what a fit does around it
 * (sampling, initialisation, the final snapshot the model serves): {@code bpr}, {@code fm-recall} and
 * {@code twotower} by default. {@code -p model=lightgcn,item2vec,als} also works ({@code als} runs one iteration);
 * those three have their own kernel benchmarks with their schedule's settings as parameters
 * ({@link io.reclab.bench.kernels.PropagationBench}, {@link io.reclab.bench.kernels.SgnsBench},
 * {@link io.reclab.bench.kernels.AlsSolveBench}). No side features. Data: {@link InteractionLogBench}.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class RecallEpochBench extends InteractionLogBench {
    @Param({"bpr", "fm-recall", "twotower"})
    public String model;

    @Param("1")
    public int threads;

    private Recaller recaller;

    @Setup
    public void setup() {
        buildLog();
        recaller = Models.recaller(model, model.equals("als") ? "iterations = 1" : "epochs = 1");
    }

    @Benchmark
    public FittedRecaller epoch() {
        return recaller.fit(Models.recallContext(log, threads));
    }
}
