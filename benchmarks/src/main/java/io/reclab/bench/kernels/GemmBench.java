package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.nn.Dense;
import io.reclab.nn.ParamLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * The matrix products of one fully connected layer on one worker's block of a minibatch, through {@link Dense}
 * (whose products run on the package's Gemm): forward {@code Y = XW + b}, the weight gradient
 * {@code dW += XᵀdY} (with the bias sums) alone, and the whole backward pass that adds {@code dX = dY Wᵀ}; so
 * {@code backward − backwardWeights} is the data gradient's share. These products are most of a deep CTR model's
 * step (compare {@link MlpBench} and {@link FmStepBench}).
 * <p>
 * Shapes are DeepFM's default MLP ({@code in x out}): 8 fields × 16-dim embeddings into 400, 400 into 400, and the
 * logit head; Criteo's 39 fields are {@code -p shape=624x400}. Inputs and output gradients are ReLU-like (about half
 * exact zeros), because the kernels skip zero terms and a dense random input would overstate their cost.
 * {@code *Scalar} twins run the plain-Java products of a JVM without the Vector API module.
 */
public class GemmBench extends VectorBench {
    @Param({"128x400", "400x400", "400x1"})
    public String shape;

    /** Samples per worker: half of the default batch of 4096 on two threads. */
    @Param("2048")
    public int rows;

    private Dense layer;
    private float[] p;
    private float[] x;
    private float[] dy;
    private float[] y;
    private float[] dx;
    private float[] g;

    @Setup
    public void setup() {
        String[] io = shape.split("x");
        int in = Integer.parseInt(io[0]), out = Integer.parseInt(io[1]);
        ParamLayout layout = new ParamLayout();
        layer = new Dense(layout, in, out, true);
        p = new float[layout.denseSize()];
        layer.init(p, new SplittableRandom(1));
        x = reluLike(rows * in, 2);
        dy = reluLike(rows * out, 3);
        y = new float[rows * out];
        dx = new float[rows * in];
        g = new float[layout.denseSize()];
    }

    /** Normal(0, 0.05) values with the negative half set to exactly zero, as after a ReLU. */
    private static float[] reluLike(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) Math.max(0, 0.05 * r.nextGaussian());
        return a;
    }

    @Benchmark
    public float[] forward() {
        layer.forward(p, x, rows, y);
        return y;
    }

    @Benchmark
    public float[] backwardWeights() {
        layer.backward(p, x, dy, rows, null, g);
        return g;
    }

    @Benchmark
    public float[] backward() {
        layer.backward(p, x, dy, rows, dx, g);
        return dx;
    }

    /** {@link #forward} in a fork without JVM flags, so on the scalar products. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {}, jvmArgsAppend = {})
    public float[] forwardScalar() {
        return forward();
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {}, jvmArgsAppend = {})
    public float[] backwardWeightsScalar() {
        return backwardWeights();
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {}, jvmArgsAppend = {})
    public float[] backwardScalar() {
        return backward();
    }
}
