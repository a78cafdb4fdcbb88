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

/** End-to-end recall → merge → rank pipeline runs of the command line on synthetic data with planted taste clusters. */
class PipelineCliTest {
    private static final String TRIAL = "pipeline-funnel";
    private static final List<String> CHANNELS = List.of("itemcf", "usercf", "als", "pop");

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String[] args(boolean small, String... more) {
        List<String> a = new ArrayList<>(List.of("run", "quickstart-pipeline", "--runs", tmp.resolve("runs").toString()));
        if (small) a.addAll(List.of("dataset.users=300", "dataset.items=200", "dataset.interactions-per-user=20"));
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
    void pipelineIsEvaluatedStageByStageAndBeatsItsPassThroughMerge() throws IOException {
        CliRun r = run(args(false));
        assertEquals(0, r.code(), r.err() + r.out());
        Path dir = onlyRun();
        List<RunRecord> recs = RunStore.readAll(dir);
        assertEquals(5, recs.size(), "four channels' own trials and the pipeline");
        RunRecord p = recs.stream().filter(x -> x.trial().equals(TRIAL)).findFirst().orElseThrow();
        assertEquals(RunFiles.STATUS_COMPLETED, p.status(), p.error());
        assertEquals("pipeline", p.stage());
        assertEquals("itemcf+usercf+als+pop>lr", p.model());
        assertEquals(List.of("recall:itemcf", "recall:usercf", "recall:als", "recall:pop", "merge", "rank", "final"),
                List.copyOf(p.test().keySet()));
        assertEquals(p.test().keySet(), p.valid().keySet(), "validation is evaluated stage by stage too");
        Map<String, Double> merge = p.test().get("merge"), fin = p.test().get("final");
        double mergedRecall = merge.get("recall@350"); // N = 100 + 100 + 100 + 50
        for (String c : CHANNELS) {
            Map<String, Double> ch = p.test().get("recall:" + c);
            int q = c.equals("pop") ? 50 : 100;
            // the union holds each channel's list: its recall is at least every channel's at its quota
            assertTrue(mergedRecall >= ch.get("recall@" + q) - 1e-12, c + ": " + ch + " vs merged " + mergedRecall);
            // the channel alone at the final K equals its own full-ranking trial: same users, same lists
            RunRecord own = recs.stream().filter(x -> x.trial().equals(c)).findFirst().orElseThrow();
            assertEquals(own.test().get("recall").get("ndcg@10"), ch.get("ndcg@10"), 1e-9, c);
        }
        for (int k : List.of(10, 20)) {
            // a final list is cut from the candidates, so it cannot recall more than they do
            assertTrue(fin.get("recall@" + k) <= mergedRecall + 1e-12, "final recall@" + k);
        }
        // the trained ranker beats its own pass-through merge (the quota-ordered candidates) on NDCG@10
        assertTrue(fin.get("ndcg@10") > merge.get("ndcg@10"), "final " + fin + " vs pass-through " + merge);
        Map<String, Double> rank = p.test().get("rank");
        assertTrue(rank.get("auc") > 0.6 && rank.get("gauc") > 0.6 && rank.containsKey("logloss"), rank.toString());
        // training rows come from train's holdout part only, and there are recalled-then-chosen positives
        assertTrue(p.extras().get("ranker.positives") > 0 && p.extras().get("ranker.negatives") > 0, p.extras().toString());
        for (String s : List.of("recall:itemcf", "recall:als", "merge", "features", "rank"))
            assertTrue(p.extras().containsKey("latency." + s + ".ms_per_user"), s);
        // per-user files of every list stage, one row per evaluated user, averaging to the reported metric
        for (String stage : List.of("final", "merge", "recall:usercf")) {
            List<String> lines = Files.readAllLines(dir.resolve(TRIAL).resolve(RunFiles.perUser(stage)));
            assertEquals(p.evaluation().evaluatedUsers() + 1, lines.size(), stage);
            int col = List.of(lines.get(0).split(",")).indexOf("ndcg@10");
            double sum = 0;
            for (String l : lines.subList(1, lines.size())) sum += Double.parseDouble(l.split(",")[col]);
            assertEquals(p.test().get(stage).get("ndcg@10"), sum / (lines.size() - 1), 1e-5, stage);
        }
        assertFalse(r.out().contains("fitting channel itemcf on train\n"), "served channels are the trials' own models:\n" + r.out());
        String html = Files.readString(dir.resolve(RunFiles.REPORT));
        assertTrue(html.contains("Pipeline funnel") && html.contains("Verdict:") && html.contains("Wilcoxon"), "report has the funnel and its verdict");
    }

    @Test
    void resumeRefitsSkippedChannelsAndReproducesTheNumbers() throws IOException {
        assertEquals(0, run(args(true)).code());
        Path dir = onlyRun();
        Path pj = dir.resolve(TRIAL).resolve(RunFiles.RUN_JSON);
        RunRecord before = Json.read(pj, RunRecord.class);
        Json.writeAtomic(pj, new RunRecord(before.experiment(), before.trial(), RunFiles.STATUS_RUNNING, before.stage(),
                before.model(), before.params(), before.sweep(), before.seeds(), null, null, null, null, Map.of(),
                RunRecord.Metrics.NONE, null, Map.of(), Map.of(), before.startedAt(), null, null));
        CliRun r = run("run", "--resume", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("itemcf: completed earlier, skipped"), r.out());
        assertTrue(r.out().contains("fitting channel itemcf on train"), r.out());
        RunRecord again = Json.read(pj, RunRecord.class);
        assertEquals(RunFiles.STATUS_COMPLETED, again.status());
        assertEquals(before.metrics(), again.metrics(), "refitted channels and ranker reproduce the pipeline's numbers");
    }

    @Test
    void rankerAndChannelSettingsAreSweepable() throws IOException {
        CliRun r = run(args(true, "-m", "pipeline.rank.ratio=2,8"));
        assertEquals(0, r.code(), r.err());
        List<RunRecord> pipes = RunStore.readAll(onlyRun()).stream().filter(x -> "pipeline".equals(x.stage())).toList();
        assertEquals(2, pipes.size());
        assertNotEquals(pipes.get(0).extras().get("ranker.negatives"), pipes.get(1).extras().get("ranker.negatives"));
    }

    @Test
    void tuneSearchesThePipelinesRankerAndQuotasOnValidation() throws IOException {
        CliRun r = run("tune", "quickstart-pipeline", "--runs", tmp.resolve("tune").toString(), "--trials", "2",
                "dataset.users=300", "dataset.items=200", "dataset.interactions-per-user=20",
                "pipeline.rank.ratio=int(1,8)", "pipeline.quotas.itemcf=int(20,60)");
        assertEquals(0, r.code(), r.err() + r.out());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("tune").resolve("quickstart-pipeline-tune"))) {
            dir = s.findFirst().orElseThrow();
        }
        RunRecord selected = Json.read(dir.resolve("selected").resolve(RunFiles.RUN_JSON), RunRecord.class);
        assertEquals(RunFiles.STATUS_COMPLETED, selected.status(), selected.error());
        assertEquals("pipeline", selected.stage());
        int q = Integer.parseInt(selected.sweep().get("pipeline.quotas.itemcf"));
        assertTrue(selected.test().get("recall:itemcf").containsKey("recall@" + q), "the tuned quota is the channel's: " + q);
        for (String t : List.of("trial-000", "trial-001")) {
            RunRecord tr = Json.read(dir.resolve(t).resolve(RunFiles.RUN_JSON), RunRecord.class);
            assertTrue(tr.test().isEmpty(), "tune trials never read test");
            assertNotNull(tr.selection().bestValue());
        }
    }

    @Test
    void badPipelinesAreOneLineConfigErrors() {
        CliRun r = run(args(true, "pipeline.channels=[{model=itemcf},{model=swing}]"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("swing") && r.err().contains("defaults.recall"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        // training the ranker on validation or test rows is refused before anything runs
        for (String part : List.of("valid", "test")) {
            r = run(args(true, "pipeline.rank.holdout=" + part));
            assertEquals(2, r.code(), r.out());
            assertTrue(r.err().contains("leakage") && r.err().contains("pipeline.rank.holdout"), r.err());
            assertFalse(Files.exists(tmp.resolve("runs").resolve("quickstart-pipeline")), "no run folder for a refused config");
        }
        r = run(args(true, "pipeline.rank.model=lrr"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pipeline.rank.model") && r.err().contains("did you mean `lr`"), r.err());
    }
}
