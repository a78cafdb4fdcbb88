package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.InteractionLogBench;
import io.reclab.bench.fixtures.Models;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.item2vec.Item2VecFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;


/**
 * item2vec's skip-gram negative-sampling updates, timed as a fit of one epoch: the epoch runner is package-private,
 * and an epoch is one pass of SGNS updates over every user's sequence (up to {@code window} context items each side of a
 * centre, {@code negatives} unigram^0.75 negatives per pair; for the context item and each negative, a dot product
 * and two axpy updates of {@code factors} floats). Around it the fit reads the sequences, builds the negative-sampling
 * table and, at the end, the user and item vectors the model serves (one pass over the tables).
 * <p>
 * Shipped defaults otherwise; single-threaded by default, the sequential SGD of word2vec ({@code -p threads=2} runs
 * the synchronous replica rounds instead). Data: {@link InteractionLogBench}.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SgnsBench extends InteractionLogBench {
    /** Half-width of the sliding context window (the shipped 20; 0 = the whole user set). */
    @Param("20")
    public int window;

    @Param("5")
    public int negatives;

    @Param("64")
    public int factors;

    @Param("1")
    public int threads;

    private Recaller recaller;

    @Setup
    public void setup() {
        buildLog();
        recaller = Models.create(new Item2VecFactory(),
                "epochs = 1, window = " + window + ", negatives = " + negatives + ", factors = " + factors);
    }

    @Benchmark
    public FittedRecaller epoch() {
        return recaller.fit(Models.recallContext(log, threads));
    }
}
