package io.reclab.pipeline;

import io.reclab.pipeline.PipelineSettings.Strategy;

import java.util.Arrays;

/**
 * Merges one user's candidate lists from several recall channels into one deduplicated candidate list. Each channel
 * contributes its first {@code quota[s]} items. Every candidate keeps what the ranker needs to know about where it
 * came from: a tag (bit {@code s} set = channel {@code s} produced it), its 0-based rank in each channel (-1 when
 * that channel did not produce it) and its score in each channel min-max normalised over the user's list from that
 * channel (1 = the channel's best, 0 = its worst, NaN when absent).
 * <p>
 * The order of the merged list depends on the strategy: {@code quota} reads channels in order, each in rank order
 * (first occurrence wins); {@code round-robin} takes rank 1 of every channel, then rank 2, and so on;
 * {@code score-normalised} sorts by the sum of a candidate's normalised scores over channels (ties: the earlier in
 * quota order). The list is then cut to {@code size}; the order is also the pass-through baseline, the list served
 * when no ranker runs.
 * <p>
 * Lists are taken as given: the caller has already removed the user's training items. Not thread-safe: one merger
 * reuses item-sized marker arrays across users.
 */
public final class CandidateMerger {
    /**
     * One user's merged candidates, in merge order.
     *
     * @param ranks  {@code ranks[s][j]} = rank of candidate j in channel s (0-based), -1 when absent
     * @param scores {@code scores[s][j]} = normalised channel score, NaN when absent
     */
    public record Merged(int[] items, int[] tags, int[][] ranks, float[][] scores) {
        public Merged {
            if (items.length != tags.length) throw new IllegalArgumentException("items and tags differ in length");
        }

        public int size() { return items.length; }

        /** Whether candidate {@code j} came from channel {@code s}. */
        public boolean from(int j, int s) { return (tags[j] & (1 << s)) != 0; }
    }

    private final int[] quotas;
    private final Strategy strategy;
    private final int size;
    /** position + 1 of an item in the current user's union, valid only where {@code owner[item] == marker}. */
    private final int[] position;
    private final int[] owner;
    private int marker;

    /**
     * @param quotas   candidates taken from each channel (positive), one per channel, at most 31 channels
     * @param strategy the order of the merged list
     * @param size     the merged list is cut to this many candidates (at least 1; the sum of quotas = no cut)
     * @param numItems catalogue size (item ids are {@code 0..numItems-1})
     */
    public CandidateMerger(int[] quotas, Strategy strategy, int size, int numItems) {
        if (quotas.length == 0 || quotas.length > PipelineSettings.MAX_SOURCES)
            throw new IllegalArgumentException("1.." + PipelineSettings.MAX_SOURCES + " channels expected, got " + quotas.length);
        for (int q : quotas) if (q <= 0) throw new IllegalArgumentException("quotas must be positive: " + Arrays.toString(quotas));
        if (size <= 0) throw new IllegalArgumentException("size must be positive: " + size);
        this.quotas = quotas.clone();
        this.strategy = strategy;
        this.size = size;
        this.position = new int[numItems];
        this.owner = new int[numItems];
    }

    /** Quota order, no cut. */
    public CandidateMerger(int[] quotas, int numItems) {
        this(quotas, Strategy.QUOTA, Integer.MAX_VALUE, numItems);
    }

    public int sources() { return quotas.length; }

    /** As {@link #merge(int[][], float[][])} with each channel's score taken as minus the rank (lists without scores). */
    public Merged merge(int[][] lists) {
        float[][] scores = new float[lists.length][];
        for (int s = 0; s < lists.length; s++) {
            scores[s] = new float[lists[s].length];
            for (int j = 0; j < scores[s].length; j++) scores[s][j] = -j;
        }
        return merge(lists, scores);
    }

    /**
     * @param lists  {@code lists[s]} = channel s's ranked items for the user, best first (longer lists are cut to the quota)
     * @param scores {@code scores[s][j]} = channel s's score of {@code lists[s][j]}
     */
    public Merged merge(int[][] lists, float[][] scores) {
        int ns = quotas.length;
        if (lists.length != ns || scores.length != ns)
            throw new IllegalArgumentException(lists.length + " lists for " + ns + " channels");
        if (++marker == 0) { // wrapped after 2^32 users: clear stale marks
            Arrays.fill(owner, 0);
            marker = 1;
        }
        int[] len = new int[ns];
        int cap = 0;
        for (int s = 0; s < ns; s++) {
            len[s] = Math.min(quotas[s], lists[s].length);
            if (scores[s].length < len[s]) throw new IllegalArgumentException("channel " + s + ": fewer scores than items");
            cap += len[s];
        }
        // the union in quota order, with per-channel rank and normalised score
        int[] items = new int[cap], tags = new int[cap];
        int[][] ranks = new int[ns][cap];
        float[][] norm = new float[ns][cap];
        for (int s = 0; s < ns; s++) {
            Arrays.fill(ranks[s], -1);
            Arrays.fill(norm[s], Float.NaN);
        }
        int n = 0;
        for (int s = 0; s < ns; s++) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < len[s]; j++) {
                float x = scores[s][j];
                if (x < lo) lo = x;
                if (x > hi) hi = x;
            }
            float span = hi - lo;
            for (int j = 0; j < len[s]; j++) {
                int it = lists[s][j];
                int at;
                if (owner[it] == marker) {
                    at = position[it] - 1;
                } else {
                    owner[it] = marker;
                    position[it] = n + 1;
                    items[n] = it;
                    at = n++;
                }
                tags[at] |= 1 << s;
                if (ranks[s][at] < 0) {
                    ranks[s][at] = j;
                    float x = scores[s][j];
                    norm[s][at] = span > 0 && Float.isFinite(span) ? (x - lo) / span : 1f;
                }
            }
        }
        int[] order = order(n, len, lists, ranks, norm);
        int keep = Math.min(n, size);
        int[] oi = new int[keep], ot = new int[keep];
        int[][] or = new int[ns][keep];
        float[][] on = new float[ns][keep];
        for (int j = 0; j < keep; j++) {
            int p = order == null ? j : order[j];
            oi[j] = items[p];
            ot[j] = tags[p];
            for (int s = 0; s < ns; s++) {
                or[s][j] = ranks[s][p];
                on[s][j] = norm[s][p];
            }
        }
        return new Merged(oi, ot, or, on);
    }

    /** Positions into the quota-order union, in the strategy's order; null = quota order itself. */
    private int[] order(int n, int[] len, int[][] lists, int[][] ranks, float[][] norm) {
        int ns = len.length;
        switch (strategy) {
            case QUOTA:
                return null;
            case ROUND_ROBIN: {
                int[] out = new int[n];
                int k = 0, maxLen = 0;
                for (int l : len) maxLen = Math.max(maxLen, l);
                for (int r = 0; r < maxLen; r++) {
                    for (int s = 0; s < ns; s++) {
                        if (r >= len[s]) continue;
                        int p = position[lists[s][r]] - 1;
                        if (p >= 0 && ranks[s][p] == r && !emitted(p, ranks, s, r)) out[k++] = p;
                    }
                }
                return out;
            }
            case SCORE_NORMALISED: {
                double[] sum = new double[n];
                for (int s = 0; s < ns; s++) for (int j = 0; j < n; j++) if (!Float.isNaN(norm[s][j])) sum[j] += norm[s][j];
                Integer[] idx = new Integer[n];
                for (int j = 0; j < n; j++) idx[j] = j;
                Arrays.sort(idx, (a, b) -> sum[a] != sum[b] ? Double.compare(sum[b], sum[a]) : Integer.compare(a, b));
                int[] out = new int[n];
                for (int j = 0; j < n; j++) out[j] = idx[j];
                return out;
            }
            default:
                throw new IllegalStateException(strategy.toString());
        }
    }

    /**
     * Whether union position {@code p} was already emitted by an earlier (rank, channel) step of round-robin: it was
     * if some channel t reached it at a smaller rank, or at rank r in an earlier channel.
     */
    private static boolean emitted(int p, int[][] ranks, int s, int r) {
        for (int t = 0; t < ranks.length; t++) {
            int rt = ranks[t][p];
            if (rt < 0) continue;
            if (rt < r || (rt == r && t < s)) return true;
        }
        return false;
    }
}
