package io.reclab.pipeline;

import java.util.Arrays;

/**
 * Merges one user's candidate lists from several recall sources into one deduplicated candidate set, tagging each
 * candidate with the sources that produced it (bit {@code s} of its tag = source {@code s}). Each source contributes
 * its first {@code quota[s]} items; sources are read in order and each source's items in rank order, so the first
 * occurrence of an item fixes its position (the merged order matters only for ties downstream, never for metrics).
 * <p>
 * Lists are taken as given: the caller has already removed the user's training items (as the recall evaluator
 * does). Not thread-safe: one merger reuses one item-sized marker array across users.
 */
public final class CandidateMerger {
    /** One user's merged candidates: {@code items[j]} was produced by the sources whose bits are set in {@code tags[j]}. */
    public record Merged(int[] items, int[] tags) {
        public Merged {
            if (items.length != tags.length) throw new IllegalArgumentException("items and tags differ in length");
        }

        public int size() { return items.length; }

        /** Whether candidate {@code j} came from source {@code s}. */
        public boolean from(int j, int s) { return (tags[j] & (1 << s)) != 0; }
    }

    private final int[] quotas;
    /** position + 1 of an item in the current user's output, valid only where {@code owner[item] == marker}. */
    private final int[] position;
    private final int[] owner;
    private int marker;

    /**
     * @param quotas   candidates taken from each source (positive), one per source, at most 31 sources
     * @param numItems catalogue size (item ids are {@code 0..numItems-1})
     */
    public CandidateMerger(int[] quotas, int numItems) {
        if (quotas.length == 0 || quotas.length > PipelineSettings.MAX_SOURCES)
            throw new IllegalArgumentException("1.." + PipelineSettings.MAX_SOURCES + " sources expected, got " + quotas.length);
        for (int q : quotas) if (q <= 0) throw new IllegalArgumentException("quotas must be positive: " + Arrays.toString(quotas));
        this.quotas = quotas.clone();
        this.position = new int[numItems];
        this.owner = new int[numItems];
    }

    public int sources() { return quotas.length; }

    /** @param lists {@code lists[s]} = source s's ranked items for the user, best first (longer lists are cut to the quota) */
    public Merged merge(int[][] lists) {
        if (lists.length != quotas.length)
            throw new IllegalArgumentException(lists.length + " lists for " + quotas.length + " sources");
        if (++marker == 0) { // wrapped after 2^32 users: clear stale marks
            Arrays.fill(owner, 0);
            marker = 1;
        }
        int cap = 0;
        for (int s = 0; s < lists.length; s++) cap += Math.min(quotas[s], lists[s].length);
        int[] items = new int[cap], tags = new int[cap];
        int n = 0;
        for (int s = 0; s < lists.length; s++) {
            int[] l = lists[s];
            int len = Math.min(quotas[s], l.length);
            for (int j = 0; j < len; j++) {
                int it = l[j];
                if (owner[it] == marker) {
                    tags[position[it] - 1] |= 1 << s;
                } else {
                    owner[it] = marker;
                    position[it] = n + 1;
                    items[n] = it;
                    tags[n++] = 1 << s;
                }
            }
        }
        return new Merged(n == cap ? items : Arrays.copyOf(items, n), n == cap ? tags : Arrays.copyOf(tags, n));
    }
}
