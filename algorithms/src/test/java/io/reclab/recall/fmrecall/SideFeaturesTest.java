package io.reclab.recall.fmrecall;

import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SideFeaturesTest {
    @Test
    void encodesFieldsIntoConsecutiveIdBlocks() {
        FeatureTable t = new FeatureTable(3, List.of(
                new FeatureField.Categorical("gender", new int[]{1, -1, 0}, List.of("F", "M")),
                new FeatureField.MultiValued("genres", new int[]{0, 2, 2, 3}, new int[]{0, 2, 1}, List.of("a", "b", "c")),
                new FeatureField.Numeric("age", new float[]{20f, Float.NaN, 50f}),
                new FeatureField.Text("title", new String[]{"x", "y", "z"})));
        SideFeatures s = SideFeatures.encode(t, 3, 2, "user features");
        assertEquals(3, s.numFields());
        // gender ids 0..1, genres 2..4, age buckets: 2 buckets over {20, 50}: cut at sorted[1*2/2] = 50 -> ids 5..6
        assertEquals(7, s.numIds());
        assertArrayEquals(new int[]{1, 2, 4, 5}, ids(s, 0));  // M, genres a c, age 20 < 50 -> bucket 0
        assertArrayEquals(new int[]{}, ids(s, 1));            // all missing / empty
        assertArrayEquals(new int[]{0, 3, 6}, ids(s, 2));      // F, genre b, age 50 -> bucket 1
        assertEquals(2, s.end(0, 1) - s.start(0, 1));
        assertTrue(s.isMultiValued(1));
        assertEquals(4, SideFeatures.encode(t, 3, 0, "user features").numIds() - 1); // numeric skipped: 2 + 3 ids
    }

    private static int[] ids(SideFeatures s, int e) {
        return java.util.Arrays.copyOfRange(s.ids(), s.entityStart(e), s.entityEnd(e));
    }

    @Test
    void quantileBucketsByHand() {
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        // 4 buckets: cuts at sorted[2]=3, sorted[4]=5, sorted[6]=7
        assertArrayEquals(new float[]{3, 5, 7}, SideFeatures.quantileBounds(v, 4));
        float[] cuts = SideFeatures.quantileBounds(v, 4);
        assertEquals(0, SideFeatures.bucket(cuts, 2.9f));
        assertEquals(1, SideFeatures.bucket(cuts, 3f));
        assertEquals(3, SideFeatures.bucket(cuts, 100f));
        // ties collapse: all equal values give no cut, a single bucket
        assertEquals(0, SideFeatures.quantileBounds(new float[]{2, 2, 2}, 5).length);
    }

    @Test
    void rejectsCodesOutsideTheVocabulary() {
        FeatureTable t = new FeatureTable(2, List.of(new FeatureField.Categorical("occ", new int[]{0, 5}, List.of("a", "b"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SideFeatures.encode(t, 2, 0, "user features"));
        assertTrue(e.getMessage().contains("occ") && e.getMessage().contains("5"), e.getMessage());
    }
}
