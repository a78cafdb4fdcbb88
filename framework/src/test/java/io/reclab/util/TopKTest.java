package io.reclab.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TopKTest {
    @Test
    void handExampleWithTiesAndExclusion() {
        // scores by item: 0:0.5 1:0.9 2:0.5 3:0.9 4:0.1 ; exclude item 1
        // remaining order: 3 (0.9), then 0 and 2 tie at 0.5 -> smaller id first: 0, 2; then 4
        float[] s = {0.5f, 0.9f, 0.5f, 0.9f, 0.1f};
        assertArrayEquals(new int[]{3, 0, 2}, TopK.select(s, 0, 5, 3, new int[]{1}, 0, 1));
        assertArrayEquals(new int[]{3, 0, 2, 4}, TopK.select(s, 0, 5, 10, new int[]{1}, 0, 1));
    }

    @Test
    void theBuildRunsTheVectorScan() {
        org.junit.jupiter.api.Assertions.assertTrue(Scan.VECTOR, "the Vector API module should be resolved under the build");
    }

    @Test
    void matchesFullSortOnRandomScoresWithTiesNaNsAndExclusions() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(trial < 150 ? 200 : 3000), k = 1 + r.nextInt(30), offset = r.nextInt(5);
            float[] s = new float[offset + n];
            for (int i = 0; i < s.length; i++) {
                int kind = r.nextInt(10);
                s[i] = kind == 0 ? Float.NaN : kind < 4 ? r.nextInt(4) : (float) r.nextGaussian();
            }
            List<Integer> ex = new ArrayList<>();
            for (int i = 0; i < n; i++) if (r.nextInt(4) == 0) ex.add(i);
            int[] exclude = ex.stream().mapToInt(Integer::intValue).toArray();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> {
                float sa = Float.isNaN(s[offset + a]) ? Float.NEGATIVE_INFINITY : s[offset + a];
                float sb = Float.isNaN(s[offset + b]) ? Float.NEGATIVE_INFINITY : s[offset + b];
                return sa != sb ? Float.compare(sb, sa) : Integer.compare(a, b);
            });
            int[] expected = Arrays.stream(order).filter(i -> Arrays.binarySearch(exclude, i) < 0)
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, TopK.select(s, offset, n, k, exclude, 0, exclude.length, false), "scalar, trial " + trial);
            if (Scan.VECTOR)
                assertArrayEquals(expected, TopK.select(s, offset, n, k, exclude, 0, exclude.length, true), "vector, trial " + trial);
        }
    }
}
