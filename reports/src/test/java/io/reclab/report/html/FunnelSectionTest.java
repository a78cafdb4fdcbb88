package io.reclab.report.html;

import io.reclab.report.Leaderboard;
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

    @Test
    void pipelineRowReadsAsAFunnelAndFacesTheBestSingleModel() {
        List<RunRecord> recs = new ArrayList<>();
        recs.add(rec("itemcf", "recall", "itemcf", Map.of("recall", Map.of("ndcg@10", 0.30, "recall@10", 0.18)), Map.of()));
        recs.add(rec("usercf", "recall", "usercf", Map.of("recall", Map.of("ndcg@10", 0.40, "recall@10", 0.21)), Map.of()));
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("candidates", Map.of("recall@200", 0.70, "hit@200", 0.99));
        m.put("final", Map.of("recall@10", 0.25, "ndcg@10", 0.44, "hit@10", 0.9));
        Map<String, Double> ex = new LinkedHashMap<>();
        ex.put("source.itemcf.recall@100", 0.59);
        ex.put("source.usercf.recall@100", 0.67);
        ex.put("candidates.mean_size", 133.25);
        recs.add(rec("pipeline-p", "pipeline", "itemcf+usercf>lr", m, ex));
        List<Trial> trials = recs.stream().map(r -> new Trial(null, Path.of(r.trial()), r, Map.of(), null)).toList();
        ChartSet charts = new ChartSet();
        String html = FunnelSection.render(charts, Leaderboard.of(recs), trials);
        assertNotNull(html);
        // steps in order: the two sources, the candidates, the final list
        int a = html.indexOf("source itemcf"), b = html.indexOf("source usercf"), c = html.indexOf(">candidates<"),
                d = html.indexOf(">final<");
        assertTrue(a > 0 && a < b && b < c && c < d, html);
        assertTrue(html.contains("up to 200 (133.3 on average after dedupe)"), html); // 133.25 rounds half up
        assertTrue(html.contains("0.5900") && html.contains("0.7000") && html.contains("0.2500"), html);
        // against usercf (the best single model on both metrics): 0.44 / 0.40 - 1 = +10.0 %, 0.25 / 0.21 - 1 = +19.0 %
        assertTrue(html.contains("+10.0%") && html.contains("+19.0%"), html);
        assertFalse(html.contains("itemcf</td><td>0.3000"), "only the best single model is shown");
        assertEquals(1, charts.size());
    }

    @Test
    void singleStageRowsHaveNoFunnel() {
        List<RunRecord> recs = List.of(rec("itemcf", "recall", "itemcf", Map.of("recall", Map.of("ndcg@10", 0.3)), Map.of()));
        List<Trial> trials = recs.stream().map(r -> new Trial(null, Path.of(r.trial()), r, Map.of(), null)).toList();
        assertNull(FunnelSection.render(new ChartSet(), Leaderboard.of(recs), trials));
    }
}
