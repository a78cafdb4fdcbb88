package io.reclab.data.synthetic;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class WeightedSampleTest {
    /** P(the unordered pair {a, b}) when drawing 2 one at a time ∝ weight among those left. */
    private static double pairProbability(double[] w, int a, int b) {
        double total = Arrays.stream(w).sum();
        return w[a] / total * w[b] / (total - w[a]) + w[b] / total * w[a] / (total - w[b]);
    }

    @Test
    void pairsAreDrawnWithTheSequentialWithoutReplacementLaw() {
        double[] w = {1, 2, 3, 4, 0.5};
        int n = w.length, draws = 200_000;
        long[][] count = new long[n][n];
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < draws; t++) {
            int[] s = WeightedSample.withoutReplacement(w, 2, r);
            assertEquals(2, s.length);
            assertNotEquals(s[0], s[1]);
            count[Math.min(s[0], s[1])][Math.max(s[0], s[1])]++;
        }
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++) {
                double p = pairProbability(w, a, b), f = (double) count[a][b] / draws;
                double se = Math.sqrt(p * (1 - p) / draws);
                assertEquals(p, f, 5 * se, "pair {" + a + "," + b + "}");
            }
    }

    @Test
    void zeroWeightsAreNeverChosenAndFewerPositivesGiveFewerItems() {
        double[] w = {0, 5, 0, 1, 0};
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 1000; t++) {
            int[] s = WeightedSample.withoutReplacement(w, 3, r);
            Arrays.sort(s);
            assertArrayEquals(new int[]{1, 3}, s);
        }
        assertEquals(0, WeightedSample.withoutReplacement(w, 0, r).length);
        // large catalogue, heavy skew: always k distinct indices
        double[] big = new double[5000];
        for (int i = 0; i < big.length; i++) big[i] = Math.exp(-0.01 * i);
        int[] s = WeightedSample.withoutReplacement(big, 400, r);
        assertEquals(400, Arrays.stream(s).distinct().count());
    }
}
