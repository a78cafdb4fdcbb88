package io.reclab.data.synthetic;

import java.util.SplittableRandom;

/**
 * Weighted random sampling without replacement by the exponential-jumps reservoir (Efraimidis & Spirakis 2006,
 * "Weighted random sampling with a reservoir", algorithm A-ExpJ): the same law as drawing items one at a time
 * with probability ∝ weight among those left (and as the Gumbel-top-k trick), but with O(k log(n/k)) random numbers
 * instead of one per item, so a user's draw costs one pass of additions over the catalogue. Keys are kept in log
 * form ({@code ln(u) / w}) so tiny and large weights neither underflow nor overflow.
 */
final class WeightedSample {
    private WeightedSample() {}

    /**
     * {@code k} distinct indices of {@code w}, index i chosen with weight {@code w[i] >= 0} (zero: never); fewer
     * when fewer weights are positive. Order is the reservoir's, not the draw's.
     */
    static int[] withoutReplacement(double[] w, int k, SplittableRandom r) {
        if (k <= 0) return new int[0];
        int n = w.length;
        int[] idx = new int[k];
        double[] key = new double[k]; // min-heap on key (log keys, all <= 0): the root is the weakest member
        int size = 0, i = 0;
        while (size < k && i < n) {
            if (w[i] > 0) {
                key[size] = Math.log(open(r)) / w[i];
                idx[size] = i;
                up(key, idx, size++);
            }
            i++;
        }
        if (size < k) return java.util.Arrays.copyOf(idx, size);
        while (i < n) {
            double t = key[0]; // ln of the weakest key, < 0
            double jump = Math.log(open(r)) / t; // the weight to skip before the next item enters
            double acc = 0;
            while (i < n) {
                acc += w[i];
                if (acc >= jump) break;
                i++;
            }
            if (i >= n) break;
            double tw = Math.exp(w[i] * t); // the entering item's key must beat the weakest: u in (tw, 1)
            double u = tw + (1 - tw) * r.nextDouble();
            key[0] = u >= 1 ? -Double.MIN_VALUE : Math.log(u) / w[i];
            idx[0] = i;
            down(key, idx, k);
            i++;
        }
        return idx;
    }

    private static double open(SplittableRandom r) {
        double u = r.nextDouble();
        while (u == 0) u = r.nextDouble();
        return u;
    }

    private static void up(double[] key, int[] idx, int j) {
        while (j > 0) {
            int parent = (j - 1) / 2;
            if (key[parent] <= key[j]) return;
            swap(key, idx, parent, j);
            j = parent;
        }
    }

    private static void down(double[] key, int[] idx, int n) {
        int j = 0;
        while (true) {
            int l = 2 * j + 1, rr = l + 1, m = j;
            if (l < n && key[l] < key[m]) m = l;
            if (rr < n && key[rr] < key[m]) m = rr;
            if (m == j) return;
            swap(key, idx, m, j);
            j = m;
        }
    }

    private static void swap(double[] key, int[] idx, int a, int b) {
        double t = key[a]; key[a] = key[b]; key[b] = t;
        int s = idx[a]; idx[a] = idx[b]; idx[b] = s;
    }
}
