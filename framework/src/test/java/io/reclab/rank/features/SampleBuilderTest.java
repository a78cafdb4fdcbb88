package io.reclab.rank.features;

import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SampleBuilderTest {
    private static final IdMap USERS = IdMap.identity(2);
    private static final IdMap ITEMS = IdMap.identity(6);

    // user 0: items 0 (t=10, r=5), 1 (t=20, r=3), 2 (t=30, r=4); user 1: item 3 (t=5, r=1)
    private static Interactions log() {
        return new Interactions(new int[]{0, 0, 0, 1}, new int[]{1, 0, 2, 3}, new float[]{3, 5, 4, 1},
                new long[]{20, 10, 30, 5}, USERS, ITEMS);
    }

    private static FeatureTable userFeatures() {
        return new FeatureTable(2, List.of(
                new FeatureField.Categorical("gender", new int[]{0, -1}, List.of("F", "M")),
                new FeatureField.Numeric("age", new float[]{23, 41})));
    }

    private static FeatureTable itemFeatures() {
        return new FeatureTable(6, List.of(
                new FeatureField.MultiValued("genres", new int[]{0, 2, 3, 3, 4, 4, 5}, new int[]{0, 1, 1, 0, 2}, List.of("Action", "Comedy", "Drama")),
                new FeatureField.Text("title", new String[]{"a", "b", "c", "d", "e", "f"}),
                new FeatureField.Categorical("gender", new int[]{0, 0, 0, 0, 0, 0}, List.of("x"))));
    }

    @Test
    void thresholdLabelsAndFeatureColumns() {
        RawTable t = new SampleBuilder(SampleConfig.threshold(4).withHistory(2)).build(log(), userFeatures(), itemFeatures(), null, 1);
        assertEquals(4, t.size());
        // ratings 3, 5, 4, 1 → labels 0, 1, 1, 0 (>= 4)
        assertArrayEquals(new float[]{0, 1, 1, 0}, t.labels());
        assertArrayEquals(new int[]{0, 0, 0, 1}, t.users());
        assertArrayEquals(new long[]{20, 10, 30, 5}, t.times());
        assertEquals("1", t.stringColumn("item_id").value(0));
        assertEquals("F", t.stringColumn("gender").value(0));
        assertEquals("", t.stringColumn("gender").value(3));          // missing code -1
        assertEquals(41f, t.floatColumn("age").values()[3]);
        assertEquals("Action|Comedy", t.stringColumn("genres").value(1)); // item 0
        assertEquals("Comedy", t.stringColumn("genres").value(0));        // item 1
        assertEquals("x", t.stringColumn("item_gender").value(0));        // collision → prefixed
        assertFalse(t.has("title"));
        // history: the user's items strictly before the row's time, oldest first, last 2
        assertEquals("0", t.stringColumn("history").value(0));       // t=20: item 0 (t=10)
        assertEquals("", t.stringColumn("history").value(1));        // t=10: nothing earlier
        assertEquals("0|1", t.stringColumn("history").value(2));     // t=30: items 0 (10), 1 (20)
        assertEquals("", t.stringColumn("history").value(3));
    }

    @Test
    void implicitNegativesAreUnseenSeededItems() {
        SampleBuilder b = new SampleBuilder(SampleConfig.implicit(2));
        RawTable t = b.build(log(), userFeatures(), itemFeatures(), null, 42);
        assertEquals(4 * 3, t.size());
        int[] user = t.users();
        RawTable.StringColumn item = t.stringColumn("item_id");
        for (int r = 0; r < t.size(); r++) {
            boolean positive = r % 3 == 0;
            assertEquals(positive ? 1f : 0f, t.labels()[r]);
            if (!positive) {
                int it = Integer.parseInt(item.value(r));
                assertFalse(log().byUser().contains(user[r], it), "row " + r + " negative item " + it + " was interacted with");
                assertEquals(t.times()[r - r % 3], t.times()[r]);
                assertEquals(user[r - r % 3], user[r]);
            }
        }
        RawTable again = b.build(log(), userFeatures(), itemFeatures(), null, 42);
        for (int r = 0; r < t.size(); r++) assertEquals(item.value(r), again.stringColumn("item_id").value(r));
    }
}
