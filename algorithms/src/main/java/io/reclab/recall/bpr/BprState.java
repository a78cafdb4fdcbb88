package io.reclab.recall.bpr;

import io.reclab.optim.RowOptimizer;
import io.reclab.util.Parallel;

/**
 * The parameters of BPR-MF and one minibatch step on them. The batch loss is
 * <pre>  L = (1/B) Σ_s −ln σ(x_ui − x_uj) + (l2 / 2B) Σ_s (||p_u||² + ||q_i||² + ||q_j||² [+ b_i² + b_j²]),
 *   x_ui = p_u·q_i [+ b_i]  </pre>
 * A step is three phases with a barrier between them, each free of races and of order effects:
 * (1) per-sample coefficients ∂L/∂x = (σ(x) − 1)/B, split over threads by sample range;
 * (2) row gradients, split by row ownership (row mod threads): each thread scans the whole batch in order and
 *     accumulates only into rows it owns, so every row's gradient is summed in sample order whatever the
 *     thread count; (3) optimizer steps on the touched rows, again by owner.
 * Hence the parameters after a step are identical for any thread count.
 */
final class BprState {
    final int k;
    final int users;
    final int items;
    final float[] p;
    final float[] q;
    final float[] bias;
    final float[] gp;
    final float[] gq;
    final float[] gb;
    private final float l2;
    private final RowOptimizer optP;
    private final RowOptimizer optQ;
    private final RowOptimizer optB;
    private final int owners;
    private final int[] stampU;
    private final int[] stampI;
    private final int[][] touchedU;
    private final int[][] touchedI;
    private final int[] nTouchedU;
    private final int[] nTouchedI;
    private float[] coef = new float[0];
    private double[] pieceLoss;
    private int stamp;

    BprState(int k, float[] p, float[] q, float[] bias, double l2, io.reclab.optim.OptimizerConfig opt, int threads) {
        this.k = k;
        this.users = p.length / k;
        this.items = q.length / k;
        this.p = p;
        this.q = q;
        this.bias = bias;
        this.gp = new float[p.length];
        this.gq = new float[q.length];
        this.gb = bias == null ? null : new float[bias.length];
        this.l2 = (float) l2;
        this.optP = opt.create(p, k);
        this.optQ = opt.create(q, k);
        this.optB = bias == null ? null : opt.create(bias, 1);
        this.owners = Math.max(1, threads);
        this.stampU = new int[users];
        this.stampI = new int[items];
        this.touchedU = new int[owners][users / owners + 1];
        this.touchedI = new int[owners][items / owners + 1];
        this.nTouchedU = new int[owners];
        this.nTouchedI = new int[owners];
        this.pieceLoss = new double[owners];
    }

    float score(int u, int i) {
        float s = bias == null ? 0f : bias[i];
        int uo = u * k, io = i * k;
        for (int t = 0; t < k; t++) s += p[uo + t] * q[io + t];
        return s;
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** The batch loss L, computed directly from its definition (for tests and monitoring). */
    double batchLoss(int[] su, int[] si, int[] sj, int from, int to) {
        int b = to - from;
        double loss = 0, reg = 0;
        for (int s = from; s < to; s++) {
            double x = (double) score(su[s], si[s]) - score(su[s], sj[s]);
            loss += softplus(-x);
            reg += norm2(p, su[s]) + norm2(q, si[s]) + norm2(q, sj[s]);
            if (bias != null) reg += (double) bias[si[s]] * bias[si[s]] + (double) bias[sj[s]] * bias[sj[s]];
        }
        return loss / b + l2 * reg / (2.0 * b);
    }

    private double norm2(float[] t, int row) {
        double s = 0;
        for (int c = row * k, e = c + k; c < e; c++) s += (double) t[c] * t[c];
        return s;
    }

    /**
     * Fills the gradient buffers with ∂L/∂θ for the batch {@code [from, to)} and returns the BPR part of L
     * (without the L2 term).
     */
    double gradients(int[] su, int[] si, int[] sj, int from, int to, Parallel par) {
        int b = to - from;
        if (coef.length < b) coef = new float[b];
        float invB = 1f / b;
        int pieces = owners;
        par.forRanges(b, pieces, (piece, lo, hi) -> {
            double l = 0;
            for (int s = lo; s < hi; s++) {
                int g = from + s;
                double x = (double) score(su[g], si[g]) - score(su[g], sj[g]);
                l += softplus(-x);
                // d softplus(-x)/dx = -σ(-x) = σ(x) - 1
                coef[s] = (float) (-1.0 / (1.0 + Math.exp(x))) * invB;
            }
            pieceLoss[piece] = l;
        });
        double loss = 0;
        for (int t = 0; t < Math.min(pieces, b); t++) loss += pieceLoss[t];
        stamp++;
        float r = l2 * invB;
        par.forEach(owners, own -> {
            int nu = 0, ni = 0;
            int[] tu = touchedU[own], ti = touchedI[own];
            for (int s = 0; s < b; s++) {
                int g = from + s;
                int u = su[g], i = si[g], j = sj[g];
                float c = coef[s];
                int uo = u * k, io = i * k, jo = j * k;
                if (u % owners == own) {
                    if (stampU[u] != stamp) { stampU[u] = stamp; tu[nu++] = u; }
                    for (int t = 0; t < k; t++) gp[uo + t] += c * (q[io + t] - q[jo + t]) + r * p[uo + t];
                }
                if (i % owners == own) {
                    if (stampI[i] != stamp) { stampI[i] = stamp; ti[ni++] = i; }
                    for (int t = 0; t < k; t++) gq[io + t] += c * p[uo + t] + r * q[io + t];
                    if (gb != null) gb[i] += c + r * bias[i];
                }
                if (j % owners == own) {
                    if (stampI[j] != stamp) { stampI[j] = stamp; ti[ni++] = j; }
                    for (int t = 0; t < k; t++) gq[jo + t] += -c * p[uo + t] + r * q[jo + t];
                    if (gb != null) gb[j] += -c + r * bias[j];
                }
            }
            nTouchedU[own] = nu;
            nTouchedI[own] = ni;
        });
        return loss * invB;
    }

    /** Applies the optimizer to every touched row and clears the gradient buffers. */
    void apply(Parallel par) {
        par.forEach(owners, own -> {
            int[] tu = touchedU[own], ti = touchedI[own];
            for (int a = 0; a < nTouchedU[own]; a++) {
                int u = tu[a];
                optP.step(u, gp, u * k);
                java.util.Arrays.fill(gp, u * k, u * k + k, 0f);
            }
            for (int a = 0; a < nTouchedI[own]; a++) {
                int i = ti[a];
                optQ.step(i, gq, i * k);
                java.util.Arrays.fill(gq, i * k, i * k + k, 0f);
                if (optB != null) {
                    optB.step(i, gb, i);
                    gb[i] = 0f;
                }
            }
            nTouchedU[own] = 0;
            nTouchedI[own] = 0;
        });
    }
}
