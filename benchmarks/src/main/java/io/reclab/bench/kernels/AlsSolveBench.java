package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.InteractionLogBench;
import io.reclab.bench.fixtures.Models;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.als.AlsFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;


/**
 * Implicit ALS's per-row least-squares solves, timed as a fit of one iteration: the solver is package-private, and
 * one iteration is a half-sweep of solves for every user, one for every item, the Gram matrix {@code YᵀY + λI} before
 * each and the objective after. The only other work is building the confidence matrix and the random start (a pass
 * over the log and the factor tables). {@code cg} is the shipped conjugate-gradient solve (3 steps, warm-started),
 * {@code cholesky} the exact solve of the paper; a row costs about {@code n_u·k² + k³/3} by Cholesky and
 * {@code 3(k² + n_u·k)} by CG, so the gap grows with {@code -p factors}.
 * <p>
 * Shipped defaults otherwise (alpha 7, reg 50); single-threaded by default. Data: {@link InteractionLogBench}.
 */
public class AlsSolveBench extends InteractionLogBench {
    @Param({"cg", "cholesky"})
    public String solver;

    @Param("64")
    public int factors;

    @Param("1")
    public int threads;

    private Recaller recaller;

    @Setup
    public void setup() {
        buildLog();
        recaller = Models.create(new AlsFactory(), "iterations = 1, factors = " + factors + ", solver = " + solver);
    }

    @Benchmark
    public FittedRecaller iteration() {
        return recaller.fit(Models.recallContext(log, threads));
    }
}
