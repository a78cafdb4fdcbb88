package io.reclab.recall.twotower;

import java.util.Arrays;

/**
 * One tower: sum-pooled embedding slots concatenated into x, an MLP (ReLU after every hidden layer, linear output
 * layer) and optional L2 normalisation of the output. The input of a sample is a list of (slot, table, row,
 * weight) entries: slot s of x receives {@code Σ weight · table[row]}, which covers an id (weight 1), a
 * multi-valued field (weight 1/m per value: mean pooling) and the history (weight 1/h per item).
 */
final class Tower {
    final int embDim;
    final int slots;
    final Dense[] layers;
    final boolean normalize;

    Tower(int embDim, int slots, int[] hidden, int outDim, boolean normalize) {
        this.embDim = embDim;
        this.slots = slots;
        this.layers = new Dense[hidden.length + 1];
        int in = slots * embDim;
        for (int l = 0; l < hidden.length; l++) {
            layers[l] = new Dense(in, hidden[l]);
            in = hidden[l];
        }
        layers[hidden.length] = new Dense(in, outDim);
        this.normalize = normalize;
    }

    int inDim() { return slots * embDim; }
    int outDim() { return layers[layers.length - 1].out; }

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

    /** Activations of one sample, kept for the backward pass. */
    final class Cache {
        final float[] x = new float[inDim()];
        final float[][] act = new float[layers.length][];
        float norm;

        Cache() { for (int l = 0; l < layers.length; l++) act[l] = new float[layers[l].out]; }
    }

    /** Per-thread gradient buffers of the dense layers plus backward scratch. */
    final class Grads {
        final float[][] gW = new float[layers.length][];
        final float[][] gb = new float[layers.length][];
        final float[][] gAct = new float[layers.length][];
        final float[] gx = new float[inDim()];

        Grads() {
            for (int l = 0; l < layers.length; l++) {
                gW[l] = new float[layers[l].w.length];
                gb[l] = new float[layers[l].out];
                gAct[l] = new float[layers[l].out];
            }
        }

        void addTo(Grads o) {
            for (int l = 0; l < layers.length; l++) {
                for (int i = 0; i < gW[l].length; i++) o.gW[l][i] += gW[l][i];
                for (int i = 0; i < gb[l].length; i++) o.gb[l][i] += gb[l][i];
            }
        }

        void clear() {
            for (int l = 0; l < layers.length; l++) { Arrays.fill(gW[l], 0f); Arrays.fill(gb[l], 0f); }
        }
    }

    /** Refreshes every layer's transposed weights; call after the weights change, before {@link #forward}. */
    void transposeWeights() {
        for (Dense d : layers) d.transpose();
    }

    /** Forward pass (needs current {@link #transposeWeights()}); writes the tower output (normalised if configured) to e[eOff..eOff+outDim). */
    void forward(Input in, float[][] tables, Cache c, float[] e, int eOff) {
        Arrays.fill(c.x, 0f);
        for (int q = 0; q < in.n; q++) {
            float[] t = tables[in.table[q]];
            int tb = in.row[q] * embDim, xb = in.slot[q] * embDim;
            float w = in.weight[q];
            for (int k = 0; k < embDim; k++) c.x[xb + k] += w * t[tb + k];
        }
        float[] x = c.x;
        for (int l = 0; l < layers.length; l++) {
            layers[l].forwardT(x, 0, c.act[l], 0);
            if (l < layers.length - 1) for (int r = 0; r < c.act[l].length; r++) if (c.act[l][r] < 0) c.act[l][r] = 0;
            x = c.act[l];
        }
        int d = outDim();
        double n2 = 0;
        for (int k = 0; k < d; k++) n2 += x[k] * x[k];
        // δ = 1e-8 keeps a dead (all-zero) output finite; e = z / sqrt(|z|² + δ) has the same backward formula
        c.norm = normalize ? (float) Math.sqrt(n2 + 1e-8) : 1f;
        for (int k = 0; k < d; k++) e[eOff + k] = x[k] / c.norm;
    }

    /**
     * Backward pass from dL/de; accumulates dense-layer gradients into {@code g} and embedding gradients into
     * {@code emb[table]}.
     */
    void backward(Input in, Cache c, float[] e, int eOff, float[] ge, int geOff, Grads g, EmbeddingGrad[] emb) {
        int last = layers.length - 1, d = outDim();
        float[] gz = g.gAct[last];
        if (normalize) {
            // e = z/n, n = sqrt(|z|² + δ)  =>  dz = de/n - z (z·de)/n³ = (de - e (e·de)) / n
            float dot = 0;
            for (int k = 0; k < d; k++) dot += e[eOff + k] * ge[geOff + k];
            for (int k = 0; k < d; k++) gz[k] = (ge[geOff + k] - e[eOff + k] * dot) / c.norm;
        } else {
            System.arraycopy(ge, geOff, gz, 0, d);
        }
        for (int l = last; l >= 0; l--) {
            float[] gy = g.gAct[l];
            if (l < last) for (int r = 0; r < gy.length; r++) if (c.act[l][r] <= 0) gy[r] = 0;
            float[] x = l == 0 ? c.x : c.act[l - 1];
            float[] gx = l == 0 ? g.gx : g.gAct[l - 1];
            layers[l].backward(x, 0, gy, 0, g.gW[l], g.gb[l], gx, 0);
        }
        for (int q = 0; q < in.n; q++) emb[in.table[q]].add(in.row[q], g.gx, in.slot[q] * embDim, in.weight[q]);
    }
}
