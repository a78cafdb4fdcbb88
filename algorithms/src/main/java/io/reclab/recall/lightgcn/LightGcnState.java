package io.reclab.recall.lightgcn;

import io.reclab.data.Csr;
import io.reclab.optim.OptimizerConfig;
import io.reclab.optim.RowOptimizer;
import io.reclab.util.Parallel;

/**
 * LightGCN's parameters (the layer-0 embeddings E⁰ of all users and items) and one minibatch step.
 * <p>Forward: {@code E^{l+1} = Â E^l}, final {@code F = (1/(K+1)) Σ_{l=0..K} E^l}; only the batch's rows of F are
 * needed, so the last layer is computed for those rows alone. Loss over a batch of B triples:
 * <pre>  L = (1/B) Σ −ln σ(f_u·f_i − f_u·f_j) + (l2 / 2B) Σ (||e⁰_u||² + ||e⁰_i||² + ||e⁰_j||²)  </pre>
 * Backward: propagation is linear and Â symmetric, so {@code ∂L/∂E⁰ = (1/(K+1)) Σ_l Â^l G + L2 term} with
 * {@code G = ∂L/∂F} (nonzero on batch rows only). This is exactly what the official implementation's autograd
 * computes, with the same full-graph propagation per batch, minus the last forward hop outside the batch. The
 * first backward hop reads G, zero outside the batch; whether it skips those rows is the kernel's choice
 * ({@link RowGather#gatherSkippingZeroRows}).
 * <p>With {@code refreshEvery = c > 1} the forward pass instead reads the neighbourhood terms
 * {@code Σ_{l=1..K} Â^l E⁰} from a cache recomputed every c batches (K full products, amortised), adding the current
 * layer-0 rows; the backward pass stays exact for the F it used. This removes the K − 1 full forward products per
 * batch (about 2/5 of the work); the gradient of the first batch after a refresh equals the exact one.
 * Sparse products pull over rows of Â in parallel, each row written by one task through a {@link RowGather}
 * kernel (fixed per JVM), and the batch gradient is summed in sample order, so a step gives the same parameters
 * for any thread count. The vector and scalar kernels sum a row's nonzeros in different orders, so their
 * results differ in the last float bits.
 */
final class LightGcnState {
    final int users;
    final int items;
    final int nodes;
    final int k;
    final int layers;
    final float[] e0;
    final float[] grad;
    private final Csr adj;
    private final float l2;
    private final RowOptimizer opt;
    private final Parallel par;
    /** Row kernel of the sparse products, fixed per JVM (see {@link RowGather#best()}). */
    private final RowGather gather = RowGather.best();
    private final int[] bounds;
    private final float[] bufA;
    private final float[] bufB;
    private final float[] g;
    // batch rows: slot of node (valid when stamp matches), nodes by slot
    private final int[] slotOf;
    private final int[] slotStamp;
    private int[] slotNode = new int[0];
    private float[] fin = new float[0];
    /** Scratch for the batch rows of the last forward hop (reused across batches). */
    private float[] lastHop = new float[0];
    private int stamp;
    /** Batches between full propagations (1 = exact, the official per-batch propagation). */
    private final int refreshEvery;
    /** Σ_{l=1..K} Â^l E⁰ as of the last refresh (cached mode only). */
    private final float[] neighbourhood;
    private int sinceRefresh;

    LightGcnState(Csr adj, int users, int items, int k, int layers, float[] e0, double l2, OptimizerConfig opt, Parallel par) {
        this(adj, users, items, k, layers, e0, l2, opt, par, 1);
    }

    /**
     * @param refreshEvery 1 for the exact per-batch propagation; c > 1 to recompute the neighbourhood terms
     *                     Σ_{l>=1} Â^l E⁰ once every c batches and reuse them in between (see {@link #gradients})
     */
    LightGcnState(Csr adj, int users, int items, int k, int layers, float[] e0, double l2, OptimizerConfig opt, Parallel par,
                  int refreshEvery) {
        if (refreshEvery < 1) throw new IllegalArgumentException("refreshEvery must be >= 1, got " + refreshEvery);
        this.refreshEvery = refreshEvery;
        this.neighbourhood = refreshEvery > 1 ? new float[(users + items) * k] : null;
        this.adj = adj;
        this.users = users;
        this.items = items;
        this.nodes = users + items;
        this.k = k;
        this.layers = layers;
        this.e0 = e0;
        this.l2 = (float) l2;
        this.opt = opt.create(e0, k);
        this.par = par;
        this.bounds = Parallel.balancedBounds(adj.indptr, nodes, Math.max(1, Math.min(nodes, par.threads() * 4)), 4);
        this.grad = new float[nodes * k];
        this.bufA = new float[nodes * k];
        this.bufB = new float[nodes * k];
        this.g = new float[nodes * k];
        this.slotOf = new int[nodes];
        this.slotStamp = new int[nodes];
    }

    /** out[r] = Σ_c Â[r,c] in[c] for all rows; when {@code acc} is non-null also acc[r] += out[r]. */
    private void spmm(float[] in, float[] out, float[] acc) {
        spmm(in, out, acc, acc, 1f);
    }

    /** out[r] = Σ_c Â[r,c] in[c] and acc[r] = (base[r] + out[r]) · scale for all rows (null base: zeros). */
    private void spmm(float[] in, float[] out, float[] acc, float[] base, float scale) {
        spmm(in, out, acc, base, scale, false);
    }

    /** As above; with {@code batchRowsOnly} the rows of {@code in} outside the batch are zero and may be skipped. */
    private void spmm(float[] in, float[] out, float[] acc, float[] base, float scale, boolean batchRowsOnly) {
        int[] mark = slotStamp;
        int tag = stamp;
        par.forEach(bounds.length - 1, part -> {
            int[] ip = adj.indptr;
            for (int r = bounds[part]; r < bounds[part + 1]; r++) {
                if (batchRowsOnly)
                    gather.gatherSkippingZeroRows(adj.indices, adj.values, ip[r], ip[r + 1], in, k, out, r * k, acc, base, scale,
                            mark, tag);
                else gather.gather(adj.indices, adj.values, ip[r], ip[r + 1], in, k, out, r * k, acc, base, scale);
            }
        });
    }

    /** Final embeddings of all nodes (for a fitted model): {@code (1/(K+1)) Σ_l Â^l E⁰}. */
    float[] propagateAll() {
        float[] sum = e0.clone();
        float[] cur = e0;
        for (int l = 1; l <= layers; l++) {
            float[] nxt = (l % 2 == 1) ? bufA : bufB;
            spmm(cur, nxt, sum);
            cur = nxt;
        }
        float inv = 1f / (layers + 1);
        for (int t = 0; t < sum.length; t++) sum[t] *= inv;
        return sum;
    }

    /** Recomputes the cached neighbourhood terms Σ_{l=1..K} Â^l E⁰ from the current E⁰ (K full products). */
    private void refresh() {
        float[] cur = e0;
        for (int l = 1; l <= layers; l++) {
            float[] nxt = (l % 2 == 1) ? bufA : bufB;
            spmm(cur, nxt, neighbourhood, l == 1 ? null : neighbourhood, 1f);
            cur = nxt;
        }
    }

    /** Makes the next batch recompute the cached neighbourhood terms (called at the start of every epoch). */
    void beginEpoch() {
        sinceRefresh = 0;
    }

    private int slot(int node) {
        if (slotStamp[node] == stamp) return slotOf[node];
        return -1;
    }

    private int addSlot(int node, int n) {
        if (slotStamp[node] == stamp) return n;
        slotStamp[node] = stamp;
        slotOf[node] = n;
        slotNode[n] = node;
        return n + 1;
    }

    /** Final embeddings of the batch's nodes into {@code fin} (by slot); returns the number of slots. */
    private int forward(int[] su, int[] si, int[] sj, int from, int to) {
        stamp++;
        int b = to - from;
        if (slotNode.length < 3 * b) slotNode = new int[3 * b];
        int n = 0;
        for (int s = from; s < to; s++) {
            n = addSlot(su[s], n);
            n = addSlot(users + si[s], n);
            n = addSlot(users + sj[s], n);
        }
        if (fin.length < n * k) fin = new float[n * k];
        for (int a = 0; a < n; a++) System.arraycopy(e0, slotNode[a] * k, fin, a * k, k);
        if (neighbourhood != null) {
            if (sinceRefresh % refreshEvery == 0) refresh();
            sinceRefresh++;
            float inv = 1f / (layers + 1);
            for (int a = 0; a < n; a++) {
                int o = slotNode[a] * k, fo = a * k;
                for (int t = 0; t < k; t++) fin[fo + t] = (fin[fo + t] + neighbourhood[o + t]) * inv;
            }
            return n;
        }
        float[] cur = e0;
        for (int l = 1; l < layers; l++) {
            float[] nxt = (l % 2 == 1) ? bufA : bufB;
            spmm(cur, nxt, null);
            for (int a = 0; a < n; a++) {
                int o = slotNode[a] * k, fo = a * k;
                for (int t = 0; t < k; t++) fin[fo + t] += nxt[o + t];
            }
            cur = nxt;
        }
        if (layers >= 1) {
            float[] last = cur;
            int slots = n;
            float[] row = lastHop.length < slots * k ? (lastHop = new float[slots * k]) : lastHop;
            par.forRanges(slots, Math.min(slots, par.threads() * 4), (part, lo, hi) -> {
                int[] ip = adj.indptr;
                for (int a = lo; a < hi; a++) {
                    int r = slotNode[a];
                    gather.gather(adj.indices, adj.values, ip[r], ip[r + 1], last, k, row, a * k, fin);
                }
            });
        }
        float inv = 1f / (layers + 1);
        for (int t = 0; t < n * k; t++) fin[t] *= inv;
        return n;
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /**
     * Fills {@link #grad} with ∂L/∂E⁰ for the batch {@code [from, to)} and returns the BPR part of L (without L2).
     */
    double gradients(int[] su, int[] si, int[] sj, int from, int to) {
        int b = to - from;
        int n = forward(su, si, sj, from, to);
        float invB = 1f / b;
        double loss = 0;
        // G = ∂L/∂F on batch rows, accumulated in sample order
        for (int s = from; s < to; s++) {
            int fu = slot(su[s]) * k, fi = slot(users + si[s]) * k, fj = slot(users + sj[s]) * k;
            double x = 0;
            for (int t = 0; t < k; t++) x += fin[fu + t] * (fin[fi + t] - fin[fj + t]);
            loss += softplus(-x);
            float c = (float) (-1.0 / (1.0 + Math.exp(x))) * invB;
            int gu = su[s] * k, gi = (users + si[s]) * k, gj = (users + sj[s]) * k;
            for (int t = 0; t < k; t++) {
                float fut = fin[fu + t];
                g[gu + t] += c * (fin[fi + t] - fin[fj + t]);
                g[gi + t] += c * fut;
                g[gj + t] -= c * fut;
            }
        }
        // ∂L/∂E⁰ = (1/(K+1)) Σ_l Â^l G
        // grad starts as G (first hop's base) and is scaled by 1/(K+1) as the last hop lands
        float inv = 1f / (layers + 1);
        float[] cur = g;
        for (int l = 1; l <= layers; l++) {
            float[] nxt = (l % 2 == 1) ? bufA : bufB;
            spmm(cur, nxt, grad, l == 1 ? g : grad, l == layers ? inv : 1f, l == 1);
            cur = nxt;
        }
        if (layers == 0) for (int t = 0; t < grad.length; t++) grad[t] = g[t] * inv;
        // L2 on the layer-0 rows of the batch, once per occurrence
        float r = l2 * invB;
        for (int s = from; s < to; s++) {
            addScaled(grad, e0, su[s] * k, r);
            addScaled(grad, e0, (users + si[s]) * k, r);
            addScaled(grad, e0, (users + sj[s]) * k, r);
        }
        for (int a = 0; a < n; a++) java.util.Arrays.fill(g, slotNode[a] * k, slotNode[a] * k + k, 0f);
        return loss * invB;
    }

    private void addScaled(float[] dst, float[] src, int off, float r) {
        for (int t = 0; t < k; t++) dst[off + t] += r * src[off + t];
    }

    /** One optimizer step on every row (the gradient is dense after propagation, as in the official dense Adam). */
    void apply() {
        par.forRanges(nodes, par.threads(), (part, lo, hi) -> {
            for (int row = lo; row < hi; row++) opt.step(row, grad, row * k);
        });
    }
}
