package io.reclab.util;

/**
 * Partial top-K selection with a bounded min-heap: O(n log k) instead of a full sort. Ties in score are broken
 * by the smaller item id so results are deterministic. NaN scores are treated as the lowest.
 */
public final class TopK {
    private TopK() {}

    /**
     * Selects the best {@code k} among {@code scores[offset .. offset+n)} (item id = index - offset), skipping the
     * ids in {@code exclude[exFrom..exTo)} (sorted ascending). Returns item ids best first; fewer than k if fewer
     * items remain.
     */
    public static int[] select(float[] scores, int offset, int n, int k, int[] exclude, int exFrom, int exTo) {
        return select(scores, offset, n, k, exclude, exFrom, exTo, Scan.VECTOR);
    }

    /** As above, choosing the scan explicitly (tests run both paths). */
    static int[] select(float[] scores, int offset, int n, int k, int[] exclude, int exFrom, int exTo, boolean vector) {
        if (k <= 0) return new int[0];
        int[] heapIds = new int[k];
        float[] heapScores = new float[k];
        int size = 0, ex = exFrom, item = 0;
        for (; item < n && size < k; item++) {
            while (ex < exTo && exclude[ex] < item) ex++;
            if (ex < exTo && exclude[ex] == item) continue;
            float s = scores[offset + item];
            if (s != s) s = Float.NEGATIVE_INFINITY;
            heapIds[size] = item;
            heapScores[size] = s;
            siftUp(heapIds, heapScores, size);
            size++;
        }
        if (size == k) {
            // Items arrive in increasing id order, so a newcomer must beat the worst kept score strictly (a tie
            // loses to the kept item's smaller id; NaN never beats). Most items fail this one comparison, and whole
            // vectors of them are skipped at once; the exclusion list is consulted only for the few that pass.
            float thr = heapScores[0];
            while (item < n) {
                if (vector) item = Scan.skipNotAbove(scores, offset + item, offset + n, thr) - offset;
                if (item >= n) break;
                float s = scores[offset + item];
                if (s > thr) {
                    while (ex < exTo && exclude[ex] < item) ex++;
                    if (!(ex < exTo && exclude[ex] == item)) {
                        heapIds[0] = item;
                        heapScores[0] = s;
                        siftDown(heapIds, heapScores, size);
                        thr = heapScores[0];
                    }
                }
                item++;
            }
        }
        int[] out = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = heapIds[0];
            heapIds[0] = heapIds[i];
            heapScores[0] = heapScores[i];
            siftDown(heapIds, heapScores, i);
        }
        return out;
    }

    /** Selects among candidate items only (sampled evaluation): {@code candidates[i]} has score {@code scores[i]}. */
    public static int[] selectAmong(int[] candidates, float[] scores, int k) {
        int n = candidates.length;
        k = Math.min(k, n);
        int[] heapIds = new int[Math.max(k, 0)];
        float[] heapScores = new float[Math.max(k, 0)];
        int size = 0;
        for (int i = 0; i < n && k > 0; i++) {
            float s = scores[i];
            if (s != s) s = Float.NEGATIVE_INFINITY;
            int item = candidates[i];
            if (size < k) {
                heapIds[size] = item; heapScores[size] = s; siftUp(heapIds, heapScores, size); size++;
            } else if (better(s, item, heapScores[0], heapIds[0])) {
                heapIds[0] = item; heapScores[0] = s; siftDown(heapIds, heapScores, size);
            }
        }
        int[] out = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = heapIds[0];
            heapIds[0] = heapIds[i];
            heapScores[0] = heapScores[i];
            siftDown(heapIds, heapScores, i);
        }
        return out;
    }

    /** a ranks before b: higher score, or equal score and smaller id. */
    static boolean better(float sa, int ia, float sb, int ib) {
        return sa > sb || (sa == sb && ia < ib);
    }

    // min-heap on "worst first": root is the item that ranks last
    private static void siftUp(int[] ids, float[] sc, int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (better(sc[p], ids[p], sc[i], ids[i])) { swap(ids, sc, i, p); i = p; } else break;
        }
    }

    private static void siftDown(int[] ids, float[] sc, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && better(sc[w], ids[w], sc[l], ids[l])) w = l;
            if (r < size && better(sc[w], ids[w], sc[r], ids[r])) w = r;
            if (w == i) return;
            swap(ids, sc, i, w);
            i = w;
        }
    }

    private static void swap(int[] ids, float[] sc, int a, int b) {
        int t = ids[a]; ids[a] = ids[b]; ids[b] = t;
        float f = sc[a]; sc[a] = sc[b]; sc[b] = f;
    }
}
