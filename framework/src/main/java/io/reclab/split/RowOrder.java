package io.reclab.split;

/**
 * Primitive row orderings shared by the splitters: a stable sort of log rows by time and a stable grouping of rows
 * by user. Both avoid boxing so that splitting a log of millions of rows stays cheap.
 */
final class RowOrder {
    private RowOrder() {}

    /** Rows 0..n-1 sorted by time ascending; equal times keep row order (stable merge sort). */
    static int[] byTime(long[] time) {
        int n = time.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        int[] b = new int[n];
        // bottom-up merge sort: stable, O(n log n), no recursion
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = time[a[j]] < time[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a; a = b; b = t;
        }
        return a;
    }

    /** Rows of each user, keeping the relative order of {@code order}; user u owns {@code rows[ptr[u] .. ptr[u+1])}. */
    record Groups(int[] ptr, int[] rows) {
        int start(int u) { return ptr[u]; }
        int end(int u) { return ptr[u + 1]; }
        int size(int u) { return ptr[u + 1] - ptr[u]; }
    }

    /** Stable counting sort of {@code order} by user. */
    static Groups groupByUser(int[] order, int[] user, int numUsers) {
        int[] ptr = new int[numUsers + 1];
        for (int r : order) ptr[user[r] + 1]++;
        for (int u = 0; u < numUsers; u++) ptr[u + 1] += ptr[u];
        int[] fill = ptr.clone();
        int[] rows = new int[order.length];
        for (int r : order) rows[fill[user[r]]++] = r;
        return new Groups(ptr, rows);
    }

    /** {@link #groupByUser} of all rows in log order, without materialising the identity order (4 bytes a row less). */
    static Groups groupByUser(int[] user, int numUsers) {
        int[] ptr = new int[numUsers + 1];
        for (int u : user) ptr[u + 1]++;
        for (int u = 0; u < numUsers; u++) ptr[u + 1] += ptr[u];
        int[] fill = java.util.Arrays.copyOf(ptr, numUsers);
        int[] rows = new int[user.length];
        for (int r = 0; r < user.length; r++) rows[fill[user[r]]++] = r;
        return new Groups(ptr, rows);
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
