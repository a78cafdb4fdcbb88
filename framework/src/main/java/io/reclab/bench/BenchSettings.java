package io.reclab.bench;

import io.reclab.config.ConfigBlock;

/**
 * How a benchmark measures: each model is fit {@code repeats} times (median and spread are reported) after
 * {@code warmup} unmeasured fits that let the JIT compile the hot loops, and its top-{@code k} lists for every test
 * user are computed {@code repeats} times. Read from an experiment's {@code bench} block; the command line may
 * override {@code repeats}.
 */
public record BenchSettings(int repeats, int warmup, int k) {
    /** Three repeats: the smallest count whose median ignores one outlier (a GC pause, the other core busy). */
    public static final int DEFAULT_REPEATS = 3;
    /** One warm-up fit: the first fit of a JVM runs partly interpreted, which is not the steady state users see. */
    public static final int DEFAULT_WARMUP = 1;
    /** The list length whose NDCG and Recall sit beside each time (the figure peers report). */
    public static final int DEFAULT_K = 20;

    public BenchSettings {
        if (repeats < 1) throw new IllegalArgumentException("bench.repeats = " + repeats + ": expected at least 1");
        if (warmup < 0) throw new IllegalArgumentException("bench.warmup = " + warmup + ": expected 0 or more");
        if (k < 1) throw new IllegalArgumentException("bench.k = " + k + ": expected at least 1");
    }

    public static BenchSettings from(ConfigBlock b) {
        BenchSettings s = new BenchSettings(b.positiveInt("repeats", DEFAULT_REPEATS), b.nonNegativeInt("warmup", DEFAULT_WARMUP),
                b.positiveInt("k", DEFAULT_K));
        b.finish();
        return s;
    }

    public BenchSettings withRepeats(int r) { return new BenchSettings(r, warmup, k); }

    public BenchSettings withWarmup(int w) { return new BenchSettings(repeats, w, k); }
}
