package io.reclab.recall.item2vec;

import io.reclab.recall.DotProductScorer;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.fmrecall.SideFeatures;

/**
 * A trained {@link Item2Vec}: item vectors and user vectors (mean of the vectors of the user's last
 * {@code history} training items) scored by inner product. With {@code similarity = cosine} the item vectors are
 * the L2-normalised input vectors, so a user's score for item i is the mean cosine similarity between i and the
 * user's recent items (the paper's item-item similarity, aggregated); {@code input} uses raw input vectors;
 * {@code output} scores the user's mean input vector against the items' output (context) vectors. Items never
 * seen in training have a zero vector, unless side information gives them the mean of their feature embeddings.
 * Immutable.
 */
public final class FittedItem2Vec implements FittedRecaller {
    private final int dim;
    private final float[] userVecs;
    private final float[] itemVecs;
    private final DotProductScorer scorer;

    private FittedItem2Vec(int dim, float[] userVecs, float[] itemVecs) {
        this.dim = dim;
        this.userVecs = userVecs;
        this.itemVecs = itemVecs;
        this.scorer = new DotProductScorer(dim, userVecs, itemVecs, null);
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
            float[] itemVecs = sim.equals("output") ? p.out.clone() : input;
            return new FittedItem2Vec(d, users, itemVecs);
        }
    }
}
