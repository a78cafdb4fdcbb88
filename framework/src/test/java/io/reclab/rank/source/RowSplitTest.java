package io.reclab.rank.source;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class RowSplitTest {
    @Test
    void sizesFollowCeilOfHeldOutShares() {
        // n = 10, [0.8, 0.1, 0.1]: test = ceil(1.0) = 1, valid = ceil(1.0) = 1, train = 10 - 2 = 8
        int[][] p = RowSplit.split(10, new double[] {0.8, 0.1, 0.1}, 1);
        assertEquals(8, p[0].length);
        assertEquals(1, p[1].length);
        assertEquals(1, p[2].length);
        // n = 30: 30 * 0.1 = 3.0000000000000004 in doubles, still 3 rows each, not 4
        p = RowSplit.split(30, new double[] {0.8, 0.1, 0.1}, 1);
        assertArrayEquals(new int[] {24, 3, 3}, new int[] {p[0].length, p[1].length, p[2].length});
        // n = 7, [0.7, 0.2, 0.1]: test = ceil(0.7) = 1, valid = ceil(1.4) = 2, train = 4
        p = RowSplit.split(7, new double[] {0.7, 0.2, 0.1}, 1);
        assertArrayEquals(new int[] {4, 2, 1}, new int[] {p[0].length, p[1].length, p[2].length});
        // no validation share: nothing held out for it
        p = RowSplit.split(5, new double[] {0.6, 0.0, 0.4}, 1);
        assertArrayEquals(new int[] {3, 0, 2}, new int[] {p[0].length, p[1].length, p[2].length});
    }

    @Test
    void partsAreDisjointSortedCoverAllRowsAndDependOnlyOnTheSeed() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(500);
            long seed = r.nextLong();
            int[][] p = RowSplit.split(n, new double[] {0.8, 0.1, 0.1}, seed);
            boolean[] seen = new boolean[n];
            for (int[] part : p) {
                for (int i = 0; i < part.length; i++) {
                    assertFalse(seen[part[i]], "row in two parts");
                    seen[part[i]] = true;
                    if (i > 0) assertTrue(part[i - 1] < part[i], "ascending");
                }
            }
            for (boolean s : seen) assertTrue(s, "every row in a part");
            assertTrue(Arrays.deepEquals(p, RowSplit.split(n, new double[] {0.8, 0.1, 0.1}, seed)), "deterministic");
        }
        int[][] a = RowSplit.split(1000, new double[] {0.8, 0.1, 0.1}, 1);
        int[][] b = RowSplit.split(1000, new double[] {0.8, 0.1, 0.1}, 2);
        assertFalse(Arrays.equals(a[2], b[2]), "another seed gives another test part");
    }

    @Test
    void everyRowIsEquallyLikelyToBeHeldOut() {
        // 4000 splits of 10 rows with one test row each: each row should be the test row ~400 times;
        // a chi-square over 10 cells with 9 degrees of freedom stays below 27.9 (p = 0.001) for a uniform shuffle
        int[] counts = new int[10];
        for (int s = 0; s < 4000; s++) counts[RowSplit.split(10, new double[] {0.8, 0.1, 0.1}, s)[2][0]]++;
        double chi2 = 0;
        for (int c : counts) chi2 += (c - 400.0) * (c - 400.0) / 400.0;
        assertTrue(chi2 < 27.9, "chi2 = " + chi2 + " counts " + Arrays.toString(counts));
    }
}
