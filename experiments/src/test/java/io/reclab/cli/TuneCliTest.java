package io.reclab.cli;

import io.reclab.run.Json;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import io.reclab.tune.Tuner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code reclab tune} end to end on small data: choice on validation only, pruning, best.conf, resume. */
class TuneCliTest {
    @TempDir
    Path tmp;

    private static final String[] SPACE = {"recall.bpr.learning-rate=loguniform(1e-3,1e-1)", "recall.bpr.factors=choice(8,16)"};

    private List<String> tuneQuickstart(Path runs, String... more) {
        List<String> a = new ArrayList<>(List.of("tune", "quickstart", "--runs", runs.toString(), "recall=bpr",
                "dataset.users=150", "dataset.items=100", "dataset.interactions-per-user=20", "recall.bpr.epochs=30",
                "recall.bpr.valid-every=2", "threads=1"));
        a.addAll(List.of(SPACE));
        a.addAll(List.of(more));
        return a;
    }

    private static Path onlyRun(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> l = s.filter(Files::isDirectory).toList();
            assertEquals(1, l.size(), l.toString());
            return l.get(0);
        }
    }

    private static Tuner.Summary summary(Path dir) throws IOException {
        return Json.read(dir.resolve(Tuner.TUNE_JSON), Tuner.Summary.class);
    }

    @Test
    void tuneChoosesOnValidationWritesBestConfAndAReport() throws IOException {
        CliRun r = CliRun.of(tuneQuickstart(tmp.resolve("runs"), "--trials", "6", "--sampler", "random",
                "--min-epochs", "4", "--eta", "2"));
        assertEquals(0, r.code(), r.err() + r.out());
        Path dir = onlyRun(tmp.resolve("runs").resolve("quickstart-tune"));
        Tuner.Summary t = summary(dir);
        assertEquals(6, t.trials().size());
        // the best is the completed trial with the highest validation value
        Tuner.TrialSummary best = t.trials().stream().filter(x -> x.status().equals(RunFiles.STATUS_COMPLETED))
                .max(Comparator.comparingDouble(Tuner.TrialSummary::valid)).orElseThrow();
        assertEquals(best.trial(), t.best());
        assertEquals(best.values(), t.bestValues());
        // trials never compute test; the selected refit does, once
        for (Tuner.TrialSummary x : t.trials()) {
            RunRecord rec = Json.read(dir.resolve(x.trial()).resolve(RunFiles.RUN_JSON), RunRecord.class);
            assertTrue(rec.test().isEmpty(), x.trial() + " must not be scored on test");
            if (x.status().equals(RunFiles.STATUS_PRUNED)) assertNotNull(x.prunedAt(), x.trial());
        }
        RunRecord selected = Json.read(dir.resolve(Tuner.SELECTED).resolve(RunFiles.RUN_JSON), RunRecord.class);
        assertEquals(t.selectedTest(), selected.test());
        assertEquals(t.bestValid(), selected.selection().bestValue(), 1e-12, "the refit with the same seed is the best trial");
        String html = Files.readString(dir.resolve(RunFiles.REPORT));
        assertTrue(html.contains("Hyperparameter search") && html.contains("Selected on validation"), "tune section");
        assertTrue(html.contains("<div class=\"table-wrap\"><table><tr><th>trial</th>"), "the trials table scrolls inside its card");
        // best.conf is a ready-to-run experiment: same values, same seed, same test figures
        CliRun again = CliRun.of("run", dir.resolve(Tuner.BEST_CONF).toString(), "--runs", tmp.resolve("again").toString());
        assertEquals(0, again.code(), again.err() + again.out());
        Path rerunJson;
        try (Stream<Path> w = Files.walk(tmp.resolve("again"))) {
            List<Path> l = w.filter(p -> p.getFileName().toString().equals(RunFiles.RUN_JSON)).toList();
            assertEquals(1, l.size(), l.toString());
            rerunJson = l.get(0);
        }
        RunRecord rerun = Json.read(rerunJson, RunRecord.class);
        assertEquals(selected.test(), rerun.test());
    }

    @Test
    void selectionIsBlindToTheTestPart() throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        writeRecBoleSplit(a, 1);
        Files.createDirectories(b);
        for (String part : List.of("train", "valid"))
            Files.copy(a.resolve("toy." + part + ".inter"), b.resolve("toy." + part + ".inter"), StandardCopyOption.REPLACE_EXISTING);
        writeRecBoleSplit(tmp.resolve("other"), 99);   // same shape, other rows
        Files.copy(tmp.resolve("other").resolve("toy.test.inter"), b.resolve("toy.test.inter"));
        Tuner.Summary[] s = new Tuner.Summary[2];
        int i = 0;
        for (Path data : List.of(a, b)) {
            Path runs = tmp.resolve("runs-" + i);
            List<String> args = new ArrayList<>(List.of("tune", "recbole-ml100k", "--runs", runs.toString(), "recall=bpr",
                    "dataset.path=" + data, "dataset.name=toy", "recall.bpr.epochs=20", "recall.bpr.valid-every=2",
                    "threads=1", "--trials", "5", "--sampler", "tpe", "--min-epochs", "4"));
            args.addAll(List.of(SPACE));
            CliRun r = CliRun.of(args);
            assertEquals(0, r.code(), r.err() + r.out());
            s[i++] = summary(onlyRun(runs.resolve("recbole-ml100k-tune")));
        }
        assertEquals(s[0].trials(), s[1].trials(), "every trial's values and validation figures");
        assertEquals(s[0].best(), s[1].best());
        assertNotEquals(s[0].selectedTest(), s[1].selectedTest(), "the test parts differ, and test was read once");
    }

    @Test
    void aKilledTuneResumesWithTheSameTrials() throws IOException {
        Path runs = tmp.resolve("runs");
        CliRun full = CliRun.of(tuneQuickstart(runs, "--trials", "4", "--sampler", "random", "--no-prune"));
        assertEquals(0, full.code(), full.err() + full.out());
        Path dir = onlyRun(runs.resolve("quickstart-tune"));
        Tuner.Summary expected = summary(dir);
        // what a kill -9 during trial-002 leaves: trial-002 running, trial-003 not started, no selection yet
        Path killed = tmp.resolve("killed");
        copyTree(dir, killed);
        deleteTree(killed.resolve("trial-003"));
        deleteTree(killed.resolve(Tuner.SELECTED));
        Files.delete(killed.resolve(Tuner.TUNE_JSON));
        Files.delete(killed.resolve(Tuner.BEST_CONF));
        Path rj = killed.resolve("trial-002").resolve(RunFiles.RUN_JSON);
        Files.writeString(rj, Files.readString(rj).replace("\"status\" : \"completed\"", "\"status\" : \"running\""));
        CliRun resumed = CliRun.of("tune", "--resume", killed.toString());
        assertEquals(0, resumed.code(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("trial-000: finished earlier"), resumed.out());
        assertFalse(resumed.out().contains("trial-002: finished earlier"), resumed.out());
        Tuner.Summary got = summary(killed);
        assertEquals(expected.trials(), got.trials());
        assertEquals(expected.best(), got.best());
        assertEquals(expected.selectedTest(), got.selectedTest());
    }

    @Test
    void badInvocationsAreConfigErrors() throws IOException {
        CliRun noSpace = CliRun.of("tune", "quickstart", "recall=bpr", "--runs", tmp.toString());
        assertEquals(2, noSpace.code());
        assertTrue(noSpace.err().contains("no search space"), noSpace.err());
        CliRun badSpec = CliRun.of("tune", "quickstart", "recall=bpr", "recall.bpr.l2=loguniform(0,1)", "--runs", tmp.toString());
        assertEquals(2, badSpec.code());
        assertTrue(badSpec.err().contains("recall.bpr.l2"), badSpec.err());
        CliRun unknownKey = CliRun.of("tune", "quickstart", "recall=bpr", "recall.bpr.lr=loguniform(1e-3,1e-1)", "--runs", tmp.toString());
        assertEquals(2, unknownKey.code());
        assertTrue(unknownKey.err().contains("`lr` in recall.bpr"), unknownKey.err());
        CliRun twoModels = CliRun.of("tune", "quickstart", "recall.itemcf.neighbors=int(5,50)", "--runs", tmp.toString());
        assertEquals(2, twoModels.code());
        assertTrue(twoModels.err().contains("one model at a time"), twoModels.err());
        CliRun resumeWithArgs = CliRun.of("tune", "--resume", tmp.toString(), "quickstart");
        assertEquals(2, resumeWithArgs.code());
        Path spaceFile = tmp.resolve("space.conf");
        Files.writeString(spaceFile, "recall.bpr.l2 = 0.5\n");
        CliRun plainInFile = CliRun.of("tune", "quickstart", "recall=bpr", "--space", spaceFile.toString(), "--runs", tmp.toString());
        assertEquals(2, plainInFile.code());
        assertTrue(plainInFile.err().contains(spaceFile.toString()) && plainInFile.err().contains("recall.bpr.l2"), plainInFile.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith("-tune")), "no tune folder for a bad invocation");
        }
    }

    /** A RecBole-format predefined split of a planted two-cluster log: each user likes the items of one cluster. */
    static void writeRecBoleSplit(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        String header = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n";
        StringBuilder[] parts = {new StringBuilder(header), new StringBuilder(header), new StringBuilder(header)};
        int items = 60;
        for (int u = 0; u < 80; u++) {
            int cluster = u % 2;
            List<Integer> liked = new ArrayList<>();
            for (int i = 0; i < items; i++) if (i % 2 == cluster) liked.add(i);
            java.util.Collections.shuffle(liked, rnd);
            for (int k = 0; k < 14; k++) {
                int part = k < 10 ? 0 : k < 12 ? 1 : 2;
                parts[part].append(u).append('\t').append(liked.get(k)).append("\t4\t").append(1000 + k).append('\n');
            }
        }
        String[] names = {"train", "valid", "test"};
        for (int p = 0; p < 3; p++) Files.writeString(dir.resolve("toy." + names[p] + ".inter"), parts[p]);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
