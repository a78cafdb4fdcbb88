package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.nn.Mlp;
import io.reclab.nn.Params;
import io.reclab.rank.deepfm.DeepFmConfig;
import io.reclab.rank.deepfm.DeepFmNet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * DeepFM's MLP alone (shipped defaults: three hidden layers of 400 with ReLU and dropout, and the logit head), a
 * training forward and backward pass over one worker's block of field embeddings. Against the sum of
 * {@link GemmBench}'s products at the same shapes it shows what the activations, dropout masks and copies around the
 * products cost; against {@link FmStepBench}'s {@code deepfm} it shows the MLP's share of a whole step.
 */
public class MlpBench extends VectorBench {
    @Param("2048")
    public int block;

    /** Fields whose embeddings are concatenated into the MLP's input. */
    @Param("8")
    public int fields;

    private Mlp mlp;
    private Params p;
    private Mlp.Cache cache;
    private float[] x;
    private float[] dOut;
    private float[] dx;
    private float[] g;
    private double[] stats;
    private long noise;

    @Setup
    public void setup() {
        DeepFmNet net = new DeepFmNet(DeepFmConfig.defaults(), fields, fields);
        mlp = net.mlp();
        p = net.layout().newParams();
        net.init(p, new SplittableRandom(1));
        cache = mlp.newCache(block);
        x = Synthetic.gaussian(2, block * mlp.inDim(), 0.01);
        dOut = Synthetic.gaussian(3, block, 1.0 / block);
        dx = new float[x.length];
        g = new float[p.dense.length];
        stats = new double[net.layout().statsSize()];
    }

    @Benchmark
    public float[] forward() {
        return mlp.forward(p, x, block, true, new SplittableRandom(noise++), stats, cache);
    }

    @Benchmark
    public float[] forwardBackward() {
        mlp.forward(p, x, block, true, new SplittableRandom(noise++), stats, cache);
        mlp.backward(p, x, block, dOut, dx, g, cache);
        return dx;
    }
}
