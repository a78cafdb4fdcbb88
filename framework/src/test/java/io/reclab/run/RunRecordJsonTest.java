package io.reclab.run;

import io.reclab.metric.Direction;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunRecordJsonTest {
    private static RunRecord record() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("factors", 64);
        params.put("learning-rate", 0.001);
        params.put("item-bias", false);
        params.put("optimizer", "adam");
        params.put("hidden", List.of(128, 64));
        Map<String, Map<String, Double>> valid = Map.of("recall", Map.of("ndcg@10", 0.25));
        Map<String, Map<String, Double>> test = Map.of("recall", Map.of("ndcg@10", 0.24, "popularity@10", 180.0),
                "rank", Map.of("calibration", 1.02));
        Map<String, String> dir = Map.of("ndcg@10", Direction.HIGHER.key(), "popularity@10", Direction.LOWER.key(),
                "calibration", Direction.CLOSEST_TO_ONE.key());
        return new RunRecord("e", "trial-000", RunFiles.STATUS_COMPLETED, "recall", "bpr", params, Map.of("recall.bpr.l2", "0.01"),
                Map.of("model", 1L), null, new RunRecord.SplitInfo("random", 80, 10, 10), null, null, Map.of("fit", 1.5),
                new RunRecord.Metrics(valid, test, dir), new RunRecord.Selection("ndcg@10", "higher", 40, 0.25, true, 40),
                Map.of("valid.ndcg@10", List.of(new TrainingLog.Point(10, 0.2), new TrainingLog.Point(40, 0.25))),
                Map.of(), "2026-12-07T00:00:00Z", "2026-12-07T00:01:00Z", null);
    }

    @Test
    void typedParamsMetricsDirectionsAndSelectionRoundTrip() throws Exception {
        RunRecord r = record();
        String json = Json.write(r);
        RunRecord back = Json.mapper().readValue(json, RunRecord.class);
        assertEquals(Integer.valueOf(64), back.params().get("factors"), "numbers stay numbers");
        assertEquals(Boolean.FALSE, back.params().get("item-bias"), "booleans stay booleans");
        assertEquals(0.001, (Double) back.params().get("learning-rate"), 0);
        assertEquals(List.of(128, 64), back.params().get("hidden"));
        assertEquals(r.metrics(), back.metrics());
        for (Map.Entry<String, String> e : back.metrics().direction().entrySet())
            assertEquals(e.getValue(), Direction.of(e.getValue()).key(), e.getKey());
        assertEquals(Direction.CLOSEST_TO_ONE, Direction.of(back.metrics().direction().get("calibration")));
        assertEquals(r.selection(), back.selection());
        assertEquals(r.curves(), back.curves());
        String compact = json.replaceAll("\\s+", "");
        assertTrue(compact.contains("\"factors\":64,") && compact.contains("\"item-bias\":false"), json);
        assertTrue(compact.contains("\"valid\":{\"recall\":{\"ndcg@10\":0.25}}"), json);
    }

    @Test
    void runJsonFromBeforeValidationStillReads() throws Exception {
        String legacy = "{\"trial\":\"t\",\"status\":\"completed\",\"model\":\"pop\",\"metrics\":{\"recall\":{\"ndcg@10\":0.14}}}";
        RunRecord r = Json.mapper().readValue(legacy, RunRecord.class);
        assertEquals(0.14, r.test().get("recall").get("ndcg@10"), 0);
        assertTrue(r.valid().isEmpty());
    }
}
