package io.reclab.recall.twotower;

/**
 * The sampled-softmax loss with in-batch negatives and logQ correction of Yi et al. 2019 ("Sampling-Bias-Corrected
 * Neural Modeling for Large Corpus Item Recommendations", RecSys): for a batch of B pairs (u_a, i_a) with tower
 * outputs e_u (B × D) and e_i (B × D),
 * <pre>
 *   logit(a, b) = &lt;e_u[a], e_i[b]&gt; / τ - log Q(i_b),    L = -(1/B) Σ_a log softmax_b(logit(a, ·))[a]
 * </pre>
 * where Q(i) is the probability that item i is a batch positive (its frequency in the training stream). The
 * correction removes the popularity bias of in-batch negatives, which otherwise are sampled ∝ Q. Columns b ≠ a
 * holding the same item as a (a duplicate positive in the batch) are masked out rather than counted as negatives.
 */
final class InBatchSoftmax {
    private InBatchSoftmax() {}

    /** As {@link #rows(float[], float[], float[], int[], float[], int, int, float, float[], float[], int, int)}, transposing e_i itself. */
    static double rows(float[] eu, float[] ei, int[] items, float[] logQ, int bsz, int dim, float tau,
                       float[] prob, float[] gU, int rowFrom, int rowTo) {
        return rows(eu, ei, transpose(ei, bsz, dim, new float[bsz * dim]), items, logQ, bsz, dim, tau, prob, gU, rowFrom, rowTo);
    }

    /** eiT[k * bsz + b] = ei[b * dim + k]: e_i dimension-major, so a row of logits is a sum of contiguous rows. */
    static float[] transpose(float[] ei, int bsz, int dim, float[] eiT) {
        for (int b = 0; b < bsz; b++)
            for (int k = 0; k < dim; k++) eiT[k * bsz + b] = ei[b * dim + k];
        return eiT;
    }

    /**
     * Computes the loss and, when {@code gU} is non-null, dL/de_u (B × D, overwritten). Rows a in
     * [rowFrom, rowTo) only — a caller can split rows among threads, then call {@link #itemGrad}.
     * @param eiT e_i transposed ({@link #transpose}); the logits of row a are Σ_k e_u[a][k] · eiT[k], a
     *            vectorisable multiply-add over contiguous rows instead of B dot products
     * @param prob scratch B × B, receives softmax probabilities minus the one-hot target, divided by B
     * @return the loss summed over rows [rowFrom, rowTo), divided by B
     */
    static double rows(float[] eu, float[] ei, float[] eiT, int[] items, float[] logQ, int bsz, int dim, float tau,
                       float[] prob, float[] gU, int rowFrom, int rowTo) {
        double loss = 0;
        float invTau = 1f / tau;
        for (int a = rowFrom; a < rowTo; a++) {
            int pa = a * bsz;
            java.util.Arrays.fill(prob, pa, pa + bsz, 0f);
            for (int k = 0; k < dim; k++) {
                float x = eu[a * dim + k];
                int tb = k * bsz;
                for (int b = 0; b < bsz; b++) prob[pa + b] += x * eiT[tb + b];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bsz; b++) {
                if (b != a && items[b] == items[a]) { prob[pa + b] = Float.NaN; continue; }
                float l = prob[pa + b] * invTau - logQ[b];
                prob[pa + b] = l;
                if (l > max) max = l;
            }
            double z = 0;
            for (int b = 0; b < bsz; b++) if (!Float.isNaN(prob[pa + b])) z += Math.exp(prob[pa + b] - max);
            double logZ = max + Math.log(z);
            loss += logZ - prob[pa + a];
            for (int b = 0; b < bsz; b++) {
                float l = prob[pa + b];
                double p = Float.isNaN(l) ? 0 : Math.exp(l - logZ);
                prob[pa + b] = (float) ((p - (a == b ? 1 : 0)) / bsz);
            }
            if (gU != null) {
                java.util.Arrays.fill(gU, a * dim, (a + 1) * dim, 0f);
                for (int b = 0; b < bsz; b++) {
                    float g = prob[pa + b] * invTau;
                    if (g == 0f) continue;
                    for (int k = 0; k < dim; k++) gU[a * dim + k] += g * ei[b * dim + k];
                }
            }
        }
        return loss / bsz;
    }

    /** dL/de_i[b] = Σ_a prob(a, b) e_u[a] / τ for columns b in [colFrom, colTo), after all rows are done. */
    static void itemGrad(float[] eu, float[] prob, int bsz, int dim, float tau, float[] gI, int colFrom, int colTo) {
        float invTau = 1f / tau;
        for (int b = colFrom; b < colTo; b++) {
            java.util.Arrays.fill(gI, b * dim, (b + 1) * dim, 0f);
            for (int a = 0; a < bsz; a++) {
                float g = prob[a * bsz + b] * invTau;
                if (g == 0f) continue;
                for (int k = 0; k < dim; k++) gI[b * dim + k] += g * eu[a * dim + k];
            }
        }
    }
}
