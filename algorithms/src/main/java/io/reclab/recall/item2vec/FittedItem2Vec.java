package io.reclab.recall.item2vec;

import io.reclab.recall.DotProductScorer;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.fmrecall.SideFeatures;

/**
 * A trained {@link Item2Vec}: user vectors (mean of the input vectors of the user's last {@code history} training
 * items), item vectors and an optional per-item bias, scored by inner product plus bias. Under
 * {@code similarity = conditional} (the default) the item vectors are the output (context) vectors and the bias is
 * the weighted log negative-sampling prior, so a score estimates log P(item | recent history); {@code output} drops
 * the prior; {@code cosine} uses L2-normalised input vectors, so a score is the mean cosine similarity between the
 * item and the user's recent items (the paper's item-item similarity, aggregated); {@code input} uses raw input
 * vectors. Items never seen in training have a zero vector, unless side information gives them the mean of their
 * feature embeddings. Immutable.
 */
public final class FittedItem2Vec implements FittedRecaller {
    private final int dim;
    private final float[] userVecs;
    private final float[] itemVecs;
    private final DotProductScorer scorer;

    private final float[] itemBias;

    private FittedItem2Vec(int dim, float[] userVecs, float[] itemVecs, float[] itemBias) {
        this.dim = dim;
        this.userVecs = userVecs;
        this.itemVecs = itemVecs;
        this.itemBias = itemBias;
        this.scorer = new DotProductScorer(dim, userVecs, itemVecs, itemBias);
    }

    @Override public int numItems() { return scorer.numItems(); }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        scorer.scoreBlock(users, from, to, out);
    }

    public int dim() { return dim; }
    /** Copy of the user vectors, row-major numUsers × dim. */
    public float[] userVectors() { return userVecs.clone(); }
    /** Copy of the item vectors used for scoring, row-major numItems × dim. */
    public float[] itemVectors() { return itemVecs.clone(); }
    /** Copy of the per-item additive score (the weighted log prior under {@code conditional}), or null. */
    public float[] itemBias() { return itemBias == null ? null : itemBias.clone(); }

    /** Turns the current training parameters into an immutable fitted model. */
    static final class Builder {
        private final Item2VecConfig config;
        private final UserSequences seqs;
        private final int[] counts;
        private final SideFeatures feats;

        Builder(Item2VecConfig config, UserSequences seqs, int[] counts, SideFeatures feats) {
            this.config = config;
            this.seqs = seqs;
            this.counts = counts;
            this.feats = feats;
        }

        FittedItem2Vec build(SgnsParams p) {
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
            return new FittedItem2Vec(d, users, itemVecs, sim.equals("conditional") ? logPrior() : null);
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
    }
}
