package io.reclab.report.bench;

import io.reclab.bench.BenchResult;
import io.reclab.bench.BenchRow;
import io.reclab.bench.BenchSettings;
import io.reclab.bench.Machine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BenchPageTest {
    @Test
    void everyRowIsShownAndStringsFromTheRunAreEscaped() {
        String evil = "<script>alert(1)</script>";
        BenchResult r = new BenchResult(evil, "synthetic (a&b)", 10, 20, 300, 240, 9,
                new Machine(2, 24_000_000_000L, 8_000_000_000L, "cpu \"x\"", "jvm", "linux"),
                new BenchSettings(3, 1, 20), 2, 0.5,
                List.of(new BenchRow(evil, BenchRow.FIT, 3, 1.5, 1.2, 1.9, 2.9, 50_000_000, 10, 0.15, 0.31, 0.27),
                        new BenchRow(evil, BenchRow.RECOMMEND_ALL, 3, 0.05, 0.04, 0.06, 0.1, 10_000_000, 0, Double.NaN, 0.31, 0.27)),
                -1, "2026-12-07T15:00:00Z");
        String html = BenchPage.render(r);
        assertFalse(html.contains(evil), "raw script tag from data");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("synthetic (a&amp;b)"));
        assertTrue(html.contains("<td>1.500</td><td>1.200–1.900</td>"), "median and spread of the fit row");
        assertTrue(html.contains("<td>0.1500</td>") || html.contains("<td>0.150</td>"), "seconds per epoch");
        assertTrue(html.contains("NDCG@20"));
    }
}
