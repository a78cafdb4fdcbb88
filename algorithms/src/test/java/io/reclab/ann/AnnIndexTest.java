package io.reclab.ann;

import io.reclab.train.Init;
import io.reclab.util.TopK;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class AnnIndexTest {
    private static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int t = 0; t < d; t++) s += a[ao + t] * b[bo + t];
        return s;
    }

    /** Augmentation: unit-norm items, and <aug(q), aug(x_i)> = (<q, x_i> + b_i) / Φ for every item. */
    @Test
    void augmentationPreservesInnerProductRanking() {
        int d = 5, n = 40;
        float[] items = Init.normal(n * d, 1, 1), bias = Init.normal(n, 0.5, 2), q = Init.normal(d, 1, 3);
        float[][] aug = AnnIndex.augmentItems(d, items, bias);
        double phi = 0;
        for (int i = 0; i < n; i++) phi = Math.max(phi, dot(items, i * d, items, i * d, d) + bias[i] * bias[i]);
        phi = Math.sqrt(phi);
        float[] qa = new float[d + 2];
        System.arraycopy(q, 0, qa, 0, d);
        qa[d] = 1;
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, dot(aug[i], 0, aug[i], 0, d + 2), 1e-5, "item " + i + " not unit norm");
            double orig = dot(q, 0, items, i * d, d) + bias[i];
            assertEquals(orig / phi, dot(qa, 0, aug[i], 0, d + 2), 1e-5);
        }
    }

    @Test
    void hnswRecallAt10IsHighOnRandomVectors() {
        int d = 16, n = 2000, queries = 100, k = 10;
        float[] items = Init.normal(n * d, 1, 11);
        float[] bias = Init.normal(n, 0.3, 12);
        float[] users = Init.normal(queries * d, 1, 13);
        AnnIndex idx = AnnIndex.build(d, items, bias, HnswParams.DEFAULT, 2);
        SplittableRandom r = new SplittableRandom(5);
        double recall = 0;
        for (int u = 0; u < queries; u++) {
            // exclude a few random items, as training items would be
            int[] ex = r.ints(5, 0, n).sorted().distinct().toArray();
            float[] s = new float[n];
            for (int i = 0; i < n; i++) s[i] = dot(users, u * d, items, i * d, d) + bias[i];
            int[] exact = TopK.select(s, 0, n, k, ex, 0, ex.length);
            int[] approx = idx.search(users, u * d, k, ex, item -> s[item]);
            assertEquals(k, approx.length);
            for (int a : approx) assertTrue(java.util.Arrays.binarySearch(ex, a) < 0, "excluded item returned");
            for (int a = 1; a < k; a++) assertTrue(s[approx[a - 1]] >= s[approx[a]], "not sorted by exact score");
            int hit = 0;
            for (int x : exact) for (int y : approx) if (x == y) { hit++; break; }
            recall += hit / (double) k;
        }
        recall /= queries;
        assertTrue(recall >= 0.9, "HNSW recall@10 = " + recall);
    }

    @Test
    void smallCatalogueAndExclusionsLargerThanK() {
        int d = 3, n = 6;
        float[] items = Init.normal(n * d, 1, 1);
        AnnIndex idx = AnnIndex.build(d, items, null, new HnswParams(4, 10, 10), 1);
        float[] q = {1, 0.5f, -0.2f};
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = dot(q, 0, items, i * d, d);
        int[] ex = {0, 2, 3, 5};
        // on 6 items the graph is exhaustive: result must equal exact over the 2 remaining items
        assertArrayEquals(TopK.select(s, 0, n, 10, ex, 0, ex.length), idx.search(q, 0, 10, ex, i -> s[i]));
    }

    /**
     * The first query fetches max(ef, 2k) = 100 candidates; excluding the query's exact top 150 (as a heavy user's
     * training items would be) leaves fewer than k of them, so the search must widen to k + |exclude| and still
     * return k valid items that mostly match the exact top-k of the remaining catalogue.
     */
    @Test
    void exclusionsCoveringTheFirstCandidatesForceAWiderSearch() {
        int d = 8, n = 600, k = 10;
        float[] items = Init.normal(n * d, 1, 21);
        float[] q = Init.normal(d, 1, 22);
        AnnIndex idx = AnnIndex.build(d, items, null, HnswParams.DEFAULT, 1);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = dot(q, 0, items, i * d, d);
        int[] top150 = TopK.select(s, 0, n, 150, null, 0, 0);
        int[] ex = top150.clone();
        java.util.Arrays.sort(ex);
        int[] approx = idx.search(q, 0, k, ex, i -> s[i]);
        assertEquals(k, approx.length);
        for (int a : approx) assertTrue(java.util.Arrays.binarySearch(ex, a) < 0, "excluded item returned");
        int[] exact = TopK.select(s, 0, n, k, ex, 0, ex.length);
        int hit = 0;
        for (int x : exact) for (int y : approx) if (x == y) { hit++; break; }
        assertTrue(hit >= 8, "recall@10 after widening " + hit + "/10");
    }

    @Test
    void paramsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new HnswParams(1, 200, 100));
        assertThrows(IllegalArgumentException.class, () -> new HnswParams(16, 0, 100));
    }
}
