package io.reclab.bench.kernels;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.bench.fixtures.Synthetic;
import io.reclab.nn.Grads;
import io.reclab.nn.Logistic;
import io.reclab.nn.Params;
import io.reclab.nn.SparseIndex;
import io.reclab.optim.RowOptimizer;
import io.reclab.rank.Samples;
import io.reclab.rank.dcn.DcnConfig;
import io.reclab.rank.dcn.DcnNet;
import io.reclab.rank.deepfm.DeepFmConfig;
import io.reclab.rank.deepfm.DeepFmNet;
import io.reclab.rank.ffm.FfmConfig;
import io.reclab.rank.ffm.FfmNet;
import io.reclab.rank.fm.FmConfig;
import io.reclab.rank.fm.FmNet;
import io.reclab.rank.train.Net;
import io.reclab.rank.train.Optimizers;
import io.reclab.rank.widedeep.WideDeepConfig;
import io.reclab.rank.widedeep.WideDeepNet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * One CTR training step of a factorisation or deep ranker, phase by phase, through the public {@link Net} API in
 * the order the minibatch trainer runs them: {@link #forward} (a training forward pass of one worker's block to
 * logits), {@link #forwardBackward} (what a worker does per step: sparse index, gradient reset, forward, residuals,
 * backward) and {@link #optimizer} (the dense and touched-row sparse optimizer updates that follow the reduction).
 * Single-threaded; the reduction of several workers' gradients is left out (one addition over the touched rows).
 * <p>
 * Models use their shipped defaults ({@code fm}, {@code deepfm} by default; {@code -p model=ffm,widedeep,dcn} for the
 * others). Each call takes the next of eight blocks of samples, so with a realistic vocabulary
 * ({@code -p fields=39 -p vocabulary=100000}, Criteo-like) the embedding rows are not all cache-resident as they
 * would be if one block repeated.
 */
public class FmStepBench extends VectorBench {
    private static final int BLOCKS = 8;

    @Param({"fm", "deepfm"})
    public String model;

    /** Samples per worker: half of a batch of 4096 on two threads. */
    @Param("2048")
    public int block;

    @Param("8")
    public int fields;

    /** Distinct values per field. */
    @Param("1000")
    public int vocabulary;

    private Step<?> step;

    @Setup
    public void setup() {
        Samples data = Synthetic.ctr(BLOCKS * block, fields, vocabulary, 7);
        int nf = data.numFeatures();
        step = switch (model) {
            case "fm" -> new Step<>(new FmNet(FmConfig.defaults(), nf), data, block);
            case "ffm" -> new Step<>(new FfmNet(FfmConfig.defaults(), nf, fields), data, block);
            case "deepfm" -> new Step<>(new DeepFmNet(DeepFmConfig.defaults(), nf, fields), data, block);
            case "widedeep" -> new Step<>(new WideDeepNet(WideDeepConfig.defaults(), nf, fields), data, block);
            case "dcn" -> new Step<>(new DcnNet(DcnConfig.defaults(), nf, fields), data, block);
            default -> throw new IllegalArgumentException("model " + model + ": expected fm, ffm, deepfm, widedeep or dcn");
        };
    }

    @Benchmark
    public float[] forward() {
        return step.forward();
    }

    @Benchmark
    public Grads forwardBackward() {
        return step.forwardBackward();
    }

    @Benchmark
    public Params optimizer() {
        return step.optimize();
    }

    /** A net with its parameters, one worker's buffers and the sample blocks it cycles through. */
    private static final class Step<S> {
        private final Net<S> net;
        private final Samples data;
        private final int block;
        private final Params params;
        private final Optimizers opts;
        private final S scratch;
        private final Grads grads;
        private final SparseIndex index;
        private final int[] order;
        private final float[] logits;
        private final float[] residual;
        private final Grads fixedGrads;
        private final SparseIndex fixedIndex;
        private int next;

        Step(Net<S> net, Samples data, int block) {
            this.net = net;
            this.data = data;
            this.block = block;
            params = net.layout().newParams();
            net.init(params, new SplittableRandom(1));
            opts = net.optimizers(params);
            scratch = net.newScratch(block);
            grads = new Grads(net.layout());
            index = new SparseIndex(data.numFeatures());
            order = Synthetic.range(data.size());
            logits = new float[block];
            residual = new float[block];
            // the optimizer benchmark applies one real batch gradient, computed once here, again and again
            fixedIndex = new SparseIndex(data.numFeatures());
            fixedGrads = new Grads(net.layout());
            gradients(0, fixedIndex, fixedGrads);
        }

        private int nextBlock() {
            int from = next * block;
            next = (next + 1) % BLOCKS;
            return from;
        }

        float[] forward() {
            int from = nextBlock();
            net.forward(params, data, order, from, from + block, true, from, scratch, grads.stats, logits);
            return logits;
        }

        Grads forwardBackward() {
            return gradients(nextBlock(), index, grads);
        }

        private Grads gradients(int from, SparseIndex idx, Grads g) {
            int to = from + block;
            idx.build(data, order, from, to);
            g.reset(idx);
            net.forward(params, data, order, from, to, true, from, scratch, g.stats, logits);
            float[] labels = data.labels();
            for (int i = 0; i < block; i++) residual[i] = Logistic.sigmoid(logits[i]) - labels[order[from + i]];
            net.backward(params, data, order, from, to, residual, 1f / block, scratch, g);
            return g;
        }

        Params optimize() {
            if (params.dense.length > 0) opts.dense().step(0, fixedGrads.dense, 0);
            for (int t = 0; t < opts.tables().length; t++) {
                RowOptimizer o = opts.tables()[t];
                float[] g = fixedGrads.table(t);
                for (int r = 0; r < fixedIndex.count(); r++) o.step(fixedIndex.row(r), g, r * o.dim());
            }
            return params;
        }
    }
}
