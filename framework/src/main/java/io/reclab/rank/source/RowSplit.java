package io.reclab.rank.source;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Cuts rows {@code 0..n-1} into train / valid / test at random, as FuxiCTR does for raw Criteo and Avazu files. The
 * valid and test sizes are ceil(n * share) (scikit-learn's rounding for the held-out part, so a small file still
 * gets a test row), train takes the rest. Each part lists its rows in ascending order, keeping the file's order
 * within a part. Deterministic for a given seed.
 */
public final class RowSplit {
    private RowSplit() {}

    /** {train, valid, test} row indices; {@code ratio} = train, valid, test shares summing to 1. */
    public static int[][] split(int n, double[] ratio, long seed) {
        int test = held(n, ratio[2]), valid = held(n, ratio[1]);
        if (test + valid > n) valid = Math.max(0, n - test);
        int train = n - test - valid;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] a = Arrays.copyOfRange(perm, 0, train);
        int[] b = Arrays.copyOfRange(perm, train, train + valid);
        int[] c = Arrays.copyOfRange(perm, train + valid, n);
        Arrays.sort(a);
        Arrays.sort(b);
        Arrays.sort(c);
        return new int[][] {a, b, c};
    }

    /** ceil(n * share), with a tolerance so 30 * 0.1 = 3.0000000000000004 counts as 3. */
    private static int held(int n, double share) {
        return share <= 0 ? 0 : (int) Math.ceil(n * share - 1e-9);
    }
}
