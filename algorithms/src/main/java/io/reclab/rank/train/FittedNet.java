package io.reclab.rank.train;

import io.reclab.util.Parallel;
import io.reclab.nn.Params;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;


/**
 * A trained {@link Net} frozen with its own copy of the parameters: inference only (no dropout, batch norm with
 * running statistics), so each prediction depends on its sample alone. Immutable; thread-safe.
 */
public final class FittedNet<S> implements FittedRanker {
    private static final int BLOCK = 1024;
    private final String name;
    private final Net<S> net;
    private final Params params;
    private final int numFeatures;
    private final int numFields;
    private final int threads;

    public FittedNet(String name, Net<S> net, Params params, int numFeatures, int numFields, int threads) {
        this.name = name;
        this.net = net;
        this.params = params.copy();
        this.numFeatures = numFeatures;
        this.numFields = numFields;
        this.threads = Math.max(1, threads);
    }

    @Override
    public float[] predict(Samples samples) {
        SampleChecks.check(samples, numFeatures, numFields, "samples scored by " + name);
        int blocks = (samples.size() + BLOCK - 1) / BLOCK;
        int t = Math.max(1, Math.min(threads, blocks));
        MinibatchTrainer.Worker<S>[] workers = MinibatchTrainer.newWorkers(net, net.layout(), t, BLOCK);
        Parallel pool = new Parallel(t);
        try {
            return Inference.predict(net, params, samples, workers, pool);
        } finally {
            pool.close();
        }
    }

    /** A copy of the parameters (for inspection and tests). */
    public Params params() { return params.copy(); }

    @Override
    public String toString() { return name + " (" + numFeatures + " features, " + numFields + " fields)"; }
}
