package io.reclab.report;

import io.reclab.run.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleLeaderboardTest {

    static RunRecord rec(String trial, String model, String status, Map<String, String> sweep,
                         Map<String, Map<String, Double>> metrics, String error) {
        return new RunRecord("exp", trial, status, "recall", model, Map.of(), sweep, Map.of(), null, null, null, null,
                Map.of(), new RunRecord.Metrics(Map.of(), metrics, Map.of()), null, Map.of(), Map.of(), null, null, error);
    }

    static Map<String, Map<String, Double>> recall(double r10, double pop) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recall@10", r10);
        m.put("popularity@10", pop);
        return Map.of("recall", m);
    }

    @Test
    void meansOverSeedsAndMarksBestRespectingDirection() {
        List<RunRecord> records = List.of(
                rec("bpr-s1", "bpr", "completed", Map.of("seed", "1"), recall(0.20, 150), null),
                rec("bpr-s2", "bpr", "completed", Map.of("seed", "2"), recall(0.40, 170), null),
                rec("pop", "pop", "completed", Map.of(), recall(0.25, 300), null),
                rec("als", "als", "completed", Map.of(), recall(0.10, 90), null),
                rec("ease", "ease", "failed", Map.of(), Map.of(), "OutOfMemoryError: Java heap space\n\tat x"));
        Leaderboard lb = Leaderboard.of(records);
        assertEquals(3, lb.rows().size(), "the two bpr seeds form one row");
        Leaderboard.Row bpr = lb.rows().get(0);
        assertEquals("bpr", bpr.label(), "best recall@10 sorts first (primary = first column, no ndcg present)");
        // mean = (0.2 + 0.4) / 2 = 0.3; sample std = sqrt(((0.2-0.3)^2 + (0.4-0.3)^2) / 1) = sqrt(0.02) = 0.141421
        assertEquals(0.3, bpr.mean()[0], 1e-12);
        assertEquals(Math.sqrt(0.02), bpr.std()[0], 1e-12);
        assertEquals(2, bpr.n()[0]);
        // popularity@10 is lower-is-better: als (90) wins, not pop (300)
        int popCol = 1;
        assertTrue(lb.columns().get(popCol).lowerIsBetter());
        for (int r = 0; r < lb.rows().size(); r++) {
            assertEquals(lb.rows().get(r).model().equals("als"), lb.isBest(r, popCol));
            assertEquals(lb.rows().get(r).model().equals("bpr"), lb.isBest(r, 0));
        }

        String text = ConsoleLeaderboard.render(records);
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("model"), text);
        assertTrue(lines[0].contains("recall@10") && lines[0].contains("popularity@10 (lower)"), text);
        assertTrue(lines[2].startsWith("bpr ") && lines[2].contains("0.3000±0.1414*"), text);
        assertTrue(lines[2].endsWith("160.0000±14.1421"), "bpr popularity is not best: " + text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("als") && l.contains("90.0000*")), text);
        assertTrue(text.contains("failed: ease (ease) — OutOfMemoryError: Java heap space"), text);
        assertTrue(!text.contains("\tat x"), "only the first error line is shown");
    }

    @Test
    void prefixesStagesWhenSeveralArePresent() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("recall", Map.of("recall@100", 0.5));
        m.put("rank", Map.of("ndcg@10", 0.2));
        String text = ConsoleLeaderboard.render(List.of(rec("p", "pipe", "completed", Map.of(), m, null)));
        assertTrue(text.lines().findFirst().orElseThrow().contains("recall/recall@100"), text);
        assertTrue(text.lines().findFirst().orElseThrow().contains("rank/ndcg@10"), text);
        // a single row is the best in every column
        assertTrue(text.contains("0.5000*") && text.contains("0.2000*"), text);
    }

    @Test
    void sweptSettingsStaySeparateRows() {
        List<RunRecord> records = List.of(
                rec("a", "bpr", "completed", Map.of("recall.bpr.factors", "32", "seed", "1"), recall(0.2, 1), null),
                rec("b", "bpr", "completed", Map.of("recall.bpr.factors", "64", "seed", "1"), recall(0.3, 1), null),
                rec("c", "bpr", "running", Map.of(), Map.of(), null));
        Leaderboard lb = Leaderboard.of(records);
        assertEquals(List.of("bpr (factors=64)", "bpr (factors=32)"), lb.rows().stream().map(Leaderboard.Row::label).toList());
        assertEquals(1, lb.incomplete().size());
        assertEquals("running", lb.incomplete().get(0).status());
    }

    @Test
    void calibrationBestIsTheRatioClosestToOne() {
        java.util.List<RunRecord> records = java.util.List.of(
                rec("a", "fm", "completed", java.util.Map.of(), java.util.Map.of("rank", java.util.Map.of("calibration", 1.04)), null),
                rec("b", "lr", "completed", java.util.Map.of(), java.util.Map.of("rank", java.util.Map.of("calibration", 0.98)), null),
                rec("c", "dcn", "completed", java.util.Map.of(), java.util.Map.of("rank", java.util.Map.of("calibration", 1.10)), null));
        Leaderboard lb = Leaderboard.of(records);
        for (int r = 0; r < lb.rows().size(); r++)
            org.junit.jupiter.api.Assertions.assertEquals(lb.rows().get(r).label().equals("lr"), lb.isBest(r, 0), lb.rows().get(r).label());
        org.junit.jupiter.api.Assertions.assertTrue(ConsoleLeaderboard.render(records).contains("calibration (ideal 1)"));
    }
}
