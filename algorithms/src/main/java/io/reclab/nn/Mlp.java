package io.reclab.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron: per hidden layer {@link Dense} → optional {@link BatchNorm} or {@link LayerNorm} →
 * activation → optional {@link Dropout} (FuxiCTR's MLP block order), then optionally a linear head to one logit.
 * With no hidden layers and no head it is the identity. Activations live in a per-thread {@link Cache}, so one
 * Mlp (whose parameters live in {@link Params}) serves any number of threads.
 */
public final class Mlp {
    private final int inDim;
    private final Dense[] dense;
    private final BatchNorm[] bn;
    private final LayerNorm[] ln;
    private final Activation act;
    private final Dropout dropout;
    private final Dense head;
    private final int maxWidth;

    /** @param logitHead whether to end with a linear layer to a single output (the model's logit) */
    public Mlp(ParamLayout layout, int inDim, MlpConfig cfg, boolean logitHead) {
        this.inDim = inDim;
        List<Integer> h = cfg.hidden();
        dense = new Dense[h.size()];
        bn = new BatchNorm[h.size()];
        ln = new LayerNorm[h.size()];
        int prev = inDim, max = 1;
        for (int l = 0; l < h.size(); l++) {
            dense[l] = new Dense(layout, prev, h.get(l), true);
            if (cfg.norm().equals("batch")) bn[l] = new BatchNorm(layout, h.get(l), 0.1, 1e-5);
            if (cfg.norm().equals("layer")) ln[l] = new LayerNorm(layout, h.get(l), 1e-5);
            prev = h.get(l);
            max = Math.max(max, prev);
        }
        this.maxWidth = max;
        this.act = cfg.activation();
        this.dropout = new Dropout(cfg.dropout());
        this.head = logitHead ? new Dense(layout, prev, 1, true) : null;
    }

    public int inDim() { return inDim; }

    /** Width of the output: 1 with a head, else the last hidden width (or the input width with none). */
    public int outDim() {
        if (head != null) return 1;
        return dense.length == 0 ? inDim : dense[dense.length - 1].out();
    }

    public int numHidden() { return dense.length; }

    /** The hidden layer l's Dense (for tests). */
    public Dense layer(int l) { return dense[l]; }

    public Dense head() { return head; }

    public void init(Params p, RandomGenerator rng) {
        for (int l = 0; l < dense.length; l++) {
            dense[l].init(p.dense, rng);
            if (bn[l] != null) bn[l].init(p.dense, p.state);
            if (ln[l] != null) ln[l].init(p.dense);
        }
        if (head != null) head.init(p.dense, rng);
    }

    /** Per-thread activations for up to {@code capacity} rows. */
    public final class Cache {
        final int capacity;
        final float[][] lin;
        final float[][] out;
        final float[][] xhat;
        final float[][] inv;
        final float[][] mask;
        final float[][] drop;
        final float[] headOut;
        final float[] d1;
        final float[] d2;

        Cache(int capacity) {
            this.capacity = capacity;
            int L = dense.length;
            lin = new float[L][];
            out = new float[L][];
            xhat = new float[L][];
            inv = new float[L][];
            mask = new float[L][];
            drop = new float[L][];
            for (int l = 0; l < L; l++) {
                int w = dense[l].out();
                lin[l] = new float[capacity * w];
                boolean norm = bn[l] != null || ln[l] != null;
                out[l] = norm ? new float[capacity * w] : lin[l]; // without a norm the activation runs in place
                if (norm) {
                    xhat[l] = new float[capacity * w];
                    inv[l] = new float[bn[l] != null ? w : capacity];
                }
                if (dropout.active()) {
                    mask[l] = new float[capacity * w];
                    drop[l] = new float[capacity * w];
                }
            }
            headOut = head != null ? new float[capacity] : null;
            d1 = new float[capacity * maxWidth];
            d2 = new float[capacity * maxWidth];
        }
    }

    public Cache newCache(int capacity) { return new Cache(capacity); }

    private float[] layerOutput(Cache c, int l) { return dropout.active() ? c.drop[l] : c.out[l]; }

    /**
     * Forward on rows x[0 .. n*inDim). Training uses dropout (masks from {@code rng}) and batch statistics (added
     * to {@code stats} when not null). Returns the buffer holding the n x {@link #outDim()} output.
     */
    public float[] forward(Params p, float[] x, int n, boolean training, RandomGenerator rng, double[] stats, Cache c) {
        if (n > c.capacity) throw new IllegalArgumentException("block of " + n + " rows exceeds cache capacity " + c.capacity);
        float[] in = x;
        for (int l = 0; l < dense.length; l++) {
            int w = dense[l].out(), len = n * w;
            dense[l].forward(p.dense, in, n, c.lin[l]);
            if (bn[l] != null) {
                if (training) bn[l].forwardTrain(p.dense, c.lin[l], n, c.out[l], c.xhat[l], c.inv[l], stats);
                else bn[l].forwardInfer(p.dense, p.state, c.lin[l], n, c.out[l]);
            } else if (ln[l] != null) {
                ln[l].forward(p.dense, c.lin[l], n, c.out[l], c.xhat[l], c.inv[l]);
            }
            act.forward(c.out[l], c.out[l], len);
            if (dropout.active()) {
                if (training) {
                    dropout.sampleMask(c.mask[l], len, rng);
                    Dropout.apply(c.out[l], c.mask[l], c.drop[l], len);
                } else {
                    System.arraycopy(c.out[l], 0, c.drop[l], 0, len);
                }
            }
            in = layerOutput(c, l);
        }
        if (head != null) {
            head.forward(p.dense, in, n, c.headOut);
            return c.headOut;
        }
        return in;
    }

    /**
     * Backward after a training {@link #forward} on the same cache and input: given dL/dout (n x outDim), adds
     * parameter gradients into {@code g} and writes dL/dx into {@code dx} when not null.
     */
    public void backward(Params p, float[] x, int n, float[] dOut, float[] dx, float[] g, Cache c) {
        int L = dense.length;
        if (L == 0) {
            if (head != null) head.backward(p.dense, x, dOut, n, dx, g);
            else if (dx != null) System.arraycopy(dOut, 0, dx, 0, n * inDim);
            return;
        }
        float[] dA = c.d1, dB = c.d2;
        if (head != null) head.backward(p.dense, layerOutput(c, L - 1), dOut, n, dA, g);
        else System.arraycopy(dOut, 0, dA, 0, n * dense[L - 1].out());
        for (int l = L - 1; l >= 0; l--) {
            int len = n * dense[l].out();
            if (dropout.active()) Dropout.apply(dA, c.mask[l], dA, len);
            act.backward(c.out[l], dA, dA, len);
            if (bn[l] != null) bn[l].backward(p.dense, dA, c.xhat[l], c.inv[l], n, dA, g);
            else if (ln[l] != null) ln[l].backward(p.dense, dA, c.xhat[l], c.inv[l], n, dA, g);
            float[] input = l == 0 ? x : layerOutput(c, l - 1);
            float[] target = l == 0 ? dx : dB;
            dense[l].backward(p.dense, input, dA, n, target, g);
            float[] t = dA;
            dA = dB;
            dB = t;
        }
    }

    /** Updates batch-norm running statistics from a batch's reduced sums. */
    public void applyStats(Params p, double[] stats) {
        for (BatchNorm b : bn) if (b != null) b.applyStats(p.state, stats);
    }
}
