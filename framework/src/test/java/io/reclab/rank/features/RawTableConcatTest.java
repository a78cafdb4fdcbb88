package io.reclab.rank.features;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RawTableConcatTest {
    @Test
    void stringValuesKeepTheirMeaningAcrossPartsWithDifferentDictionaries() {
        RawTable a = new RawTable(List.of(RawTable.StringColumn.of("g", "x", "y", "x"), new RawTable.FloatColumn("v", new float[]{1, 2, 3})),
                new float[]{1, 0, 1}, new int[]{0, 0, 1}, new long[]{10, 11, 12});
        RawTable b = new RawTable(List.of(RawTable.StringColumn.of("g", "z", "x"), new RawTable.FloatColumn("v", new float[]{4, Float.NaN})),
                new float[]{0, 1}, new int[]{2, 3}, new long[]{13, 14});
        RawTable c = RawTable.concat(List.of(a, b));
        assertEquals(5, c.size());
        RawTable.StringColumn g = c.stringColumn("g");
        String[] values = new String[5];
        for (int r = 0; r < 5; r++) values[r] = g.value(r);
        assertArrayEquals(new String[]{"x", "y", "x", "z", "x"}, values);
        assertEquals(3, g.dictionary().length, "x, y, z once each");
        float[] v = c.floatColumn("v").values();
        assertEquals(4f, v[3]);
        assertTrue(Float.isNaN(v[4]));
        assertArrayEquals(new float[]{1, 0, 1, 0, 1}, c.labels());
        assertArrayEquals(new int[]{0, 0, 1, 2, 3}, c.users());
        assertArrayEquals(new long[]{10, 11, 12, 13, 14}, c.times());
    }

    @Test
    void partsWithDifferentColumnsAreRefused() {
        RawTable a = new RawTable(List.of(new RawTable.FloatColumn("v", new float[]{1})), new float[]{1}, null, null);
        RawTable b = new RawTable(List.of(new RawTable.FloatColumn("w", new float[]{1})), new float[]{1}, null, null);
        assertThrows(IllegalArgumentException.class, () -> RawTable.concat(List.of(a, b)));
        assertFalse(RawTable.concat(List.of(a, a)).hasTimes());
    }
}
