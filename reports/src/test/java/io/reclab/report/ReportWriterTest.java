package io.reclab.report;

import io.reclab.run.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    static Path smallRun(Path dir) throws Exception {
        RunFixture f = new RunFixture(dir, 42, 60).config("recall.bpr.factors = 64\nseed = 1\n");
        f.recallTrial("bpr-s1", "bpr", 0.5, Map.of("seed", "1"), 1);
        f.recallTrial("bpr-s2", "bpr", 0.5, Map.of("seed", "2"), 2);
        f.recallTrial("itemcf", "itemcf", 0.35, Map.of(), 1);
        f.incompleteTrial("lightgcn", "lightgcn", "failed", "IllegalStateException: NaN loss at epoch 3");
        f.incompleteTrial("als", "als", "running", null);
        return dir;
    }

    @Test
    void runReportHasLeaderboardProvenanceAndIncompleteTrials(@TempDir Path tmp) throws Exception {
        Path run = smallRun(tmp.resolve("2025-01-01_10-00-00"));
        Path out = ReportWriter.writeRunReport(run);
        assertEquals(run.resolve(RunFiles.REPORT), out);
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<table class=\"leaderboard sortable\">"));
        assertTrue(html.contains(">bpr</th>") && html.contains(">itemcf</th>"), "one row per model");
        assertTrue(html.contains("IllegalStateException: NaN loss at epoch 3"), "failed trial error shown");
        assertTrue(html.contains("status-running\">running"), "running trial listed");
        assertTrue(html.contains("4e3f0c1d2b6a5f7e"), "dataset sha256 in provenance");
        assertTrue(html.contains("Full ranking: every item in the catalogue is scored"), "protocol stated");
        assertTrue(html.contains("recall.bpr.factors = 64"), "config.conf included");
        assertFalse(html.contains("Sampled metrics."), "no sampled banner for full ranking");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<script src"),
                "no network references: the page must open offline");
        assertTrue(html.contains("echarts"), "ECharts inlined");
        try (var s = Files.list(run)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "atomic write left no temp file");
        }
    }

    @Test
    void sampledEvaluationShowsBanner(@TempDir Path tmp) throws Exception {
        RunFixture f = new RunFixture(tmp.resolve("run"), 1, 20);
        f.evalMode = "sampled";
        f.recallTrial("bpr", "bpr", 0.5, Map.of(), 1);
        String html = Files.readString(ReportWriter.writeRunReport(f.dir));
        assertTrue(html.contains("class=\"banner\" role=\"alert\"><strong>Sampled metrics.</strong>"));
        assertTrue(html.contains("Sampled ranking: each test item is ranked against 100 sampled negative items"));
    }

    @Test
    void comparisonKeepsRunsApartAndDiffsConfigs(@TempDir Path tmp) throws Exception {
        RunFixture a = new RunFixture(tmp.resolve("a"), 42, 30).config("k = 1\nmodel = bpr\nseed = 1\n");
        a.recallTrial("bpr", "bpr", 0.5, Map.of(), 1);
        RunFixture b = new RunFixture(tmp.resolve("b"), 42, 30).config("k = 1\nmodel = bpr\nseed = 2\n");
        b.recallTrial("bpr", "bpr", 0.5, Map.of(), 2);
        Path out = ReportWriter.writeComparison(List.of(a.dir, b.dir), tmp.resolve("cmp.html"));
        String html = Files.readString(out);
        assertTrue(html.contains(">a: bpr</th>") && html.contains(">b: bpr</th>"));
        assertTrue(html.contains("<span class=\"diff-del\">- seed = 1</span>"), html);
        assertTrue(html.contains("<span class=\"diff-add\">+ seed = 2</span>"));
    }

    @Test
    void trialsUnderDifferentProtocolsAreRankedInSeparateGroupsNotOneTable(@TempDir Path tmp) throws Exception {
        RunFixture a = new RunFixture(tmp.resolve("a"), 42, 30).config("model = bpr\n");
        a.recallTrial("bpr", "bpr", 0.5, Map.of(), 1);
        a.recallTrial("als", "als", 0.6, Map.of(), 1);
        RunFixture b = new RunFixture(tmp.resolve("b"), 42, 30).config("model = bpr\n");
        b.evalMode = "sampled";
        b.recallTrial("bpr", "bpr", 0.9, Map.of(), 2);
        String html = Files.readString(ReportWriter.writeComparison(List.of(a.dir, b.dir), tmp.resolve("cmp.html")));
        assertFalse(html.contains("Mixed evaluation protocols"), "no warning: the groups are kept apart instead");
        for (String id : List.of("verdict-1", "verdict-2", "leaderboard-1", "leaderboard-2"))
            assertTrue(html.contains("id=\"" + id + "\""), id);
        assertTrue(html.contains("Leaderboard (protocol 1)") && html.contains("Leaderboard (protocol 2)"));
        String first = html.substring(html.indexOf("id=\"leaderboard-1\""), html.indexOf("id=\"leaderboard-2\""));
        assertTrue(first.contains(">a: bpr</th>") && first.contains(">a: als</th>") && !first.contains(">b: bpr</th>"),
                "the sampled run is not ranked with the full-ranking ones");
    }
}
