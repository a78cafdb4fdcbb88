package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.PerUserTable;
import io.reclab.report.Trial;
import io.reclab.report.chart.ChartSet;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FunnelSectionTest {
    private static RunRecord rec(String trial, String stage, String model, Map<String, Map<String, Double>> metrics,
                                 Map<String, Double> extras) {
        return new RunRecord("e", trial, RunFiles.STATUS_COMPLETED, stage, model, Map.of(), Map.of(), Map.of(), null, null,
                null, null, Map.of(), new RunRecord.Metrics(Map.of(), metrics, Map.of()), null, Map.of(), extras, null, null, null);
    }

    private static RunRecord rec(String trial, String stage, String model, Map<String, Map<String, Double>> valid,
                                 Map<String, Map<String, Double>> metrics, Map<String, Double> extras) {
        return new RunRecord("e", trial, RunFiles.STATUS_COMPLETED, stage, model, Map.of(), Map.of(), Map.of(), null, null,
                null, null, Map.of(), new RunRecord.Metrics(valid, metrics, Map.of()), null, Map.of(), extras, null, null, null);
    }

    @Test
    void pipelineRowReadsAsAFunnelWithAVerdictAgainstItsBestChannel() {
        List<RunRecord> recs = new ArrayList<>();
        recs.add(rec("itemcf", "recall", "itemcf", Map.of("recall", Map.of("ndcg@10", 0.30, "recall@10", 0.18)), Map.of()));
        recs.add(rec("usercf", "recall", "usercf", Map.of("recall", Map.of("ndcg@10", 0.40, "recall@10", 0.21)), Map.of()));
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("recall:itemcf", Map.of("recall@100", 0.59, "hit@100", 0.95, "recall@10", 0.18, "ndcg@10", 0.30));
        m.put("recall:usercf", Map.of("recall@100", 0.67, "hit@100", 0.97, "recall@10", 0.21, "ndcg@10", 0.40));
        m.put("merge", Map.of("recall@200", 0.70, "hit@200", 0.99, "recall@10", 0.18, "ndcg@10", 0.30));
        m.put("rank", Map.of("auc", 0.81));
        m.put("final", Map.of("recall@10", 0.25, "ndcg@10", 0.44, "hit@10", 0.9));
        // on validation itemcf is the better channel, so the verdict faces itemcf although usercf wins on test
        Map<String, Map<String, Double>> v = new LinkedHashMap<>();
        v.put("recall:itemcf", Map.of("ndcg@10", 0.35));
        v.put("recall:usercf", Map.of("ndcg@10", 0.33));
        v.put("final", Map.of("ndcg@10", 0.36));
        Map<String, Double> ex = new LinkedHashMap<>();
        ex.put("candidates.mean_size", 133.25);
        ex.put("channel.itemcf.hits", 3.5);
        ex.put("channel.itemcf.unique_hits", 0.75);
        ex.put("final.source.itemcf.share@10", 0.6);
        ex.put("latency.recall:itemcf.ms_per_user", 0.05);
        ex.put("channel.itemcf.approximate", 0.0);
        ex.put("latency.rank.ms_per_user", 0.2);
        recs.add(rec("pipeline-p", "pipeline", "itemcf+usercf>lr", v, m, ex));
        // per-user ndcg@10 of 12 users: the pipeline is ahead on 11 of them
        String[] users = new String[12];
        double[][] fin = new double[1][12], chan = new double[1][12];
        for (int u = 0; u < 12; u++) {
            users[u] = "u" + u;
            chan[0][u] = 0.1 * (u % 4);
            fin[0][u] = chan[0][u] + (u == 0 ? -0.05 : 0.1 + 0.01 * u);
        }
        Map<String, PerUserTable> perUser = Map.of(
                "final", new PerUserTable("final", users, List.of("ndcg@10"), fin, Map.of()),
                "recall:itemcf", new PerUserTable("recall:itemcf", users, List.of("ndcg@10"), chan, Map.of()));
        List<Trial> trials = recs.stream().map(r -> new Trial(null, Path.of(r.trial()), r,
                r.stage().equals("pipeline") ? perUser : Map.of(), null)).toList();
        ChartSet charts = new ChartSet();
        String html = FunnelSection.render(charts, Leaderboard.of(recs), trials);
        assertNotNull(html);
        // steps in order: the two channels, the merge, the final list
        int a = html.indexOf(">recall:itemcf<"), b = html.indexOf(">recall:usercf<"), c = html.indexOf(">merge<"),
                d = html.indexOf(">final<");
        assertTrue(a > 0 && a < b && b < c && c < d, html);
        assertTrue(html.contains("up to 200 (133.3 on average after dedupe)"), html); // 133.25 rounds half up
        assertTrue(html.contains("0.5900") && html.contains("0.7000") && html.contains("0.2500"), html);
        assertTrue(html.contains("for its best channel, itemcf alone (chosen on validation)"), html);
        assertTrue(html.contains("it beat it") && html.contains("over 12 users"), html);
        assertTrue(html.contains("3.5000") && html.contains("0.7500") && html.contains("exact"), html);
        // against usercf (the best single recall trial on both metrics): 0.44 / 0.40 - 1 = +10.0 %, 0.25 / 0.21 - 1 = +19.0 %
        assertTrue(html.contains("+10.0%") && html.contains("+19.0%"), html);
        assertEquals(1, charts.size());
        // the report's opening answer carries the same verdict, naming the pipeline
        String opening = FunnelSection.verdicts(Leaderboard.of(recs), trials);
        assertTrue(opening.contains("<b>Pipeline itemcf+usercf&gt;lr:</b> its final ndcg@10 is 0.4400 against 0.3000")
                && opening.contains("it beat it"), opening);
    }

    @Test
    void verdictSaysSoWhenThePipelineLoses() {
        String[] users = {"a", "b", "c", "d", "e", "f", "g", "h"};
        double[][] fin = new double[1][8], chan = new double[1][8];
        for (int u = 0; u < 8; u++) {
            chan[0][u] = 0.5;
            fin[0][u] = 0.2 + 0.01 * u;
        }
        RunRecord r = rec("pipeline-p", "pipeline", "x>lr", Map.of("recall:x", Map.of("ndcg@10", 0.5)),
                Map.of("recall:x", Map.of("ndcg@10", 0.5), "final", Map.of("ndcg@10", 0.235)), Map.of());
        Trial t = new Trial(null, Path.of("p"), r, Map.of("final", new PerUserTable("final", users, List.of("ndcg@10"), fin, Map.of()),
                "recall:x", new PerUserTable("recall:x", users, List.of("ndcg@10"), chan, Map.of())), null);
        Leaderboard lb = Leaderboard.of(List.of(r));
        String v = FunnelSection.verdict(List.of(t), lb.rows().get(0), List.of("x"), "ndcg@10");
        assertTrue(v.contains("it lost to it"), v);
    }

    @Test
    void singleStageRowsHaveNoFunnel() {
        List<RunRecord> recs = List.of(rec("itemcf", "recall", "itemcf", Map.of("recall", Map.of("ndcg@10", 0.3)), Map.of()));
        List<Trial> trials = recs.stream().map(r -> new Trial(null, Path.of(r.trial()), r, Map.of(), null)).toList();
        assertNull(FunnelSection.render(new ChartSet(), Leaderboard.of(recs), trials));
    }
}
