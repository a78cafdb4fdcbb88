package io.reclab.report;

import com.opencsv.CSVWriter;
import io.reclab.data.DatasetInfo;
import io.reclab.run.AtomicFiles;
import io.reclab.run.Json;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import io.reclab.run.TrainingLog;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes plausible run folders for report tests: run.json records whose metric means are the means of the
 * per-user CSV columns generated beside them, from a seeded RNG. User difficulty is shared by every trial of a
 * fixture (so paired tests see the usual correlation between models); model quality shifts the values and the
 * trial seed adds noise.
 */
final class RunFixture {
    static final List<String> RECALL_METRICS = List.of("recall@10", "recall@20", "ndcg@10", "ndcg@20",
            "precision@10", "hit@10", "mrr@10", "popularity@10");

    final Path dir;
    final int users;
    final double[] difficulty;
    final int[] nTrain;
    String[] userIds;
    boolean withAttributes = true;
    String evalMode = "full";
    List<String> recallMetrics = RECALL_METRICS;

    RunFixture(Path dir, long seed, int users) throws IOException {
        this.dir = dir;
        this.users = users;
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(seed);
        difficulty = new double[users];
        nTrain = new int[users];
        userIds = new String[users];
        for (int u = 0; u < users; u++) {
            difficulty[u] = rng.nextDouble(0.2, 1.0);
            nTrain[u] = 1 + (int) Math.floor(-Math.log(1 - rng.nextDouble()) * 40);
            userIds[u] = "u" + (u + 1);
        }
    }

    RunFixture config(String text) throws IOException {
        AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), text);
        return this;
    }

    static RunRecord.EvalProtocol protocol(String mode) {
        return new RunRecord.EvalProtocol(mode, "sampled".equals(mode) ? 100 : 0, List.of(10, 20), true, true,
                940, 3, "binary relevance, log2(i+1) discount, IDCG over min(|T_u|,K)");
    }

    RunRecord record(String trial, String stage, String model, Map<String, String> sweep, long seed, String status,
                     Map<String, Map<String, Double>> metrics, Map<String, List<TrainingLog.Point>> curves,
                     String error) {
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("seed", seed);
        seeds.put("recall." + model, seed * 31 + 7);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("factors", sweep.getOrDefault("recall." + model + ".factors", "64"));
        params.put("seed", String.valueOf(seed));
        return new RunRecord("ml100k-recall", trial, status, stage, model, params, sweep, seeds,
                new DatasetInfo("ml-100k", "/work/shared/data/ml-100k", "4e3f0c1d2b6a5f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e",
                        943, 1682, 100000),
                new RunRecord.SplitInfo("random 80/10/10 per user", 80000, 10000, 10000), protocol(evalMode),
                new RunRecord.EnvironmentInfo("17.0.12", "Linux 6.1", "amd64", 2, "7da11d1", "0.1.0-SNAPSHOT", "in-process"),
                Map.of("fit", 1.5 + seed % 3, "evaluate", 0.25), new RunRecord.Metrics(Map.of(), metrics, Map.of()), null,
                curves, Map.of(),
                "2025-01-01T10:00:00Z", "completed".equals(status) ? "2025-01-01T10:00:02Z" : null, error);
    }

    /** A completed recall trial; returns the per-user value matrix [metric][user] it wrote. */
    double[][] recallTrial(String trial, String model, double quality, Map<String, String> sweep, long seed)
            throws IOException {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + model.hashCode());
        double[][] v = new double[recallMetrics.size()][users];
        for (int u = 0; u < users; u++) {
            double base = quality * difficulty[u] * (1 + 0.2 * Math.log1p(nTrain[u]) / 3) + rng.nextGaussian() * 0.05;
            boolean miss = rng.nextDouble() < 0.25;
            for (int m = 0; m < recallMetrics.size(); m++) {
                String id = recallMetrics.get(m);
                int k = MetricDirection.cutoff(id);
                double x;
                if (id.startsWith("popularity")) x = 200 * (1.2 - quality) + rng.nextGaussian() * 10;
                else if (miss) x = 0;
                else x = Math.min(1, Math.max(0, base * Math.sqrt(Math.max(k, 1) / 10.0) + rng.nextGaussian() * 0.02));
                v[m][u] = x;
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (int m = 0; m < recallMetrics.size(); m++) means.put(recallMetrics.get(m), mean(v[m]));
        Path t = dir.resolve(trial);
        Files.createDirectories(t);
        writePerUser(t.resolve(RunFiles.perUser("recall")), recallMetrics, v);
        Map<String, List<TrainingLog.Point>> curves = new LinkedHashMap<>();
        List<TrainingLog.Point> loss = new ArrayList<>();
        List<TrainingLog.Point> val = new ArrayList<>();
        for (int e = 1; e <= 10; e++) {
            loss.add(new TrainingLog.Point(e, 0.7 * Math.exp(-0.25 * e) + 0.1 + rng.nextDouble() * 0.01));
            val.add(new TrainingLog.Point(e, quality * 0.3 * (1 - Math.exp(-0.4 * e))));
        }
        curves.put("loss", loss);
        curves.put("valid.ndcg@10", val);
        Json.writeAtomic(t.resolve(RunFiles.RUN_JSON), record(trial, "recall", model, sweep, seed,
                RunFiles.STATUS_COMPLETED, Map.of("recall", means), curves, null));
        return v;
    }

    /** A completed ranker trial with predictions (labels ~ Bernoulli(sigmoid(true logit)), scores noisy). */
    void rankTrial(String trial, String model, double skill, long seed, int samplesPerUser) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed * 7919L + model.hashCode());
        Path t = dir.resolve(trial);
        Files.createDirectories(t);
        StringWriter pred = new StringWriter();
        double[] auc = new double[users];
        double[] ll = new double[users];
        double sumLl = 0;
        int total = 0;
        List<double[]> all = new ArrayList<>();
        try (CSVWriter w = new CSVWriter(pred)) {
            w.writeNext(new String[]{"user", "label", "score"}, false);
            for (int u = 0; u < users; u++) {
                double[] s = new double[samplesPerUser];
                int[] y = new int[samplesPerUser];
                double userLl = 0;
                for (int i = 0; i < samplesPerUser; i++) {
                    double z = rng.nextGaussian() * 1.5 - 1;
                    y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
                    double p = 1 / (1 + Math.exp(-(skill * z + (1 - skill) * rng.nextGaussian() * 1.5 - 1)));
                    s[i] = p;
                    double pc = Math.min(1 - 1e-7, Math.max(1e-7, p));
                    userLl += -(y[i] * Math.log(pc) + (1 - y[i]) * Math.log(1 - pc));
                    w.writeNext(new String[]{userIds[u], String.valueOf(y[i]), String.valueOf(p)}, false);
                    all.add(new double[]{y[i], p});
                }
                sumLl += userLl;
                total += samplesPerUser;
                ll[u] = userLl / samplesPerUser;
                auc[u] = aucOf(y, s);
            }
        }
        Files.writeString(t.resolve(RunFiles.PREDICTIONS_RANK), pred.toString());
        int[] y = new int[all.size()];
        double[] s = new double[all.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) all.get(i)[0];
            s[i] = all.get(i)[1];
        }
        writePerUser(t.resolve(RunFiles.perUser("rank")), List.of("auc", "logloss"), new double[][]{auc, ll});
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", aucOf(y, s));
        m.put("logloss", sumLl / total);
        Json.writeAtomic(t.resolve(RunFiles.RUN_JSON), record(trial, "rank", model, Map.of(), seed,
                RunFiles.STATUS_COMPLETED, Map.of("rank", m), Map.of(), null));
    }

    void pipelineTrial(String trial, String model, long seed) throws IOException {
        Path t = dir.resolve(trial);
        Files.createDirectories(t);
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("recall", Map.of("recall@100", 0.42, "hit@100", 0.81));
        m.put("rank", Map.of("recall@10", 0.18, "ndcg@10", 0.21, "hit@10", 0.55));
        Json.writeAtomic(t.resolve(RunFiles.RUN_JSON), record(trial, "pipeline", model, Map.of(), seed,
                RunFiles.STATUS_COMPLETED, m, Map.of(), null));
    }

    void incompleteTrial(String trial, String model, String status, String error) throws IOException {
        Path t = dir.resolve(trial);
        Files.createDirectories(t);
        Json.writeAtomic(t.resolve(RunFiles.RUN_JSON), record(trial, "recall", model, Map.of(), 1, status,
                Map.of(), Map.of(), error));
    }

    private void writePerUser(Path file, List<String> metrics, double[][] v) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVWriter w = new CSVWriter(out)) {
            List<String> header = new ArrayList<>();
            header.add("user");
            header.addAll(metrics);
            if (withAttributes) {
                header.add("n_train");
                header.add("pop_bucket");
            }
            w.writeNext(header.toArray(new String[0]), false);
            for (int u = 0; u < users; u++) {
                List<String> row = new ArrayList<>();
                row.add(userIds[u]);
                for (double[] col : v) row.add(String.valueOf(col[u]));
                if (withAttributes) {
                    row.add(String.valueOf(nTrain[u]));
                    row.add(u % 3 == 0 ? "head" : u % 3 == 1 ? "torso" : "tail");
                }
                w.writeNext(row.toArray(new String[0]), true);
            }
        }
        Files.writeString(file, out.toString());
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Brute-force AUC: fraction of (positive, negative) pairs ordered correctly, ties 1/2. */
    static double aucOf(int[] y, double[] s) {
        long pos = 0, neg = 0;
        double good = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1) continue;
            pos++;
            for (int j = 0; j < y.length; j++) {
                if (y[j] != 0) continue;
                good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        for (int v : y) if (v == 0) neg++;
        return pos == 0 || neg == 0 ? Double.NaN : good / (pos * (double) neg);
    }
}
