package io.reclab.recall.item2vec;

import io.reclab.util.Seeds;
import io.reclab.train.AliasTable;

import java.util.SplittableRandom;

/**
 * One epoch of item2vec's skip-gram training over users' sequences: word2vec's frequent-item subsampling, whole-set
 * or sliding-window contexts, unigram^0.75 negatives, and a learning rate decaying linearly with the position in
 * a fixed horizon of {@code decay-epochs} epochs (then held at its floor, {@code learning-rate} × 1e-4). All
 * randomness of a user in an epoch comes from an RNG seeded by (seed, epoch, user), so the samples do not depend
 * on how users are split among threads.
 */
final class SgnsEpoch {
    private static final double MIN_LR_RATIO = 1e-4;
    private final Item2VecConfig config;
    private final UserSequences seqs;
    private final float[] keep;
    private final AliasTable negatives;
    private final long seed;
    private final int maxLen;

    SgnsEpoch(Item2VecConfig config, UserSequences seqs, int[] counts, long seed) {
        this.config = config;
        this.seqs = seqs;
        this.seed = seed;
        long total = 0;
        for (int c : counts) total += c;
        keep = new float[counts.length];
        double st = config.sample() * total;
        double[] w = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            // word2vec: P(keep) = (sqrt(f / (s·N)) + 1) · s·N / f
            keep[i] = config.sample() == 0 || counts[i] == 0 ? 1f
                    : (float) Math.min(1.0, (Math.sqrt(counts[i] / st) + 1) * st / counts[i]);
            w[i] = Math.pow(counts[i], 0.75);
        }
        negatives = total > 0 ? new AliasTable(w) : null;
        int m = 0;
        for (int u = 0; u < seqs.numUsers(); u++) m = Math.max(m, seqs.length(u));
        maxLen = m;
    }

    static SplittableRandom rng(long seed, int epoch, int user) {
        return new SplittableRandom(Seeds.derive(seed, epoch, user));
    }

    /** The users in this epoch's processing order. */
    int[] userOrder(int epoch) {
        int n = seqs.numUsers();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = rng(seed, epoch, -1);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        return order;
    }

    /** The whole epoch on one parameter set; returns the mean loss per (centre, context) pair. */
    double sequential(SgnsParams p, int epoch) {
        int[] order = userOrder(epoch);
        double[] r = users(p, order, 0, order.length, epoch);
        return r[1] == 0 ? 0 : r[0] / r[1];
    }

    /** Trains on users {@code order[a..b)}; returns {loss sum, pair count}. */
    double[] users(SgnsParams p, int[] order, int a, int b, int epoch) {
        int d = p.dim, n = order.length;
        float[] h = new float[d], gh = new float[d];
        int[] seq = new int[maxLen];
        int[] targets = new int[1 + config.negatives()];
        int[] items = seqs.items();
        int window = config.window();
        double loss = 0;
        long pairs = 0;
        for (int pos = a; pos < b; pos++) {
            int u = order[pos];
            // the horizon is decay-epochs, not the budget: a run that early stopping ends at epoch e has had the
            // same rates as any other run up to e, whatever its budget
            double progress = (epoch + (double) pos / n) / config.decayEpochs();
            float lr = (float) (config.learningRate() * Math.max(MIN_LR_RATIO, 1 - progress));
            SplittableRandom r = rng(seed, epoch, u);
            int len = 0;
            for (int q = seqs.start(u); q < seqs.end(u); q++) {
                int it = items[q];
                if (keep[it] >= 1f || r.nextDouble() < keep[it]) seq[len++] = it;
            }
            for (int c = 0; c < len; c++) {
                int lo = 0, hi = len - 1;
                if (window > 0) {
                    int w = 1 + r.nextInt(window);
                    lo = Math.max(0, c - w);
                    hi = Math.min(len - 1, c + w);
                }
                for (int o = lo; o <= hi; o++) {
                    if (o == c || seq[o] == seq[c]) continue;
                    int ctx = seq[o];
                    targets[0] = ctx;
                    int m = 1;
                    for (int k = 0; k < config.negatives(); k++) {
                        int neg = negatives.sample(r);
                        if (neg != ctx) targets[m++] = neg;
                    }
                    loss += p.step(seq[c], targets, m, lr, h, gh);
                    pairs++;
                }
            }
        }
        return new double[]{loss, pairs};
    }
}
