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

/** End-to-end runs of the command line on the embedded synthetic data (small, so each run takes about a second). */
class ReclabCliTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private List<String> small(String... more) {
        return smallIn(tmp.resolve("runs"), more);
    }

    private List<String> smallIn(Path runs, String... more) {
        List<String> a = new ArrayList<>(List.of("run", "quickstart", "--runs", runs.toString(),
                "dataset.users=200", "dataset.items=150", "dataset.interactions-per-user=20"));
        a.addAll(List.of(more));
        return a;
    }

    private static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs.resolve("quickstart"))) {
            List<Path> l = s.toList();
            assertEquals(1, l.size(), "one run folder");
            return l.get(0);
        }
    }

    @Test
    void quickstartWritesConfigRunJsonPerUserCsvAndReport() throws IOException {
        CliRun r = run(small().toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());
        Path dir = onlyRun(tmp.resolve("runs"));
        assertTrue(Files.readString(dir.resolve(RunFiles.CONFIG)).contains("interactions-per-user"));
        assertTrue(Files.readString(dir.resolve(RunFiles.OVERRIDES)).contains("dataset.users=200"));
        assertTrue(Files.isRegularFile(dir.resolve(RunFiles.REPORT)));
        List<RunRecord> recs = RunStore.readAll(dir);
        assertEquals(3, recs.size());
        for (RunRecord rec : recs) {
            assertEquals(RunFiles.STATUS_COMPLETED, rec.status());
            assertEquals(200, rec.dataset().users());
            assertNotNull(rec.dataset().sha256());
            assertTrue(rec.test().get("recall").containsKey("ndcg@10"));
            assertTrue(rec.timings().containsKey("fit") && rec.timings().containsKey("evaluate"));
            assertEquals(rec.split().train() + rec.split().valid() + rec.split().test(), rec.dataset().interactions());
            assertTrue(rec.split().valid() > 0, "the shipped random split holds out validation");
            List<String> lines = Files.readAllLines(dir.resolve(rec.trial()).resolve("per_user_recall.csv"));
            assertTrue(lines.get(0).startsWith("user,n_train,recall@10"));
            assertEquals(rec.evaluation().evaluatedUsers() + 1, lines.size());
        }
        assertTrue(r.out().contains("report: "), r.out());
        // personalised models beat popularity on the planted synthetic data
        Map<String, Double> ndcg = new java.util.HashMap<>();
        for (RunRecord rec : recs) ndcg.put(rec.model(), rec.test().get("recall").get("ndcg@10"));
        assertTrue(ndcg.get("itemcf") > ndcg.get("pop") * 1.3, ndcg.toString());
        assertTrue(ndcg.get("usercf") > ndcg.get("pop") * 1.3, ndcg.toString());
    }

    @Test
    void sameSeedTwiceGivesIdenticalMetricsAndAnotherSeedDiffers() throws IOException {
        assertEquals(0, run(smallIn(tmp.resolve("a")).toArray(String[]::new)).code());
        assertEquals(0, run(smallIn(tmp.resolve("b")).toArray(String[]::new)).code());
        assertEquals(0, run(smallIn(tmp.resolve("c"), "seed=7").toArray(String[]::new)).code());
        List<RunRecord> a = RunStore.readAll(onlyRun(tmp.resolve("a")));
        List<RunRecord> b = RunStore.readAll(onlyRun(tmp.resolve("b")));
        List<RunRecord> c = RunStore.readAll(onlyRun(tmp.resolve("c")));
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i).metrics(), b.get(i).metrics());
        assertNotEquals(a.get(1).metrics(), c.get(1).metrics());
    }

    @Test
    void everyCommandHasHelpAndACompletionScriptIsGenerated() {
        for (String cmd : java.util.List.of("run", "tune", "list", "report", "bench", "data")) {
            CliRun h = CliRun.of(cmd, "--help");
            assertEquals(0, h.code(), cmd + ": " + h.err());
            assertTrue(h.out().startsWith("Usage: reclab " + cmd), cmd + ": " + h.out());
            CliRun viaHelp = CliRun.of("help", cmd);
            assertEquals(0, viaHelp.code(), viaHelp.err());
            assertEquals(h.out(), viaHelp.out(), "`reclab help " + cmd + "` = `reclab " + cmd + " --help`");
        }
        CliRun v = CliRun.of("--version");
        assertEquals("reclab " + io.reclab.run.Environment.version(), v.out().trim());
        assertTrue(io.reclab.run.Environment.version().matches("\\d+\\.\\d+\\.\\d+.*"), "the build's version, not a placeholder");
        CliRun c = CliRun.of("generate-completion");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("complete -F") && c.out().contains("bench"), "a bash completion script naming the commands");
    }

    @Test
    void unknownKeyIsOneLineExitTwoAndNothingRuns() {
        CliRun r = run(small("recall.itemcf.neighbours=5").toArray(String[]::new));
        assertEquals(2, r.code());
        assertEquals("reclab: configuration error: unknown key `neighbours` in recall.itemcf; did you mean `neighbors`?",
                r.err().trim());
        assertFalse(Files.exists(tmp.resolve("runs")), "no run folder for an invalid config");
    }

    @Test
    void aFolderHeldByALiveProcessIsNotResumedTwiceAndAStaleLockIsTakenOver() throws IOException {
        assertEquals(0, run(small().toArray(String[]::new)).code());
        Path dir = onlyRun(tmp.resolve("runs"));
        assertFalse(Files.exists(dir.resolve(io.reclab.run.RunLock.FILE)), "released when the run ended");
        ProcessHandle me = ProcessHandle.current();
        Files.writeString(dir.resolve(io.reclab.run.RunLock.FILE),
                me.pid() + " " + me.info().startInstant().map(Object::toString).orElse("?") + "\n");
        CliRun r = run("run", "--resume", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is in use by process " + me.pid()), r.err());
        Files.writeString(dir.resolve(io.reclab.run.RunLock.FILE), me.pid() + " 1999-01-01T00:00:00Z\n"); // a reused pid
        r = run("run", "--resume", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("completed earlier, skipped"), r.out());
    }

    @Test
    void resumeOfAFolderThatIsNotARunOrWithNewSettingsIsOneLineExitTwo() throws IOException {
        Path notRun = Files.createDirectories(tmp.resolve("somewhere"));
        CliRun r = run("run", "--resume", notRun.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is not a run folder") && r.err().contains("config.conf"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        r = run("run", "--resume", tmp.resolve("missing").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such folder"), r.err());
        assertEquals(0, run(small().toArray(String[]::new)).code());
        Path dir = onlyRun(tmp.resolve("runs"));
        for (String[] extra : List.of(new String[]{"quickstart"}, new String[]{"quickstart", "seed=3"}, new String[]{"-m", "seed=1,2"})) {
            List<String> a = new java.util.ArrayList<>(List.of("run", "--resume", dir.toString()));
            a.addAll(List.of(extra));
            r = run(a.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
            assertTrue(r.err().contains("drop the experiment name, overrides and -m"), r.err());
        }
    }

    @Test
    void nonIntegerOrOutOfRangeSeedIsRefused() {
        for (String seed : List.of("1.5", "99999999999999999999")) {
            CliRun r = run(small("seed=" + seed).toArray(String[]::new));
            assertEquals(2, r.code(), seed);
            assertTrue(r.err().contains("`seed` = "), r.err());
            assertFalse(Files.exists(tmp.resolve("runs")), "no run folder for an invalid seed");
        }
    }

    @Test
    void duplicatesAndOddIdsAreWarnedOnceWithCountsAndThePolicyIsInRunJson() throws IOException {
        StringBuilder csv = new StringBuilder("user,item,rating,timestamp\n");
        for (int u = 1; u <= 30; u++) for (int i = 1; i <= 8; i++) csv.append(u).append(',').append((u + i * 3) % 20 + 1).append(",5,").append(u * 10 + i).append('\n');
        csv.append("1,").append((1 + 3) % 20 + 1).append(",4,9999\n");      // user 1's first item again
        csv.append("2,").append((2 + 3) % 20 + 1).append(",4,9998\n");      // user 2's first item again
        csv.append("2,").append((2 + 3) % 20 + 1).append(",3,9997\n");      // and a third time
        csv.append("-7,1,5,1\n-7,2,5,2\n-7,3,5,3\n");                     // a negative user id
        csv.append("3,x9,5,4\n");                                          // a non-integer item id
        Path f = Files.writeString(tmp.resolve("dups.csv"), csv);
        for (String dedupe : new String[]{"none", "first"}) {
            Path runs = tmp.resolve("runs-" + dedupe);
            CliRun r = run("run", "quickstart", "--runs", runs.toString(), "dataset=csv", "dataset.path=" + f, "recall=pop",
                    "dataset.preprocess.dedupe=" + dedupe);
            assertEquals(0, r.code(), r.err() + r.out());
            List<String> warnings = r.out().lines().filter(l -> l.startsWith("warning: dataset")).toList();
            assertEquals(1, warnings.size(), r.out());
            String w = warnings.get(0);
            assertTrue(w.contains("3 duplicate (user, item) rows over 2 pairs"), w);
            assertTrue(w.contains("1 user and 1 item ids are negative or not integers") && w.contains("\"-7\"") && w.contains("\"x9\""), w);
            assertTrue(w.contains(dedupe.equals("none") ? "dedupe = none keeps them all" : "dedupe = first keeps one per pair"), w);
            RunRecord rec = io.reclab.run.RunStore.readAll(onlyRun(runs)).get(0);
            assertEquals(dedupe, rec.dataset().quality().dedupe());
            assertEquals(3, rec.dataset().quality().duplicateRows());
            assertEquals(rec.dataset().interactions(), dedupe.equals("none") ? 30 * 8 + 3 + 3 + 1 : 30 * 8 + 3 + 1, "rows after the policy");
        }
    }

    @Test
    void degenerateDataFailsWithExitThreeAndNoCompletedTrial() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "user,item,rating,timestamp\n");
        Path single = Files.writeString(tmp.resolve("single.csv"), "user,item,rating,timestamp\n1,1,5,1\n2,2,5,2\n3,3,5,3\n");
        Path low = Files.writeString(tmp.resolve("low.csv"), "user,item,rating,timestamp\n1,1,1,1\n1,2,2,2\n2,1,1,3\n2,2,2,4\n");
        String[][] cases = {
                {empty.toString(), "", "has no interactions"},
                {single.toString(), "", "leaves no test interactions"},
                {low.toString(), "dataset.preprocess.min-rating=4", "has no interactions after its filters"}};
        for (String[] c : cases) {
            List<String> a = new ArrayList<>(List.of("run", "quickstart", "--runs", tmp.resolve("runs-" + c[2].length()).toString(),
                    "dataset=csv", "dataset.path=" + c[0], "recall=pop"));
            if (!c[1].isEmpty()) a.add(c[1]);
            CliRun r = run(a.toArray(String[]::new));
            assertEquals(3, r.code(), c[0] + ": " + r.err() + r.out());
            assertTrue(r.err().contains(c[2]), r.err());
            assertFalse(Files.exists(tmp.resolve("runs-" + c[2].length())), "no run folder before the data is found usable");
        }
    }

    @Test
    void unknownModelListsKnownModels() {
        CliRun r = run(small("recall=pop,itemcff").toArray(String[]::new));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown recall option `itemcff`; did you mean `itemcf`?"), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }

    @Test
    void missingDataFileIsOneLineExitThreeAndNoTrialCompleted() throws IOException {
        CliRun r = run("run", "quickstart", "--runs", tmp.resolve("runs").toString(), "dataset=ml-100k",
                "dataset.path=" + tmp.resolve("nowhere"));
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(tmp.resolve("nowhere").toString()), r.err());
        assertTrue(r.err().contains("`./reclab data fetch ml-100k` downloads it"), r.err());
        assertEquals(1, r.err().trim().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("runs")), "no run folder until the data is found");
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path d = tmp.resolve("ml");
        Files.createDirectories(d);
        Files.writeString(d.resolve("u.data"), "1\t2\t5\t100\n1\t3\tfive\t101\n");
        CliRun r = run("run", "quickstart", "--runs", tmp.resolve("runs").toString(), "dataset=ml-100k",
                "dataset.path=" + d);
        assertEquals(3, r.code());
        assertTrue(r.err().contains(d.resolve("u.data") + ":2:"), r.err());
    }

    @Test
    void resumeSkipsCompletedTrialsAndRerunsTheRest() throws IOException {
        assertEquals(0, run(small().toArray(String[]::new)).code());
        Path dir = onlyRun(tmp.resolve("runs"));
        Path itemcf = dir.resolve("itemcf").resolve(RunFiles.RUN_JSON);
        RunRecord before = Json.read(itemcf, RunRecord.class);
        // simulate an interruption during usercf: its record says running
        Path usercf = dir.resolve("usercf").resolve(RunFiles.RUN_JSON);
        RunRecord u = Json.read(usercf, RunRecord.class);
        Json.writeAtomic(usercf, new RunRecord(u.experiment(), u.trial(), RunFiles.STATUS_RUNNING, u.stage(), u.model(),
                u.params(), u.sweep(), u.seeds(), null, null, null, null, Map.of(), RunRecord.Metrics.NONE, null, Map.of(), Map.of(),
                u.startedAt(), null, null));
        CliRun r = run("run", "--resume", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("itemcf: completed earlier, skipped"), r.out());
        assertEquals(before.finishedAt(), Json.read(itemcf, RunRecord.class).finishedAt(), "completed trial untouched");
        RunRecord again = Json.read(usercf, RunRecord.class);
        assertEquals(RunFiles.STATUS_COMPLETED, again.status());
        assertEquals(u.metrics(), again.metrics(), "re-run reproduces the same numbers");
    }

    @Test
    void sweepRunsTheCartesianProductOneTrialFolderEach() throws IOException {
        CliRun r = run(small("recall=itemcf", "-m", "recall.itemcf.neighbors=5,20", "-m", "seed=1,2").toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<RunRecord> recs = RunStore.readAll(onlyRun(tmp.resolve("runs")));
        assertEquals(4, recs.size());
        RunRecord first = recs.stream().filter(x -> x.trial().equals("itemcf__neighbors=5,seed=1")).findFirst().orElseThrow();
        assertEquals(Map.of("recall.itemcf.neighbors", "5", "seed", "1"), first.sweep());
        assertEquals(4, recs.stream().map(x -> x.metrics()).distinct().count(), "each point measured separately");
    }

    @Test
    void sampledEvaluationIsLabelledOnConsoleAndInRunJson() throws IOException {
        CliRun r = run(small("evaluation=sampled", "recall=pop").toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SAMPLED METRICS: each test item ranked among 100 sampled negatives per positive"), r.out());
        RunRecord rec = RunStore.readAll(onlyRun(tmp.resolve("runs"))).get(0);
        assertEquals("sampled", rec.evaluation().mode());
        assertEquals(100, rec.evaluation().negatives());
        assertTrue(Files.readString(onlyRun(tmp.resolve("runs")).resolve(RunFiles.REPORT)).contains("ampled"));
    }

    @Test
    void listShowsRegisteredComponents() {
        CliRun r = run("list");
        assertEquals(0, r.code());
        for (String s : List.of("movielens-100k", "synthetic", "leave-one-out", "itemcf", "usercf", "pop", "quickstart"))
            assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
    }
}
