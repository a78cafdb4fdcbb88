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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * End-to-end runs of the shipped ctr-* experiments on small files written here in each benchmark format (BARS CSV
 * with train/valid/test, raw Criteo TSV, raw Avazu CSV, libFM), with epochs cut down so each run stays short.
 * Labels are planted: clicks depend on the item (or a Criteo / Avazu column), so a working ranker beats chance.
 */
class CtrBenchmarkCliTest {
    @TempDir
    Path tmp;

    private static CliRun run(List<String> args) {
        return CliRun.of(args);
    }

    private List<String> args(String experiment, String... more) {
        List<String> a = new ArrayList<>(List.of("run", experiment, "--runs", tmp.resolve("runs").toString()));
        a.addAll(List.of(more));
        return a;
    }

    private List<RunRecord> records(String experiment) throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve(experiment))) {
            List<Path> l = s.toList();
            assertEquals(1, l.size(), "one run folder");
            return RunStore.readAll(l.get(0));
        }
    }

    private static Path runDir(Path runs, String experiment) throws IOException {
        try (Stream<Path> s = Files.list(runs.resolve(experiment))) {
            return s.findFirst().orElseThrow();
        }
    }

    private static String sha256(Path... files) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (Path f : files) d.update(Files.readAllBytes(f));
        return HexFormat.of().formatHex(d.digest());
    }

    /** Rows of a Frappe_x1-like file: items 0..4 click with p 0.85, items 5..9 with p 0.15; user u0..u9. */
    private static List<String[]> frappeRows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int item = r.nextInt(10), user = r.nextInt(10);
            boolean click = r.nextDouble() < (item < 5 ? 0.85 : 0.15);
            rows.add(new String[] {click ? "1" : "0", "u" + user, "i" + item, r.nextBoolean() ? "morning" : "evening",
                    "day" + r.nextInt(7), r.nextBoolean() ? "weekend" : "workday", "unknown", "free", "sunny", "spain", "c" + r.nextInt(3)});
        }
        return rows;
    }

    private static void writeCsv(Path f, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("label,user,item,daytime,weekday,isweekend,homework,cost,weather,country,city\n");
        for (String[] r : rows) sb.append(String.join(",", r)).append('\n');
        Files.writeString(f, sb.toString());
    }

    private Path frappeFiles() throws IOException {
        Path d = tmp.resolve("Frappe_x1");
        Files.createDirectories(d);
        writeCsv(d.resolve("train.csv"), frappeRows(400, 1));
        writeCsv(d.resolve("valid.csv"), frappeRows(100, 2));
        List<String[]> test = frappeRows(150, 3);
        test.get(0)[2] = "i_unseen"; // an item only in test: must encode as OOV, not grow the vocabulary
        writeCsv(d.resolve("test.csv"), test);
        return d;
    }

    @Test
    void barsCsvRunsAllSixRankersWithAucLoglossGaucAndProvenance() throws Exception {
        Path d = frappeFiles();
        List<String> a = args("ctr-frappe", "ctr.dir=" + d);
        // few rows: small batches and a larger step so two epochs learn the planted item effect
        a.add("rank.lr.epochs=2");
        for (String m : List.of("fm", "ffm", "widedeep", "deepfm", "dcn"))
            a.addAll(List.of("rank." + m + ".epochs=2", "rank." + m + ".batch-size=32", "rank." + m + ".learning-rate=0.01"));
        for (String m : List.of("widedeep", "deepfm", "dcn")) a.add("rank." + m + ".hidden=[16]");
        CliRun r = run(a);
        assertEquals(0, r.code(), r.err() + r.out());
        List<RunRecord> recs = records("ctr-frappe");
        assertEquals(6, recs.size());
        // features fitted on train only: per field, distinct train values + 1 OOV id
        List<String[]> train = frappeRows(400, 1);
        int features = 0;
        for (int col = 1; col <= 10; col++) {
            Set<String> vals = new HashSet<>();
            for (String[] row : train) vals.add(row[col]);
            features += vals.size() + 1;
        }
        Map<String, Integer> trainPerUser = new HashMap<>();
        double pos = 0;
        for (String[] row : train) {
            trainPerUser.merge(row[1], 1, Integer::sum);
            pos += Integer.parseInt(row[0]);
        }
        String sha = sha256(d.resolve("train.csv"), d.resolve("valid.csv"), d.resolve("test.csv"));
        for (RunRecord rec : recs) {
            assertEquals(RunFiles.STATUS_COMPLETED, rec.status(), rec.trial() + ": " + rec.error());
            assertEquals("rank", rec.stage());
            Map<String, Double> m = rec.test().get("rank");
            assertTrue(m.get("auc") > 0.6, rec.model() + " auc " + m.get("auc")); // planted item effect
            assertTrue(m.get("logloss") > 0 && m.get("logloss") < 2, rec.model() + " logloss " + m.get("logloss"));
            assertTrue(m.containsKey("gauc"), "user-column = user gives GAUC");
            assertEquals("Frappe_x1", rec.dataset().name());
            assertEquals(sha, rec.dataset().sha256());
            assertTrue(rec.dataset().source().contains("test=" + d.resolve("test.csv")), rec.dataset().source());
            assertEquals(650, rec.dataset().interactions());
            assertEquals(new RunRecord.SplitInfo("predefined train/valid/test files", 400, 100, 150), rec.split());
            assertEquals(pos / 400, rec.extras().get("data.train_positive_rate"), 1e-12);
            assertEquals(10.0, rec.extras().get("rank.fields"));
            assertEquals(features, rec.extras().get("rank.features").intValue());
        }
        // per-user file: external user ids with their training counts
        Path lr = runDir(tmp.resolve("runs"), "ctr-frappe").resolve("lr");
        List<String> lines = Files.readAllLines(lr.resolve(RunFiles.perUser("rank")));
        assertTrue(lines.get(0).startsWith("user,n_train,gauc"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(trainPerUser.get(f[0]), Integer.valueOf(f[1]), line);
        }
        assertEquals(151, Files.readAllLines(lr.resolve(RunFiles.PREDICTIONS_RANK)).size());
    }

    @Test
    void rawCriteoIsCutByTheSeededRatioAndHashedAsOneFile() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            int c1 = r.nextInt(4);
            boolean click = r.nextDouble() < (c1 < 2 ? 0.8 : 0.2);
            sb.append(click ? 1 : 0);
            for (int k = 0; k < 13; k++) sb.append('\t').append(k == 3 && i % 7 == 0 ? "" : Integer.toString(r.nextInt(30)));
            for (int k = 0; k < 26; k++) sb.append('\t').append(k == 0 ? "c" + c1 : String.format("%08x", r.nextInt(3)));
            sb.append('\n');
        }
        Path f = tmp.resolve("train.txt");
        Files.writeString(f, sb.toString());
        CliRun o = run(args("ctr-criteo", "ctr=criteo", "ctr.path=" + f, "ctr.seed=3", "rank=lr,fm", "rank.fm.epochs=2",
                "rank.fm.batch-size=32", "rank.fm.learning-rate=0.01"));
        assertEquals(0, o.code(), o.err() + o.out());
        for (RunRecord rec : records("ctr-criteo")) {
            assertEquals(RunFiles.STATUS_COMPLETED, rec.status(), rec.error());
            // 200 rows, [0.8, 0.1, 0.1]: test = ceil(20) = 20, valid = 20, train = 160
            assertEquals(new RunRecord.SplitInfo("random rows 0.8/0.1/0.1 (seed 3)", 160, 20, 20), rec.split());
            assertEquals(3L, rec.seeds().get("ctr.split"));
            assertEquals(sha256(f), rec.dataset().sha256());
            assertEquals("criteo", rec.dataset().name());
            assertEquals(39.0, rec.extras().get("rank.fields"));
            Map<String, Double> m = rec.test().get("rank");
            assertTrue(m.get("auc") > 0.6, rec.model() + " auc " + m.get("auc"));
            assertTrue(m.get("logloss") > 0);
            assertFalse(m.containsKey("gauc"), "criteo has no users; the experiment asks auc, logloss, calibration");
        }
        // resume re-reads the files from the saved config and cuts the same rows: an interrupted trial re-runs identically
        Path dir = runDir(tmp.resolve("runs"), "ctr-criteo");
        Path fm = dir.resolve("fm").resolve(RunFiles.RUN_JSON);
        RunRecord before = Json.read(fm, RunRecord.class);
        Json.writeAtomic(fm, new RunRecord(before.experiment(), before.trial(), RunFiles.STATUS_RUNNING, before.stage(),
                before.model(), before.params(), before.sweep(), before.seeds(), null, null, null, null, Map.of(),
                RunRecord.Metrics.NONE, null, Map.of(), Map.of(), before.startedAt(), null, null));
        CliRun again = run(List.of("run", "--resume", dir.toString()));
        assertEquals(0, again.code(), again.err() + again.out());
        assertTrue(again.out().contains("lr: completed earlier, skipped"), again.out());
        RunRecord after = Json.read(fm, RunRecord.class);
        assertEquals(RunFiles.STATUS_COMPLETED, after.status());
        assertEquals(before.metrics(), after.metrics());
        assertEquals(before.split(), after.split());
    }

    @Test
    void rawAvazuWithAnotherRatioAndAConfiguredFeaturesGroup() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("id,click,hour,C1,banner_pos,site_id,device_type\n");
        for (int i = 0; i < 100; i++) {
            int site = r.nextInt(4);
            boolean click = r.nextDouble() < (site < 2 ? 0.8 : 0.2);
            sb.append(1000 + i).append(',').append(click ? 1 : 0).append(",141021").append(String.format("%02d", r.nextInt(24)))
                    .append(",1005,").append(r.nextInt(2)).append(",s").append(site).append(',').append(r.nextInt(3)).append('\n');
        }
        Path f = tmp.resolve("avazu.csv");
        Files.writeString(f, sb.toString());
        // only the site column as a field, from a features option of a user conf folder
        Path conf = tmp.resolve("conf");
        Files.createDirectories(conf.resolve("features"));
        Files.writeString(conf.resolve("features").resolve("site.conf"), "fields = [ { name = site_id, type = categorical } ]\n");
        CliRun o = run(args("ctr-avazu", "--conf-dir", conf.toString(), "ctr=avazu", "ctr.path=" + f,
                "ctr.split-ratio=[0.6,0.2,0.2]", "features=site", "rank=fm", "rank.fm.epochs=3", "rank.fm.learning-rate=0.05"));
        assertEquals(0, o.code(), o.err() + o.out());
        RunRecord rec = records("ctr-avazu").get(0);
        assertEquals(RunFiles.STATUS_COMPLETED, rec.status(), rec.error());
        assertEquals(60, rec.split().train());
        assertEquals(20, rec.split().valid());
        assertEquals(20, rec.split().test());
        assertEquals(1.0, rec.extras().get("rank.fields"), "the features group replaces the Avazu defaults");
        assertEquals(5.0, rec.extras().get("rank.features"), "4 sites + OOV");
        assertTrue(rec.test().get("rank").get("auc") > 0.6, rec.metrics().toString());
    }

    @Test
    void libfmFilesNeedNoFeatures() throws Exception {
        Path d = tmp.resolve("frappe-libfm");
        Files.createDirectories(d);
        String[] names = {"frappe.train.libfm", "frappe.validation.libfm", "frappe.test.libfm"};
        int[] sizes = {300, 80, 80};
        int maxId = 0;
        for (int p = 0; p < 3; p++) {
            SplittableRandom r = new SplittableRandom(p);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sizes[p]; i++) {
                int item = r.nextInt(6), ctx = 6 + r.nextInt(3);
                boolean click = r.nextDouble() < (item < 3 ? 0.85 : 0.15);
                sb.append(click ? "1" : "-1").append(' ').append(item).append(":1 ").append(ctx).append(":1\n");
                maxId = Math.max(maxId, ctx);
            }
            Files.writeString(d.resolve(names[p]), sb.toString());
        }
        CliRun o = run(args("ctr-frappe", "ctr=libsvm", "ctr.dir=" + d, "ctr.train=" + names[0], "ctr.valid=" + names[1],
                "ctr.test=" + names[2], "rank=lr,fm", "rank.lr.epochs=3", "rank.fm.epochs=3", "rank.fm.batch-size=64", "rank.fm.learning-rate=0.02"));
        assertEquals(0, o.code(), o.err() + o.out());
        for (RunRecord rec : records("ctr-frappe")) {
            assertEquals(RunFiles.STATUS_COMPLETED, rec.status(), rec.error());
            assertEquals(2.0, rec.extras().get("rank.fields"), "field = token position");
            assertEquals(maxId + 1.0, rec.extras().get("rank.features"));
            assertEquals(sha256(d.resolve(names[0]), d.resolve(names[1]), d.resolve(names[2])), rec.dataset().sha256());
            assertTrue(rec.test().get("rank").get("auc") > 0.6, rec.model() + " " + rec.metrics());
        }
    }

    @Test
    void movieLensWithoutUItemIsADataErrorExitThreeBeforeAnyRunFolder() throws IOException {
        // a MovieLens 100K folder with u.data and u.user but no u.item: ml100k-ctr's genre and year fields cannot exist
        Path dir = Files.createDirectories(tmp.resolve("ml100k-no-item"));
        StringBuilder data = new StringBuilder(), users = new StringBuilder();
        for (int u = 1; u <= 20; u++) {
            users.append(u).append('|').append(20 + u).append("|M|student|0").append(u).append("000\n");
            for (int i = 1; i <= 10; i++) data.append(u).append('\t').append((u * 7 + i) % 30 + 1).append('\t').append(1 + (u + i) % 5)
                    .append('\t').append(880000000L + u * 100 + i).append('\n');
        }
        Files.writeString(dir.resolve("u.data"), data);
        Files.writeString(dir.resolve("u.user"), users);
        CliRun r = CliRun.of("run", "ml100k-ctr", "--runs", tmp.resolve("runs").toString(), "dataset.path=" + dir);
        assertEquals(3, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("no item features") && r.err().contains("u.item"), r.err());
        assertFalse(Files.exists(tmp.resolve("runs").resolve("ml100k-ctr")), "no run folder until the data is complete");
    }

    @Test
    void missingFileIsOneLineExitThreeNamingKeyAndPath() throws IOException {
        CliRun o = run(args("ctr-frappe", "ctr.dir=" + tmp.resolve("nowhere"), "rank=lr"));
        assertEquals(3, o.code(), o.out() + o.err());
        assertEquals("reclab: data error: ctr.train: no such file " + tmp.resolve("nowhere").resolve("train.csv"), o.err().trim());
        assertFalse(Files.exists(tmp.resolve("runs")), "no run folder until the data is found");
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path d = frappeFiles();
        List<String> lines = new ArrayList<>(Files.readAllLines(d.resolve("valid.csv")));
        lines.set(4, "maybe" + lines.get(4).substring(1)); // line 5 of the file (header is line 1)
        Files.write(d.resolve("valid.csv"), lines);
        CliRun o = run(args("ctr-frappe", "ctr.dir=" + d, "rank=lr"));
        assertEquals(3, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("reclab: data error: " + d.resolve("valid.csv") + ":5: label `maybe`"), o.err());
        assertEquals(1, o.err().trim().lines().count(), o.err());
    }

    @Test
    void configMistakesAreOneLineExitTwoAndNothingRuns() {
        CliRun o = run(args("ctr-frappe", "ctr.categoricals=[user]"));
        assertEquals(2, o.code());
        assertEquals("reclab: configuration error: unknown key `categoricals` in ctr; did you mean `categorical`?", o.err().trim());
        o = run(args("ctr-frappe", "ctr.field-mode=single"));
        assertEquals(2, o.code());
        assertEquals("reclab: configuration error: `ctr.field-mode` applies to format = libsvm only (this block has format = csv)",
                o.err().trim());
        o = run(args("ctr-frappe", "dataset=ml-100k"));
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("reclab: configuration error: `ctr` files replace `dataset`"), o.err());
        o = run(args("ctr-frappe", "recall=pop"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("`ctr` files feed the rank stage only"), o.err());
        o = run(args("ctr-frappe", "ctr=libsvm", "features=movielens"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("libsvm files are already encoded"), o.err());
        assertFalse(Files.exists(tmp.resolve("runs")), "no run folder for an invalid config");
    }

    @Test
    void everyShippedExperimentAndCtrOptionIsAValidPlanThatLooksForItsFiles() {
        // a valid plan gets as far as reading files, which are absent here: exit 3, not a configuration error (2)
        Map<String, String> firstFile = Map.of("ctr-frappe", "data/Frappe_x1/train.csv",
                "ctr-movielens-tag", "data/MovielensLatest_x1/train.csv", "ctr-criteo", "data/Criteo_x1/train.csv",
                "ctr-avazu", "data/Avazu_x1/train.csv");
        for (Map.Entry<String, String> e : firstFile.entrySet()) {
            CliRun o = run(args(e.getKey(), "ctr.dir=" + tmp.resolve("none")));
            assertEquals(3, o.code(), e.getKey() + ": " + o.err());
            String file = e.getValue().substring(e.getValue().lastIndexOf('/') + 1);
            assertEquals("reclab: data error: ctr.train: no such file " + tmp.resolve("none").resolve(file), o.err().trim());
        }
        for (String option : List.of("criteo", "avazu", "csv", "libsvm", "frappe", "movielens-tag", "criteo-x1", "avazu-x1")) {
            CliRun o = run(args("ctr-criteo", "ctr=" + option, "ctr.dir=" + tmp.resolve("none")));
            assertEquals(3, o.code(), option + ": " + o.err());
            assertTrue(o.err().startsWith("reclab: data error: ctr."), option + ": " + o.err());
        }
    }

    @Test
    void listShowsTheCtrGroupAndFormats() {
        CliRun o = run(List.of("list"));
        assertEquals(0, o.code());
        assertTrue(o.out().contains("Shipped ctr options: avazu, avazu-x1, criteo, criteo-x1, csv, frappe, libsvm, movielens-tag"), o.out());
        for (String s : List.of("ctr-frappe", "ctr-criteo", "ctr-avazu", "ctr-movielens-tag", "libsvm  "))
            assertTrue(o.out().contains(s), s + " missing from:\n" + o.out());
    }
}
