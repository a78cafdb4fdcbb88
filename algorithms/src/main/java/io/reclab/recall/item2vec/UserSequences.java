package io.reclab.recall.item2vec;

import io.reclab.data.Interactions;

/**
 * Each user's training items in time order (ties by log row), as CSR: user u's sequence is
 * {@code items[ptr[u] .. ptr[u+1])}, oldest first. The input of item2vec (the "sentences") and of the two-tower
 * model's history pooling.
 */
public final class UserSequences {
    private final int[] ptr;
    private final int[] items;

    private UserSequences(int[] ptr, int[] items) {
        this.ptr = ptr;
        this.items = items;
    }

    public static UserSequences of(Interactions train) {
        int n = train.size(), nu = train.numUsers();
        long[] time = train.timeColumn();
        int[] user = train.userColumn(), item = train.itemColumn();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        // stable merge sort by (user, time); equal keys keep the log order, so the result is deterministic
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int a = lo, b = mid, o = lo;
                while (a < mid && b < hi) {
                    int x = order[a], y = order[b];
                    boolean takeB = user[y] < user[x] || (user[y] == user[x] && time[y] < time[x]);
                    tmp[o++] = takeB ? order[b++] : order[a++];
                }
                while (a < mid) tmp[o++] = order[a++];
                while (b < hi) tmp[o++] = order[b++];
            }
            int[] t = order; order = tmp; tmp = t;
        }
        int[] ptr = new int[nu + 1];
        for (int u : user) ptr[u + 1]++;
        for (int u = 0; u < nu; u++) ptr[u + 1] += ptr[u];
        int[] items = new int[n];
        for (int k = 0; k < n; k++) items[k] = item[order[k]];
        return new UserSequences(ptr, items);
    }

    public int numUsers() { return ptr.length - 1; }
    public int start(int u) { return ptr[u]; }
    public int end(int u) { return ptr[u + 1]; }
    public int length(int u) { return ptr[u + 1] - ptr[u]; }
    /** Read-only. */
    public int[] items() { return items; }
}
