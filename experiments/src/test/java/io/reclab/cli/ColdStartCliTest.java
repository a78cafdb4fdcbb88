package io.reclab.cli;

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

/** The new-item protocol end to end: ID-only models cannot recall a new item; a content channel can. */
class ColdStartCliTest {
    @TempDir
    Path tmp;

    @Test
    void onlyContentAwareModelsRecallNewItems() throws IOException {
        CliRun r = CliRun.of("run", "quickstart", "--runs", tmp.toString(), "split=cold-items", "recall=pop,itemcf,content-knn");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("cold items: the 10% of items first seen last"), r.out());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("quickstart"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<RunRecord> recs = RunStore.readAll(dir);
        for (String id : List.of("pop", "itemcf")) {
            RunRecord rec = recs.stream().filter(x -> x.trial().equals(id)).findFirst().orElseThrow();
            // a new item has no training interaction: popularity and co-occurrence give it nothing
            assertEquals(0.0, rec.test().get("recall").get("recall@20"), 0.0, id);
        }
        RunRecord content = recs.stream().filter(x -> x.trial().equals("content-knn")).findFirst().orElseThrow();
        assertTrue(content.test().get("recall").get("recall@20") > 0.05, content.test().toString());
    }
}
