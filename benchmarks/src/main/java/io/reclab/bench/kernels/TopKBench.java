package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.data.Csr;
import io.reclab.recall.DotProductScorer;
import io.reclab.util.TopK;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;


/**
 * Top-K selection with exclusion, {@link TopK#select}: the evaluator's and recommend-all's step after scoring, run
 * here over one block of precomputed score rows (each user's top {@code k} of all items, skipping ~{@code excluded}
 * training items). Scores are real dot products of Gaussian embeddings, so the share of items that beat the heap's
 * threshold, which decides the cost, is that of a trained model's rows rather than of sorted or constant input.
 * <p>
 * {@link #vector} skips runs of non-candidates a vector at a time (Vector API, as the launcher runs);
 * {@link #scalar} is the element-by-element loop a JVM without the module uses. Compare with {@link ScoringBench}
 * at the same sizes for the selection's share of a full-ranking pass.
 */
public class TopKBench extends VectorBench {
    @Param("10000")
    public int items;

    /** The list length of the metrics' default {@code @20}. */
    @Param("20")
    public int k;

    /** Training items excluded per user (Gowalla's mean is ~27). */
    @Param("30")
    public int excluded;

    /** Score rows per call: one evaluator block. */
    @Param("256")
    public int users;

    private float[] scores;
    private Csr exclude;

    @Setup
    public void setup() {
        int dim = 64;
        DotProductScorer s = new DotProductScorer(dim, Synthetic.gaussian(1, users * dim, 1),
                Synthetic.gaussian(2, items * dim, 1), Synthetic.gaussian(3, items, 0.1));
        scores = new float[users * items];
        s.scoreBlock(Synthetic.range(users), 0, users, scores);
        exclude = Synthetic.uniformLog(users, items, excluded, 4).byUser();
    }

    /** With the Vector API scan. */
    @Benchmark
    public void vector(Blackhole bh) {
        selectAll(bh);
    }

    /** The scalar scan: the fork replaces the JVM flags with none, so the module is absent. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {}, jvmArgsAppend = {})
    public void scalar(Blackhole bh) {
        selectAll(bh);
    }

    private void selectAll(Blackhole bh) {
        for (int u = 0; u < users; u++)
            bh.consume(TopK.select(scores, u * items, items, k, exclude.indices, exclude.rowStart(u), exclude.rowEnd(u)));
    }
}
