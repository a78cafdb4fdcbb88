package io.reclab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What a loaded log holds that a user should know before trusting a result: (user, item) pairs that occur more than
 * once, and ids that are negative or not integers (kept as opaque ids, but often a sign of a wrong column or a
 * shifted delimiter), with the dedupe policy that was then applied. Counted on the log as loaded, before any
 * preprocessing; recorded in every trial's {@code run.json} and announced once on the console.
 *
 * @param duplicateRows    rows repeating an earlier (user, item) pair
 * @param duplicatePairs   distinct pairs that occur more than once
 * @param oddUserIds       distinct user ids that are negative or not integers
 * @param oddItemIds       distinct item ids that are negative or not integers
 * @param examples         up to three such ids, for the warning
 * @param dedupe           the policy applied ({@code none} keeps every row; {@code first} / {@code last} keep one per pair)
 */
public record DataQuality(long duplicateRows, long duplicatePairs, int oddUserIds, int oddItemIds, List<String> examples,
                          String dedupe) {
    private static final int EXAMPLES = 3;

    public static DataQuality of(Interactions x, String dedupe) {
        // each user's items, grouped by a counting sort and sorted per user: 4 bytes a row, dropped afterwards
        // (not the log's cached CSR, which would keep 12 bytes a row alive for the whole run)
        int[] user = x.userColumn(), item = x.itemColumn();
        int[] ptr = new int[x.numUsers() + 1];
        for (int u : user) ptr[u + 1]++;
        for (int u = 0; u < x.numUsers(); u++) ptr[u + 1] += ptr[u];
        int[] fill = java.util.Arrays.copyOf(ptr, ptr.length - 1);
        int[] items = new int[item.length];
        for (int r = 0; r < item.length; r++) items[fill[user[r]]++] = item[r];
        long rows = 0, pairs = 0;
        for (int u = 0; u < x.numUsers(); u++) {
            int p = ptr[u], end = ptr[u + 1];
            java.util.Arrays.sort(items, p, end);
            while (p < end) {
                int q = p + 1;
                while (q < end && items[q] == items[p]) q++;
                if (q - p > 1) {
                    pairs++;
                    rows += q - p - 1;
                }
                p = q;
            }
        }
        List<String> ex = new ArrayList<>();
        int ou = odd(x.users(), ex), oi = odd(x.items(), ex);
        return new DataQuality(rows, pairs, ou, oi, List.copyOf(ex), dedupe);
    }

    private static int odd(IdMap ids, List<String> examples) {
        int n = 0;
        for (String s : ids.externals()) {
            if (isNonNegativeInteger(s)) continue;
            n++;
            if (examples.size() < EXAMPLES) examples.add(s);
        }
        return n;
    }

    static boolean isNonNegativeInteger(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    public boolean clean() { return duplicateRows == 0 && oddUserIds == 0 && oddItemIds == 0; }

    /** The one-line warning, or null when there is nothing to say. */
    public String warning(String dataset) {
        if (clean()) return null;
        StringBuilder sb = new StringBuilder("warning: dataset ").append(dataset).append(':');
        if (duplicateRows > 0) {
            sb.append(' ').append(duplicateRows).append(" duplicate (user, item) rows over ").append(duplicatePairs).append(" pairs (")
                    .append(dedupe.equals("none") ? "dedupe = none keeps them all; set dataset.preprocess.dedupe = first or last to keep one"
                            : "dedupe = " + dedupe + " keeps one per pair").append(')');
            if (oddUserIds + oddItemIds > 0) sb.append(';');
        }
        if (oddUserIds + oddItemIds > 0)
            sb.append(' ').append(oddUserIds).append(" user and ").append(oddItemIds).append(" item ids are negative or not integers (e.g. ")
                    .append(String.join(", ", examples.stream().map(e -> '"' + e + '"').toList()))
                    .append("), kept as opaque ids: check the id columns and the delimiter");
        return sb.toString();
    }
}
