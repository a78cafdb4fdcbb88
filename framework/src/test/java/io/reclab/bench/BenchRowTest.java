package io.reclab.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BenchRowTest {
    @Test
    void summaryIsMedianMinMaxWithCpuMedianPeakMaxAndPerEpoch() {
        List<Measurement> ms = List.of(new Measurement(3.0, 5.0, 100), new Measurement(1.0, 2.0, 300),
                new Measurement(2.0, 4.0, 200));
        BenchRow r = BenchRow.of("bpr", BenchRow.FIT, ms, 4, 0.5, 0.25);
        assertEquals(2.0, r.medianSeconds());
        assertEquals(1.0, r.minSeconds());
        assertEquals(3.0, r.maxSeconds());
        assertEquals(4.0, r.medianCpuSeconds());
        assertEquals(300, r.peakHeapBytes());
        assertEquals(0.5, r.perEpochSeconds(), 1e-15);
        assertEquals(3, r.repeats());
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwoAndNoEpochsGivesNaN() {
        BenchRow r = BenchRow.of("itemcf", BenchRow.FIT, List.of(new Measurement(4, 1, 1), new Measurement(1, 1, 1),
                new Measurement(2, 1, 1), new Measurement(10, 1, 1)), 0, 0, 0);
        assertEquals(3.0, r.medianSeconds());
        assertTrue(Double.isNaN(r.perEpochSeconds()));
        assertThrows(IllegalArgumentException.class, () -> BenchRow.of("x", BenchRow.FIT, List.of(), 0, 0, 0));
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() {
        assertEquals("plain", BenchFiles.field("plain"));
        assertEquals("\"a,b\"", BenchFiles.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", BenchFiles.field("say \"hi\""));
    }

    @Test
    void measurementTimesTheWorkAndKeepsItsResult() throws Exception {
        Measurement.Timed<long[]> t = Measurement.of(() -> new long[4_000_000]);
        assertEquals(4_000_000, t.value().length);
        assertTrue(t.measurement().seconds() >= 0);
        assertTrue(t.measurement().peakHeapBytes() >= 32_000_000L, "a 32 MB array was live: " + t.measurement());
    }
}
