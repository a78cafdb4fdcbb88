package io.reclab.pipeline;

import io.reclab.data.Csr;
import io.reclab.recall.FittedRecaller;
import io.reclab.util.Parallel;
import io.reclab.util.TopK;

/**
 * One recall channel's candidates for a set of users: the top {@code quota} items and their scores, skipping the
 * items in the users' exclusion rows (training items, and validation items when test is served). A channel whose
 * model answers from an approximate index ({@link FittedRecaller#approximateRecall}) is served per user through
 * that index, as production would; others score users in blocks with {@link FittedRecaller#scoreBlock}. Rows are
 * written by user index, so results do not depend on the thread count.
 *
 * @param items   {@code items[i]} = ranked items of {@code users[i]}, best first
 * @param scores  the channel's scores of those items
 * @param seconds wall time of the whole retrieval
 */
public record ChannelLists(int[] users, int[][] items, float[][] scores, double seconds) {
    /** Cap of one worker's score buffer (floats): 16M floats = 64 MB. */
    private static final long MAX_BUFFER_FLOATS = 1L << 24;

    /**
     * @param exclude   rows of items to skip per user (sorted ascending within a row, as {@link Csr} holds them)
     * @param exclude2  a second exclusion (may be null)
     */
    public static ChannelLists retrieve(FittedRecaller model, int[] users, Csr exclude, Csr exclude2, int quota, int threads) {
        long t0 = System.nanoTime();
        int n = users.length, numItems = model.numItems();
        int[][] items = new int[n][];
        float[][] scores = new float[n][];
        if (model.approximateRecall()) {
            Parallel.forChunks(n, threads, Parallel.chunk(n, threads), Scratch::new, (sc, from, to) -> {
                for (int i = from; i < to; i++) {
                    int len = sc.exclusion(exclude, exclude2, users[i]);
                    items[i] = model.recall(users[i], quota, java.util.Arrays.copyOf(sc.ex, len));
                    scores[i] = model.scoreItems(users[i], items[i]);
                }
            });
        } else {
            int block = (int) Math.max(1, Math.min(64, MAX_BUFFER_FLOATS / Math.max(1, numItems)));
            Parallel.forChunks(n, threads, block, () -> new Scratch(block * numItems), (sc, from, to) -> {
                model.scoreBlock(users, from, to, sc.buf);
                for (int i = from; i < to; i++) {
                    int off = (i - from) * numItems;
                    int len = sc.exclusion(exclude, exclude2, users[i]);
                    int[] top = TopK.select(sc.buf, off, numItems, quota, sc.ex, 0, len);
                    float[] s = new float[top.length];
                    for (int j = 0; j < top.length; j++) s[j] = sc.buf[off + top[j]];
                    items[i] = top;
                    scores[i] = s;
                }
            });
        }
        return new ChannelLists(users, items, scores, (System.nanoTime() - t0) / 1e9);
    }

    /** Per-worker buffers. */
    private static final class Scratch {
        final float[] buf;
        int[] ex = new int[64];

        Scratch() { this(0); }

        Scratch(int floats) { buf = new float[floats]; }

        /** Writes the sorted union of the user's exclusion rows into {@code ex}; returns its length. */
        int exclusion(Csr a, Csr b, int u) {
            int a0 = a.rowStart(u), a1 = a.rowEnd(u);
            int b0 = b == null ? 0 : b.rowStart(u), b1 = b == null ? 0 : b.rowEnd(u);
            int need = (a1 - a0) + (b1 - b0);
            if (ex.length < need) ex = new int[Math.max(need, ex.length * 2)];
            int i = a0, j = b0, k = 0;
            while (i < a1 || j < b1) {
                if (j >= b1 || (i < a1 && a.indices[i] <= b.indices[j])) ex[k++] = a.indices[i++];
                else ex[k++] = b.indices[j++];
            }
            return k;
        }
    }
}
