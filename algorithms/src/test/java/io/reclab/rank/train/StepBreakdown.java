package io.reclab.rank.train;

import io.reclab.nn.Dense;
import io.reclab.nn.Grads;
import io.reclab.nn.Logistic;
import io.reclab.nn.Mlp;
import io.reclab.nn.Params;
import io.reclab.nn.SparseIndex;
import io.reclab.optim.RowOptimizer;
import io.reclab.rank.Samples;
import io.reclab.rank.dcn.DcnConfig;
import io.reclab.rank.dcn.DcnNet;
import io.reclab.rank.deepfm.DeepFmConfig;
import io.reclab.rank.deepfm.DeepFmNet;
import io.reclab.rank.widedeep.WideDeepConfig;
import io.reclab.rank.widedeep.WideDeepNet;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Not a unit test: where one training step's CPU goes, timed phase by phase on one thread the way
 * {@link MinibatchTrainer#step} runs them (timers here, not in production code). Each step is one thread's block of
 * a 4096 batch on 2 threads (2048 samples, default configurations, 8 synthetic fields); the reduction adds one
 * other worker's buffers. For DeepFM the MLP is then split into its Dense products and the rest. Run with
 * {@code java --add-modules jdk.incubator.vector -cp <test+main classpath> io.reclab.rank.train.StepBreakdown [steps]}.
 */
public final class StepBreakdown {
    private static final com.sun.management.ThreadMXBean CPU =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"index", "reset", "forward", "loss", "backward", "reduce", "dense-opt", "sparse-opt"};

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int block = 2048;
        Samples data = new SyntheticCtr(42).samples(4 * block, 1);
        int nf = data.numFeatures(), fields = data.numFields();
        run("widedeep", new WideDeepNet(WideDeepConfig.defaults(), nf, fields), data, block, steps);
        run("deepfm", new DeepFmNet(DeepFmConfig.defaults(), nf, fields), data, block, steps);
        run("dcn-v2", new DcnNet(DcnConfig.defaults(), nf, fields), data, block, steps);
        mlpSplit(new DeepFmNet(DeepFmConfig.defaults(), nf, fields), block, steps);
    }

    private static <S> void run(String name, Net<S> net, Samples data, int block, int steps) {
        Params p = net.layout().newParams();
        net.init(p, new SplittableRandom(1));
        Optimizers opts = net.optimizers(p);
        S scratch = net.newScratch(block);
        Grads g = new Grads(net.layout()), other = new Grads(net.layout());
        SparseIndex index = new SparseIndex(data.numFeatures());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        float[] logits = new float[block], residual = new float[block];
        double[] t = new double[PHASES.length];
        for (int s = -3; s < steps; s++) { // three warm-up steps
            int from = (Math.floorMod(s, 4)) * block, to = from + block;
            long[] c = new long[PHASES.length + 1];
            c[0] = CPU.getCurrentThreadCpuTime();
            index.build(data, order, from, to);
            c[1] = CPU.getCurrentThreadCpuTime();
            g.reset(index);
            other.reset(index);
            c[2] = CPU.getCurrentThreadCpuTime();
            net.forward(p, data, order, from, to, true, s, scratch, g.stats, logits);
            c[3] = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < block; i++) residual[i] = Logistic.sigmoid(logits[i]) - data.labels()[from + i];
            c[4] = CPU.getCurrentThreadCpuTime();
            net.backward(p, data, order, from, to, residual, 1f / (2 * block), scratch, g);
            c[5] = CPU.getCurrentThreadCpuTime();
            g.add(other);
            c[6] = CPU.getCurrentThreadCpuTime();
            opts.dense().step(0, g.dense, 0);
            c[7] = CPU.getCurrentThreadCpuTime();
            for (int tb = 0; tb < opts.tables().length; tb++) {
                RowOptimizer o = opts.tables()[tb];
                for (int r = 0; r < index.count(); r++) o.step(index.row(r), g.table(tb), r * o.dim());
            }
            c[8] = CPU.getCurrentThreadCpuTime();
            if (s >= 0) for (int ph = 0; ph < PHASES.length; ph++) t[ph] += (c[ph + 1] - c[ph]) / 1e6;
        }
        double total = 0;
        for (double v : t) total += v;
        StringBuilder sb = new StringBuilder(String.format("%-9s %6.1f ms CPU/step:", name, total / steps));
        for (int ph = 0; ph < PHASES.length; ph++) sb.append(String.format(" %s %.1f%%", PHASES[ph], 100 * t[ph] / total));
        System.out.println(sb);
    }

    /** DeepFM's MLP on a random embedding block: its Dense layers' products vs the whole forward + backward. */
    private static void mlpSplit(DeepFmNet net, int block, int steps) {
        Mlp mlp = net.mlp();
        Params p = net.layout().newParams();
        net.init(p, new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(2);
        float[] x = new float[block * mlp.inDim()];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian() * 0.01f;
        float[] dOut = new float[block], dx = new float[x.length], g = new float[p.dense.length];
        for (int i = 0; i < block; i++) dOut[i] = (float) rng.nextGaussian() / block;
        Mlp.Cache cache = mlp.newCache(block);
        double whole = 0, dense = 0;
        int wMax = 1;
        for (int l = 0; l < mlp.numHidden(); l++) wMax = Math.max(wMax, mlp.layer(l).out());
        float[] a = new float[block * Math.max(wMax, mlp.inDim())], y = new float[block * wMax], d = new float[block * wMax];
        for (int s = -3; s < steps; s++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            mlp.forward(p, x, block, true, new SplittableRandom(s), null, cache);
            mlp.backward(p, x, block, dOut, dx, g, cache);
            long c1 = CPU.getCurrentThreadCpuTime();
            // the same products on their own: every hidden layer and the head, forward + backward
            for (int l = 0; l <= mlp.numHidden(); l++) {
                Dense layer = l < mlp.numHidden() ? mlp.layer(l) : mlp.head();
                layer.forward(p.dense, a, block, y);
                layer.backward(p.dense, a, y, block, d, g);
            }
            long c2 = CPU.getCurrentThreadCpuTime();
            if (s >= 0) {
                whole += (c1 - c0) / 1e6;
                dense += (c2 - c1) / 1e6;
            }
        }
        System.out.printf("deepfm MLP %.1f ms CPU/step, of which Dense products %.1f%%, activations and copies %.1f%%%n",
                whole / steps, 100 * dense / whole, 100 * (whole - dense) / whole);
    }
}
