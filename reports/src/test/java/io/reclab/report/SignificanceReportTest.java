package io.reclab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignificanceReportTest {

    static Path run(Path dir, double quality) throws Exception {
        RunFixture f = new RunFixture(dir, 99, 80).config("model = bpr\n");
        f.recallTrial("bpr", "bpr", quality, Map.of(), 1);
        return dir;
    }

    @Test
    void twoIdenticalRunsShowNoSignificantDifference(@TempDir Path tmp) throws Exception {
        Path a = run(tmp.resolve("a"), 0.5);
        Path b = run(tmp.resolve("b"), 0.5);
        String html = Files.readString(ReportWriter.writeComparison(List.of(a, b), tmp.resolve("cmp.html")));
        assertTrue(html.contains("0 of 1 pairs differ significantly (no significant difference)"), "primary matrix");
        assertFalse(html.contains("class=\"sig "), "no significant cell");
        // the verdict calls no winner on a difference its own test finds insignificant
        assertTrue(html.contains("<strong>No significant difference</strong> on test ndcg@10 per user from any of the 1"), "verdict");
        assertFalse(html.contains("significantly better than"));
        assertTrue(html.contains("Identical configurations."));
    }

    @Test
    void aClearlyBetterRunIsSignificant(@TempDir Path tmp) throws Exception {
        // Same users and seed; quality 0.8 vs 0.3 shifts every non-missed user's ndcg up: the control for the test above.
        Path a = run(tmp.resolve("a"), 0.8);
        Path b = run(tmp.resolve("b"), 0.3);
        String html = Files.readString(ReportWriter.writeComparison(List.of(a, b), tmp.resolve("cmp.html")));
        assertTrue(html.contains("1 of 1 pairs differ significantly"), "primary matrix");
        assertTrue(html.contains("class=\"sig sig-better\""));
        // the fixture's records carry no validation values, so the verdict says it chose on test
        assertTrue(html.contains("nothing was chosen on validation; best on the test metric <strong>ndcg@10</strong>: <strong>a: bpr</strong>"));
        assertTrue(html.contains("significantly better than 1 of 1 other configuration(s)"));
    }
}
