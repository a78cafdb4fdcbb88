package io.reclab.recall.twotower;

import io.reclab.nn.Activation;
import io.reclab.nn.Dense;
import io.reclab.nn.Mlp;
import io.reclab.nn.MlpConfig;
import io.reclab.nn.ParamLayout;
import io.reclab.nn.Params;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One tower: sum-pooled embedding slots concatenated into x, the shared {@link Mlp} (ReLU after every hidden
 * layer), a linear output {@link Dense} layer and optional L2 normalisation of the output. The input of a sample
 * is a list of (slot, table, row, weight) entries: slot s of x receives {@code Σ weight · table[row]}, which covers
 * an id (weight 1), a multi-valued field (weight 1/m per value: mean pooling) and the history (weight 1/h per item).
 * Samples go through the layers as row blocks (one {@link Block} per thread), so the products run on the shared
 * matrix kernels; the dense parameters are one flat vector ({@link #params}) stepped by one optimizer.
 */
final class Tower {
    final int embDim;
    final int slots;
    final int outDim;
    final Mlp hidden;
    final Dense output;
    final Params params;
    final boolean normalize;

    Tower(int embDim, int slots, int[] hiddenWidths, int outDim, boolean normalize) {
        this.embDim = embDim;
        this.slots = slots;
        this.outDim = outDim;
        ParamLayout layout = new ParamLayout();
        hidden = new Mlp(layout, slots * embDim,
                new MlpConfig(Arrays.stream(hiddenWidths).boxed().toList(), Activation.RELU, 0, "none"), false);
        output = new Dense(layout, hidden.outDim(), outDim, true);
        params = layout.newParams();
        this.normalize = normalize;
    }

    int inDim() { return slots * embDim; }

    int numLayers() { return hidden.numHidden() + 1; }

    /** Layer l: the hidden layers, then the output layer. */
    Dense layer(int l) { return l < hidden.numHidden() ? hidden.layer(l) : output; }

    /** He initialisation (N(0, 2/fan_in)) for ReLU layers, N(0, 1/fan_in) for the linear output layer; zero biases. */
    void init(SplittableRandom rng) {
        for (int l = 0; l < numLayers(); l++) {
            Dense d = layer(l);
            double sd = Math.sqrt((l < numLayers() - 1 ? 2.0 : 1.0) / d.in());
            for (int j = 0; j < d.in(); j++)
                for (int o = 0; o < d.out(); o++) params.dense[d.weightOffset(j, o)] = (float) (TwoTowerNet.gaussian(rng) * sd);
        }
    }

    /** A sample's sparse input entries. */
    static final class Input {
        int n;
        int[] slot = new int[8], table = new int[8], row = new int[8];
        float[] weight = new float[8];

        void clear() { n = 0; }

        void add(int s, int t, int r, float w) {
            if (n == slot.length) {
                slot = Arrays.copyOf(slot, 2 * n); table = Arrays.copyOf(table, 2 * n);
                row = Arrays.copyOf(row, 2 * n); weight = Arrays.copyOf(weight, 2 * n);
            }
            slot[n] = s; table[n] = t; row[n] = r; weight[n] = w;
            n++;
        }
    }

    /** One thread's activations for up to {@code capacity} samples, its dense gradient and backward scratch. */
    final class Block {
        final int capacity;
        final float[] x, z, gz, gh, gx;
        final Mlp.Cache mlp;
        /** dL/d(dense parameters), accumulated (+=) by {@link #backward}. */
        final float[] grad = new float[params.dense.length];
        float[] h;

        Block(int capacity) {
            this.capacity = capacity;
            x = new float[capacity * inDim()];
            z = new float[capacity * outDim];
            gz = new float[capacity * outDim];
            gh = new float[capacity * hidden.outDim()];
            gx = new float[capacity * inDim()];
            mlp = hidden.newCache(capacity);
        }
    }

    Block newBlock(int capacity) { return new Block(Math.max(1, capacity)); }

    /**
     * Forward pass of samples {@code in[from .. from+n)}: writes their outputs (normalised if configured) to rows
     * {@code from ..} of {@code e} (row length {@link #outDim}) and their norms to {@code norm[from ..]}.
     */
    void forward(Input[] in, int from, int n, float[][] tables, Block c, float[] e, float[] norm) {
        if (n > c.capacity) throw new IllegalArgumentException(n + " samples exceed the block's " + c.capacity);
        int dx = inDim();
        Arrays.fill(c.x, 0, n * dx, 0f);
        for (int a = 0; a < n; a++) {
            Input s = in[from + a];
            for (int q = 0; q < s.n; q++) {
                float[] t = tables[s.table[q]];
                int tb = s.row[q] * embDim, xb = a * dx + s.slot[q] * embDim;
                float w = s.weight[q];
                for (int k = 0; k < embDim; k++) c.x[xb + k] += w * t[tb + k];
            }
        }
        c.h = hidden.forward(params, c.x, n, false, null, null, c.mlp);
        output.forward(params.dense, c.h, n, c.z);
        for (int a = 0; a < n; a++) {
            int zb = a * outDim, eb = (from + a) * outDim;
            double n2 = 0;
            for (int k = 0; k < outDim; k++) n2 += c.z[zb + k] * c.z[zb + k];
            // δ = 1e-8 keeps a dead (all-zero) output finite; e = z / sqrt(|z|² + δ) has the same backward formula
            float nm = normalize ? (float) Math.sqrt(n2 + 1e-8) : 1f;
            norm[from + a] = nm;
            for (int k = 0; k < outDim; k++) e[eb + k] = c.z[zb + k] / nm;
        }
    }

    /**
     * Backward pass of the samples of the last {@link #forward} on {@code c}, from dL/de (rows {@code from ..} of
     * {@code ge}); accumulates the dense gradient into {@code c.grad} and embedding gradients into {@code emb[table]}.
     */
    void backward(Input[] in, int from, int n, Block c, float[] e, float[] norm, float[] ge, EmbeddingGrad[] emb) {
        for (int a = 0; a < n; a++) {
            int eb = (from + a) * outDim, zb = a * outDim;
            if (normalize) {
                // e = z/n, n = sqrt(|z|² + δ)  =>  dz = de/n - z (z·de)/n³ = (de - e (e·de)) / n
                float dot = 0;
                for (int k = 0; k < outDim; k++) dot += e[eb + k] * ge[eb + k];
                float nm = norm[from + a];
                for (int k = 0; k < outDim; k++) c.gz[zb + k] = (ge[eb + k] - e[eb + k] * dot) / nm;
            } else {
                System.arraycopy(ge, eb, c.gz, zb, outDim);
            }
        }
        output.backward(params.dense, c.h, c.gz, n, c.gh, c.grad);
        hidden.backward(params, c.x, n, c.gh, c.gx, c.grad, c.mlp);
        int dx = inDim();
        for (int a = 0; a < n; a++) {
            Input s = in[from + a];
            for (int q = 0; q < s.n; q++) emb[s.table[q]].add(s.row[q], c.gx, a * dx + s.slot[q] * embDim, s.weight[q]);
        }
    }
}
