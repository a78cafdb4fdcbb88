package io.reclab.recall.item2vec;

import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.recall.fmrecall.SideFeatures;

/**
 * What a trained {@link Item2Vec} serves with, as an {@link EmbeddingRecaller}: user vectors (mean of the input
 * vectors of the user's last {@code history} training items), item vectors and an optional per-item bias, scored by
 * inner product plus bias. Under {@code similarity = conditional} (the default) the item vectors are the output
 * (context) vectors and the bias is the weighted log negative-sampling prior, so a score estimates
 * log P(item | recent history); {@code output} drops the prior; {@code cosine} uses L2-normalised input vectors, so
 * a score is the mean cosine similarity between the item and the user's recent items (the paper's item-item
 * similarity, aggregated); {@code input} uses raw input vectors. Items never seen in training have a zero vector,
 * unless side information gives them the mean of their feature embeddings.
 * <p>Never-seen items get a bias of -∞ under {@code conditional}, which exact scoring carries through (finite dot
 * plus -∞ is -∞). The HNSW index cannot: its MIPS reduction divides by the largest item norm, which -∞ makes
 * infinite. Served through HNSW, those items therefore get a finite bias chosen so that their score stays below
 * every seen item's score for every user ({@link #finiteFloor}); rankings, and hence every metric, are the same
 * as with -∞ (the tied never-seen items are still ordered by item id).
 */
final class Item2VecVectors {
    /** One set of serving vectors, taken from the training parameters at one moment; arrays never change. */
    record Snapshot(int dim, float[] users, float[] items, float[] bias) {
        /** Exact retrieval (validation snapshots, and the served model under {@code retrieval = exact}). */
        EmbeddingRecaller exact() {
            return EmbeddingRecaller.exact(dim, users, items, bias);
        }

        /** The served model: exact, or with an HNSW index over items whose -∞ biases are made finite. */
        EmbeddingRecaller serve(Retrieval retrieval, int threads) {
            if (!retrieval.approximate()) return exact();
            return new EmbeddingRecaller(dim, users, items, finiteFloor(dim, users, items, bias), retrieval, threads);
        }
    }

    private final Item2VecConfig config;
    private final UserSequences seqs;
    private final int[] counts;
    private final SideFeatures feats;

    Item2VecVectors(Item2VecConfig config, UserSequences seqs, int[] counts, SideFeatures feats) {
        this.config = config;
        this.seqs = seqs;
        this.counts = counts;
        this.feats = feats;
    }

    /** The serving vectors of the current parameters (copies: later training does not change them). */
    Snapshot build(SgnsParams p) {
        int d = p.dim, ni = counts.length, nu = seqs.numUsers();
        float[] input = new float[ni * d];
        float[] row = new float[d];
        for (int i = 0; i < ni; i++) {
            if (counts[i] > 0) {
                p.input(i, row);
                System.arraycopy(row, 0, input, i * d, d);
            } else if (feats != null && feats.entityEnd(i) > feats.entityStart(i)) {
                // cold item: its id row was never trained, so only its features speak for it
                int s = feats.entityStart(i), e = feats.entityEnd(i);
                for (int q = s; q < e; q++)
                    for (int k = 0; k < d; k++) input[i * d + k] += p.inFeat[feats.ids()[q] * d + k];
                for (int k = 0; k < d; k++) input[i * d + k] /= (e - s);
            }
        }
        String sim = config.similarity();
        if (sim.equals("cosine")) {
            for (int i = 0; i < ni; i++) {
                double n2 = 0;
                for (int k = 0; k < d; k++) n2 += input[i * d + k] * input[i * d + k];
                if (n2 > 0) {
                    float inv = (float) (1 / Math.sqrt(n2));
                    for (int k = 0; k < d; k++) input[i * d + k] *= inv;
                }
            }
        }
        float[] users = new float[nu * d];
        int[] items = seqs.items();
        for (int u = 0; u < nu; u++) {
            int e = seqs.end(u), s = Math.max(seqs.start(u), e - config.history());
            if (e == s) continue;
            for (int q = s; q < e; q++) {
                int b = items[q] * d;
                for (int k = 0; k < d; k++) users[u * d + k] += input[b + k];
            }
            float inv = 1f / (e - s);
            for (int k = 0; k < d; k++) users[u * d + k] *= inv;
        }
        boolean useOutput = sim.equals("output") || sim.equals("conditional");
        float[] itemVecs = useOutput ? p.out.clone() : input;
        return new Snapshot(d, users, itemVecs, sim.equals("conditional") ? logPrior() : null);
    }

    /**
     * prior-weight · log Pn(i), Pn(i) = count_i^0.75 / Σ_j count_j^0.75: the negative-sampling distribution that
     * SGNS's dot products are measured against. Never-seen items get -∞: they were never a context, so the
     * model has no evidence for them.
     */
    private float[] logPrior() {
        double z = 0;
        for (int c : counts) z += Math.pow(c, 0.75);
        float[] bias = new float[counts.length];
        for (int i = 0; i < counts.length; i++)
            bias[i] = counts[i] == 0 ? Float.NEGATIVE_INFINITY
                    : (float) (config.priorWeight() * Math.log(Math.pow(counts[i], 0.75) / z));
        return bias;
    }

    /**
     * {@code bias} with every -∞ replaced by one finite floor F low enough that, for every user u, every item j
     * with bias -∞ scores below every item i with a finite bias. With U = max_u ||p_u|| (Cauchy-Schwarz bounds
     * |<p_u, q>| by U ||q||): score(u, i) >= b_i - U ||q_i|| >= m := min_i (b_i - U ||q_i||), and
     * score(u, j) <= F + U ||q_j|| <= F + s with s := max_j U ||q_j||; so F = m - s - margin suffices. The margin
     * (1 plus a relative part) absorbs float rounding of the scores. Returns {@code bias} itself when nothing is
     * -∞ (including null).
     */
    static float[] finiteFloor(int dim, float[] users, float[] items, float[] bias) {
        if (bias == null) return null;
        boolean any = false;
        for (float b : bias) any |= b == Float.NEGATIVE_INFINITY;
        if (!any) return bias;
        double maxUser = 0;
        for (int u = 0; u < users.length / dim; u++) maxUser = Math.max(maxUser, norm(users, u, dim));
        double seenMin = Double.POSITIVE_INFINITY, unseenSlack = 0;
        for (int i = 0; i < bias.length; i++) {
            double reach = maxUser * norm(items, i, dim);
            if (bias[i] == Float.NEGATIVE_INFINITY) unseenSlack = Math.max(unseenSlack, reach);
            else seenMin = Math.min(seenMin, bias[i] - reach);
        }
        if (seenMin == Double.POSITIVE_INFINITY) seenMin = 0; // no seen item: any common finite value ranks the same
        float floor = (float) (seenMin - unseenSlack - 1 - 1e-3 * Math.abs(seenMin - unseenSlack));
        float[] out = bias.clone();
        for (int i = 0; i < out.length; i++) if (out[i] == Float.NEGATIVE_INFINITY) out[i] = floor;
        return out;
    }

    private static double norm(float[] v, int row, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s += (double) v[row * dim + k] * v[row * dim + k];
        return Math.sqrt(s);
    }
}
