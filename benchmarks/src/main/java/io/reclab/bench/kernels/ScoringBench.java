package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.recall.DotProductScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;


/**
 * Full-ranking scoring: one block of users × every item through {@link DotProductScorer#scoreBlock}, the dense
 * product behind every embedding model's evaluation and recommend-all (the evaluator hands such blocks to its
 * worker threads). Single-threaded, so the figure is the kernel's own; multiply {@code block · items · dim} by the
 * ops per second for multiply-adds per second.
 * <p>
 * {@link #vector} runs the Vector API kernel (the fork gets {@code --add-modules jdk.incubator.vector});
 * {@link #scalar} runs the plain-Java kernel that a JVM without the module falls back to, in a fork started without
 * the host's flags (so without the module). Their ratio is what the launcher's flag is worth.
 * <p>
 * Default sizes are small; LightGCN's Gowalla protocol is {@code -p items=40981}, MovieLens-20M
 * {@code -p items=26744}.
 */
public class ScoringBench extends VectorBench {
    @Param("10000")
    public int items;

    @Param("64")
    public int dim;

    /** Users per block: the evaluator's default {@code block-size}. */
    @Param("256")
    public int block;

    private DotProductScorer scorer;
    private int[] users;
    private float[] out;

    @Setup
    public void setup() {
        scorer = new DotProductScorer(dim, Synthetic.gaussian(1, block * dim, 1), Synthetic.gaussian(2, items * dim, 1),
                Synthetic.gaussian(3, items, 0.1));
        users = Synthetic.range(block);
        out = new float[block * items];
    }

    /** The kernel a JVM with the Vector API module uses (as the {@code reclab} launcher runs). */
    @Benchmark
    public float[] vector() {
        scorer.scoreBlock(users, 0, block, out);
        return out;
    }

    /** The scalar fallback: the fork replaces the JVM flags with none, so the module is absent. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {}, jvmArgsAppend = {})
    public float[] scalar() {
        scorer.scoreBlock(users, 0, block, out);
        return out;
    }
}
