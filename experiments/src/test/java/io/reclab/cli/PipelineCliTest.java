package io.reclab.cli;

import io.reclab.run.Json;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import io.reclab.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** End-to-end recall → rank pipeline runs of the command line on small synthetic data. */
class PipelineCliTest {
    private static final String TRIAL = "pipeline-itemcf-usercf-lr";

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String[] small(String... more) {
        List<String> a = new ArrayList<>(List.of("run", "quickstart-pipeline", "--runs", tmp.resolve("runs").toString(),
                "dataset.users=200", "dataset.items=150", "dataset.interactions-per-user=20", "pipeline.quota=20",
                "recall=itemcf,usercf"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve("quickstart-pipeline"))) {
            List<Path> l = s.toList();
            assertEquals(1, l.size(), "one run folder");
            return l.get(0);
        }
    }

    @Test
    void pipelineTrialIsEvaluatedStageByStage() throws IOException {
        CliRun r = run(small());
        assertEquals(0, r.code(), r.err() + r.out());
        Path dir = onlyRun();
        List<RunRecord> recs = RunStore.readAll(dir);
        assertEquals(4, recs.size(), "itemcf, usercf, lr and the pipeline");
        RunRecord p = recs.stream().filter(x -> x.trial().equals(TRIAL)).findFirst().orElseThrow();
        assertEquals(RunFiles.STATUS_COMPLETED, p.status(), p.error());
        assertEquals("pipeline", p.stage());
        assertEquals("itemcf+usercf>lr", p.model());
        assertEquals(List.of("candidates", "final"), List.copyOf(p.test().keySet()));
        Map<String, Double> cand = p.test().get("candidates"), fin = p.test().get("final");
        double candRecall = cand.get("recall@40"); // N = 20 + 20
        assertTrue(candRecall > 0 && candRecall < 1, "candidate recall " + candRecall);
        for (int k : List.of(10, 20)) {
            double f = fin.get("recall@" + k);
            // the final list is a subset of the candidates, so it cannot recall more
            assertTrue(f > 0 && f <= candRecall, "final recall@" + k + " = " + f + " vs candidates " + candRecall);
            assertTrue(fin.containsKey("ndcg@" + k));
        }
        // the merged set recalls at least what each source alone does, and at most their sum
        double a = p.extras().get("source.itemcf.recall@20"), b = p.extras().get("source.usercf.recall@20");
        assertTrue(candRecall >= Math.max(a, b) - 1e-12 && candRecall <= a + b + 1e-12, candRecall + " vs " + a + ", " + b);
        // merge bookkeeping: sizes between one quota and the sum of quotas
        double size = p.extras().get("candidates.mean_size");
        assertTrue(size >= 20 && size <= 40, "mean candidates " + size);
        assertEquals(40 - size, p.extras().get("overlap.itemcf.usercf.mean"), 1e-9);
        // per-user final values: one row per evaluated user, averaging to the reported metric
        List<String> lines = Files.readAllLines(dir.resolve(TRIAL).resolve("per_user_final.csv"));
        assertTrue(lines.get(0).startsWith("user,n_train,recall@10,recall@20,ndcg@10"), lines.get(0));
        assertEquals(p.evaluation().evaluatedUsers() + 1, lines.size());
        double sum = 0;
        for (String l : lines.subList(1, lines.size())) sum += Double.parseDouble(l.split(",")[2]);
        assertEquals(fin.get("recall@10"), sum / (lines.size() - 1), 1e-5);
        // the reused sources are the ones their own trials evaluated: same users, same protocol
        RunRecord itemcf = recs.stream().filter(x -> x.trial().equals("itemcf")).findFirst().orElseThrow();
        assertEquals(itemcf.evaluation().evaluatedUsers(), p.evaluation().evaluatedUsers());
        assertFalse(r.out().contains("refitting"), "nothing refitted in a fresh run:\n" + r.out());
        String html = Files.readString(dir.resolve(RunFiles.REPORT));
        assertTrue(html.contains("Pipeline funnel"), "report has a funnel section");
    }

    @Test
    void resumeRefitsSkippedSourcesAndReproducesTheNumbers() throws IOException {
        assertEquals(0, run(small()).code());
        Path dir = onlyRun();
        Path pj = dir.resolve(TRIAL).resolve(RunFiles.RUN_JSON);
        RunRecord before = Json.read(pj, RunRecord.class);
        Json.writeAtomic(pj, new RunRecord(before.experiment(), before.trial(), RunFiles.STATUS_RUNNING, before.stage(),
                before.model(), before.params(), before.sweep(), before.seeds(), null, null, null, null, Map.of(),
                RunRecord.Metrics.NONE, null, Map.of(), Map.of(), before.startedAt(), null, null));
        CliRun r = run("run", "--resume", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("itemcf: completed earlier, skipped"), r.out());
        assertTrue(r.out().contains("refitting source itemcf") && r.out().contains("refitting ranker lr"), r.out());
        RunRecord again = Json.read(pj, RunRecord.class);
        assertEquals(RunFiles.STATUS_COMPLETED, again.status());
        assertEquals(before.metrics(), again.metrics(), "refitted models reproduce the pipeline's numbers");
    }

    @Test
    void sweepRunsOnePipelineTrialPerPoint() throws IOException {
        CliRun r = run(small("-m", "seed=1,2"));
        assertEquals(0, r.code(), r.err());
        List<RunRecord> recs = RunStore.readAll(onlyRun());
        List<RunRecord> pipes = recs.stream().filter(x -> "pipeline".equals(x.stage())).toList();
        assertEquals(2, pipes.size());
        assertNotEquals(pipes.get(0).metrics(), pipes.get(1).metrics());
    }

    @Test
    void sourceThatIsNotSelectedIsAOneLineConfigError() throws IOException {
        CliRun r = run(small("pipeline.sources=[itemcf,swing]"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("`swing`") && r.err().contains("defaults.recall"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        r = run(small("pipeline.ranker=gbdt-lr"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pipeline.ranker"), r.err());
    }
}
