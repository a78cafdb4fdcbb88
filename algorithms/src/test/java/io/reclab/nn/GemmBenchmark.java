package io.reclab.nn;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Not a unit test: single-thread throughput of the {@link Gemm} implementations on the Dense shapes of the deep
 * CTR models (a block of 2048 rows through 80 -> 400 -> 400 -> 400). Run with
 * {@code java --add-modules jdk.incubator.vector -cp <test+main classpath> io.reclab.nn.GemmBenchmark [rows] [reps]};
 * reports multiply-adds per CPU-second of the thread (steadier than wall time on a shared machine) for forward,
 * backward-data and backward-weights, with ReLU-like inputs (about half zeros).
 */
public final class GemmBenchmark {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[][] shapes = {{80, 400}, {400, 400}, {400, 1}};
        Gemm[] impls = Gemm.vector() == null ? new Gemm[]{Gemm.scalar()} : new Gemm[]{Gemm.vector(), Gemm.scalar()};
        for (Gemm g : impls) {
            System.out.println(g.name());
            for (int[] sh : shapes) {
                int in = sh[0], out = sh[1];
                float[] w = relu(in * out + out, 1, false), x = relu(n * in, 2, true), dy = relu(n * out, 3, true);
                float[] y = new float[n * out], dx = new float[n * in], gw = new float[in * out];
                for (int warm = 0; warm < 3; warm++) run(g, w, x, dy, y, dx, gw, n, in, out, 3);
                double macs = (double) n * in * out * reps;
                double[] t = run(g, w, x, dy, y, dx, gw, n, in, out, reps);
                System.out.printf("  %4d x %3d  fwd %5.1f  dX %5.1f  dW %5.1f  GMAC/CPU-s%n", in, out,
                        macs / t[0] / 1e9, macs / t[1] / 1e9, macs / t[2] / 1e9);
            }
        }
    }

    private static double[] run(Gemm g, float[] w, float[] x, float[] dy, float[] y, float[] dx, float[] gw,
                                int n, int in, int out, int reps) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] t = new double[3];
        for (int r = 0; r < reps; r++) {
            long c0 = bean.getCurrentThreadCpuTime();
            g.forward(w, 0, in * out, x, n, in, out, y);
            long c1 = bean.getCurrentThreadCpuTime();
            g.backwardData(w, 0, dy, n, in, out, dx);
            long c2 = bean.getCurrentThreadCpuTime();
            g.backwardWeights(x, dy, n, in, out, gw, 0);
            long c3 = bean.getCurrentThreadCpuTime();
            t[0] += (c1 - c0) / 1e9;
            t[1] += (c2 - c1) / 1e9;
            t[2] += (c3 - c2) / 1e9;
        }
        return t;
    }

    private static float[] relu(int len, long seed, boolean zeros) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[len];
        for (int i = 0; i < len; i++) {
            float v = (float) r.nextGaussian();
            a[i] = zeros && v < 0 ? 0f : v * 0.05f;
        }
        return a;
    }
}
