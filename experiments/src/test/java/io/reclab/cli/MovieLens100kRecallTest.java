package io.reclab.cli;

import io.reclab.run.RunRecord;
import io.reclab.run.RunStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in: the shipped ml100k-recall experiment on the real MovieLens 100K (per-user 80/20 random split, seed 2026).
 * Runs only where the data sits beside the project ({@code ../shared/data/ml-100k}) or is named by
 * {@code -Dreclab.ml100k} / {@code RECLAB_ML100K}; the data may not be redistributed, so it is never in the repo.
 */
class MovieLens100kRecallTest {
    @TempDir
    Path tmp;

    static Path locate() {
        String p = System.getProperty("reclab.ml100k", System.getenv("RECLAB_ML100K"));
        List<Path> candidates = p != null ? List.of(Path.of(p))
                : List.of(Path.of("../shared/data/ml-100k"), Path.of("../../shared/data/ml-100k"));
        for (Path c : candidates) if (Files.isRegularFile(c.resolve("u.data"))) return c;
        return null;
    }

    @Test
    void itemCfBeatsPopularityOnNdcgAt10() throws IOException {
        Path data = locate();
        Assumptions.assumeTrue(data != null, "ml-100k not found at ../shared/data/ml-100k (or RECLAB_ML100K); skipping");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReclabCli.execute(new String[]{"run", "ml100k-recall", "--runs", tmp.toString(),
                        "dataset.path=" + data.toAbsolutePath(), "recall=pop,itemcf"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        Path run;
        try (Stream<Path> s = Files.list(tmp.resolve("ml100k-recall"))) {
            run = s.findFirst().orElseThrow();
        }
        Map<String, Double> ndcg = new HashMap<>();
        for (RunRecord r : RunStore.readAll(run)) {
            assertEquals(943, r.dataset().users());
            assertEquals(1682, r.dataset().items());
            assertEquals(100_000, r.dataset().interactions());
            ndcg.put(r.model(), r.metrics().get("recall").get("ndcg@10"));
        }
        System.out.println("ml-100k NDCG@10: " + ndcg);
        assertTrue(ndcg.get("itemcf") > ndcg.get("pop"), ndcg.toString());
    }
}
