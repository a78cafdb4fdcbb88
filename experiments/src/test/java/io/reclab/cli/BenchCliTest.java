package io.reclab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.reclab.run.Json;
import io.reclab.run.RunRecord;
import io.reclab.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code reclab bench}: files written, figures consistent with a normal run of the same models on the same split. */
class BenchCliTest {
    private static final String[] SMALL = {"dataset.users=300", "dataset.items=200", "dataset.interactions-per-user=20"};

    @TempDir
    Path tmp;

    private static Path only(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> l = s.toList();
            assertEquals(1, l.size(), "one folder in " + parent);
            return l.get(0);
        }
    }

    @Test
    void benchWritesEveryFigureAndItsQualityMatchesTheRunnersOnTheSameSplit() throws IOException {
        Path runs = tmp.resolve("runs");
        CliRun b = CliRun.of("bench", "quickstart", "--runs", runs.toString(), "--repeats", "2", "--warmup", "0",
                "recall=pop,itemcf", SMALL[0], SMALL[1], SMALL[2]);
        assertEquals(0, b.code(), b.err() + b.out());
        Path dir = only(runs.resolve("bench").resolve("quickstart"));
        for (String f : List.of("bench.json", "bench.csv", "bench.html")) assertTrue(Files.isRegularFile(dir.resolve(f)), f);

        List<String> csv = Files.readAllLines(dir.resolve("bench.csv"));
        assertEquals(1 + 2 * 2, csv.size(), "header + fit and recommend-all for each of 2 models: " + csv);
        assertTrue(csv.get(0).startsWith("experiment,model,phase,repeats,median_s"), csv.get(0));

        JsonNode j = Json.mapper().readTree(dir.resolve("bench.json").toFile());
        assertEquals(Runtime.getRuntime().availableProcessors(), j.get("machine").get("cores").asInt());
        assertEquals(300, j.get("users").asInt());
        JsonNode rows = j.get("rows");
        assertEquals(4, rows.size());
        for (JsonNode r : rows) {
            assertEquals(2, r.get("repeats").asInt());
            double med = r.get("medianSeconds").asDouble(), lo = r.get("minSeconds").asDouble(), hi = r.get("maxSeconds").asDouble();
            assertTrue(lo <= med && med <= hi, "min <= median <= max: " + r);
            assertTrue(r.get("peakHeapBytes").asLong() > 0, "heap measured: " + r);
        }

        // the same models through `run`: ItemCF and Pop have no epochs, so the fitted models and the test lists are
        // the same, and bench's NDCG@20 must equal the run's test NDCG@20
        CliRun r = CliRun.of("run", "quickstart", "--runs", runs.toString(), "recall=pop,itemcf", SMALL[0], SMALL[1], SMALL[2]);
        assertEquals(0, r.code(), r.err() + r.out());
        List<RunRecord> recs = RunStore.readAll(only(runs.resolve("quickstart")));
        for (RunRecord rec : recs) {
            double runNdcg = rec.test().get("recall").get("ndcg@20");
            double benchNdcg = -1;
            for (JsonNode row : rows) if (row.get("model").asText().equals(rec.trial())) benchNdcg = row.get("ndcg").asDouble();
            assertEquals(runNdcg, benchNdcg, 1e-12, rec.trial());
        }
    }

    @Test
    void aCtrExperimentIsRefusedWithAClearLine() {
        CliRun b = CliRun.of("bench", "recbole-ml100k-ctr", "--runs", tmp.resolve("runs").toString());
        assertNotEquals(0, b.code());
        assertTrue((b.err() + b.out()).contains("interaction log"), b.err() + b.out());
    }
}
