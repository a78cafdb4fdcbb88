package io.reclab.data.synthetic;

import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.data.loader.Sha256;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic interaction data with planted structure, so that models can be told apart quickly.
 * <p>Model: {@code clusters} unit-length centres in R^factors; each item and each user belongs to one cluster and
 * has a latent vector = its centre + Gaussian jitter (sd 0.5 per unit length). Item popularity follows Zipf: a random
 * rank r gives log-weight {@code -popularityExponent * ln(r + 1)}. A user with activity n (log-normal around
 * {@code interactionsPerUser}) picks ~{@code (1 - noise) n} distinct items with probability proportional to
 * {@code exp(affinity * p_u·q_i + logpop_i)} (weighted sampling without replacement, {@link WeightedSample}) and
 * the rest from popularity alone. Ratings 1..5 grow with p_u·q_i; timestamps are spread over {@code days} after each user's
 * arrival; rows are sorted by time. Side features are noisy views of the clusters: user {@code segment}
 * (true cluster with probability 0.85), item {@code category} (0.9) and item {@code tags} (1-2 of the cluster's
 * three tags, plus with probability 0.25 a random tag).
 * <p>Every random stream is a {@link SplittableRandom} split from the seed in a fixed order (one per user for the
 * choices, which run in parallel), and Gaussians come from an explicit Box-Muller transform, so the output depends
 * only on the config (not on the JDK's sampler or the thread count).
 */
public final class SyntheticGenerator {
    private static final int TAGS_PER_CLUSTER = 3;
    private final SyntheticConfig c;

    public SyntheticGenerator(SyntheticConfig config) { this.c = config; }

    public Dataset generate() {
        return generate(Runtime.getRuntime().availableProcessors());
    }

    /** The same log for any {@code threads} (the choices run per user on their own streams). */
    public Dataset generate(int threads) {
        SplittableRandom root = new SplittableRandom(c.seed());
        SplittableRandom rCentre = root.split(), rItem = root.split(), rUser = root.split(),
                rChoice = root.split(), rTime = root.split(), rFeature = root.split();
        int k = c.clusters(), d = c.factors(), nU = c.users(), nI = c.items();

        float[] centres = new float[k * d];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int f = 0; f < d; f++) { double g = gaussian(rCentre); centres[j * d + f] = (float) g; norm += g * g; }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int f = 0; f < d; f++) centres[j * d + f] *= inv;
        }
        // items: balanced clusters in random order, independent random popularity ranks
        int[] itemCluster = new int[nI];
        for (int i = 0; i < nI; i++) itemCluster[i] = i % k;
        shuffle(itemCluster, rItem);
        int[] rank = new int[nI];
        for (int i = 0; i < nI; i++) rank[i] = i;
        shuffle(rank, rItem);
        float[] logPop = new float[nI];
        for (int i = 0; i < nI; i++) logPop[i] = (float) (-c.popularityExponent() * Math.log(rank[i] + 1.0));
        float[] q = latent(itemCluster, centres, d, rItem);

        int[] userCluster = new int[nU];
        for (int u = 0; u < nU; u++) userCluster[u] = rUser.nextInt(k);
        float[] p = latent(userCluster, centres, d, rUser);

        int maxPerUser = Math.max(1, nI / 2);
        double sigma = c.spread();
        // activity and noise counts in user order from the user stream; every user then gets a stream of its own,
        // split in user order, so the choices below may run on any number of threads and give the same log
        int[] nTaste = new int[nU], nNoisy = new int[nU];
        SplittableRandom[] choiceOf = new SplittableRandom[nU];
        for (int u = 0; u < nU; u++) {
            double act = c.interactionsPerUser() * Math.exp(sigma * gaussian(rUser) - sigma * sigma / 2);
            int n = (int) Math.max(2, Math.min(maxPerUser, Math.round(act)));
            choiceOf[u] = rChoice.split();
            int noisy = 0;
            for (int j = 0; j < n; j++) if (choiceOf[u].nextDouble() < c.noise()) noisy++;
            nTaste[u] = n - noisy;
            nNoisy[u] = noisy;
        }
        // item-major latent factors, so a user's scores over all items are d vectorisable axpy passes
        float[] qT = new float[d * nI];
        for (int i = 0; i < nI; i++) for (int f = 0; f < d; f++) qT[f * nI + i] = q[i * d + f];
        double[] popWeight = new double[nI];
        for (int i = 0; i < nI; i++) popWeight[i] = Math.exp(logPop[i]);
        int[][] chosenByUser = new int[nU][];
        io.reclab.util.Parallel.forChunks(nU, threads, io.reclab.util.Parallel.chunk(nU, threads),
                () -> new double[][]{new double[nI], new double[nI]}, (buf, from, to) -> {
                    float[] score = new float[nI];
                    for (int u = from; u < to; u++) chosenByUser[u] = choose(u, p, qT, d, nI, logPop, popWeight, nTaste[u], nNoisy[u],
                            choiceOf[u], score, buf[0], buf[1]);
                });
        int total = 0;
        for (int[] a : chosenByUser) total += a.length;

        int[] user = new int[total], item = new int[total];
        float[] value = new float[total];
        long[] rel = new long[total];
        long span = c.days() * 86_400L;
        int row = 0;
        for (int u = 0; u < nU; u++) {
            int[] all = chosenByUser[u];
            long arrival = (long) (rTime.nextDouble() * 0.7 * span);
            long[] ts = new long[all.length];
            for (int j = 0; j < ts.length; j++) ts[j] = arrival + (long) (rTime.nextDouble() * (span - arrival));
            Arrays.sort(ts);
            for (int j = 0; j < all.length; j++) {
                int i = all[j];
                double a = dot(p, u, q, i, d);
                double r = 1 + 4 / (1 + Math.exp(-3 * (a - 0.4))) + 0.5 * gaussian(rTime);
                user[row] = u;
                item[row] = i;
                value[row] = (float) Math.max(1, Math.min(5, Math.round(r)));
                rel[row] = ts[j];
                row++;
            }
        }
        // global time order, ties by generation order: key = relative time << 32 | row (time < 2^31 s, rows < 2^31)
        long[] order = new long[total];
        for (int r = 0; r < total; r++) order[r] = (rel[r] << 32) | r;
        Arrays.sort(order);
        int[] su = new int[total], si = new int[total];
        float[] sv = new float[total];
        long[] st = new long[total];
        for (int j = 0; j < total; j++) {
            int r = (int) order[j];
            su[j] = user[r]; si[j] = item[r]; sv[j] = value[r]; st[j] = SyntheticConfig.EPOCH + rel[r];
        }
        Interactions x = new Interactions(su, si, sv, st, IdMap.identity(nU), IdMap.identity(nI));

        FeatureTable userFeatures = new FeatureTable(nU, List.of(
                new FeatureField.Categorical("segment", noisyCodes(userCluster, k, 0.85, rFeature), names("segment-", k))));
        FeatureTable itemFeatures = new FeatureTable(nI, List.of(
                new FeatureField.Categorical("category", noisyCodes(itemCluster, k, 0.9, rFeature), names("category-", k)),
                tags(itemCluster, k, rFeature)));
        DatasetInfo info = new DatasetInfo(c.name(), c.describe(), Sha256.ofInteractions(x), nU, nI, total);
        return new Dataset(info, x, userFeatures, itemFeatures, null);
    }

    /**
     * One user's items: {@code taste} drawn without replacement with probability ∝ exp(affinity · p·q + logpop), then
     * {@code noisy} more ∝ popularity alone among the rest, shuffled together.
     */
    private int[] choose(int u, float[] p, float[] qT, int d, int nI, float[] logPop, double[] popWeight, int taste, int noisy,
                         SplittableRandom r, float[] score, double[] w, double[] w2) {
        java.util.Arrays.fill(score, 0f);
        for (int f = 0; f < d; f++) {
            float pf = p[u * d + f];
            int o = f * nI;
            for (int i = 0; i < nI; i++) score[i] += pf * qT[o + i];
        }
        double a = c.affinity(), max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nI; i++) max = Math.max(max, a * score[i] + logPop[i]);
        // weights relative to the largest, so none overflows; the sampling law is unchanged by a common factor
        for (int i = 0; i < nI; i++) w[i] = Math.exp(a * score[i] + logPop[i] - max);
        int[] tasteItems = WeightedSample.withoutReplacement(w, taste, r);
        System.arraycopy(popWeight, 0, w2, 0, nI);
        for (int i : tasteItems) w2[i] = 0;
        int[] popItems = WeightedSample.withoutReplacement(w2, noisy, r);
        int[] all = Arrays.copyOf(tasteItems, tasteItems.length + popItems.length);
        System.arraycopy(popItems, 0, all, tasteItems.length, popItems.length);
        shuffle(all, r);
        return all;
    }

    private static float[] latent(int[] cluster, float[] centres, int d, SplittableRandom r) {
        float[] v = new float[cluster.length * d];
        double jitter = 0.5 / Math.sqrt(d);
        for (int e = 0; e < cluster.length; e++)
            for (int f = 0; f < d; f++) v[e * d + f] = (float) (centres[cluster[e] * d + f] + jitter * gaussian(r));
        return v;
    }

    private static double dot(float[] p, int u, float[] q, int i, int d) {
        double s = 0;
        for (int f = 0; f < d; f++) s += p[u * d + f] * q[i * d + f];
        return s;
    }

    private static int[] noisyCodes(int[] cluster, int k, double keep, SplittableRandom r) {
        int[] codes = new int[cluster.length];
        for (int e = 0; e < codes.length; e++) codes[e] = r.nextDouble() < keep ? cluster[e] : r.nextInt(k);
        return codes;
    }

    private static List<String> names(String prefix, int k) {
        List<String> s = new ArrayList<>(k);
        for (int j = 0; j < k; j++) s.add(prefix + j);
        return s;
    }

    private static FeatureField.MultiValued tags(int[] cluster, int k, SplittableRandom r) {
        int n = cluster.length, t = TAGS_PER_CLUSTER;
        List<String> vocab = new ArrayList<>(k * t);
        for (int j = 0; j < k; j++) for (int m = 0; m < t; m++) vocab.add("tag-" + j + "-" + m);
        int[] offsets = new int[n + 1];
        int[] codes = new int[n * 3];
        int len = 0;
        for (int e = 0; e < n; e++) {
            int first = r.nextInt(t);
            codes[len++] = cluster[e] * t + first;
            if (r.nextBoolean()) codes[len++] = cluster[e] * t + (first + 1 + r.nextInt(t - 1)) % t;
            if (r.nextDouble() < 0.25) {
                int extra = r.nextInt(k * t);
                boolean dup = false;
                for (int j = offsets[e]; j < len; j++) dup |= codes[j] == extra;
                if (!dup) codes[len++] = extra;
            }
            offsets[e + 1] = len;
        }
        return new FeatureField.MultiValued("tags", offsets, Arrays.copyOf(codes, len), vocab);
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    /** Standard normal by Box-Muller (one of the pair; simplicity over speed at this size). */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]: log is finite
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

}
