package io.reclab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Run folders exercising every report section, shared by the escaping and browser tests. */
final class DemoRuns {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    private DemoRuns() {}

    /** A run with seeds, a sweep, rankers with predictions, a pipeline, a failed and a running trial, and XSS payloads. */
    static Path full(Path dir, int users) throws IOException {
        RunFixture f = new RunFixture(dir, 11, users);
        f.userIds[0] = SCRIPT;
        f.userIds[1] = IMG;
        f.config("dataset = ml-100k\nrecall.bpr.factors = 64\nrecall.bpr.note = \"" + IMG.replace("\"", "\\\"")
                + "\"\nrecall.payload = \"" + SCRIPT + "\"\nseed = 1\n");
        for (String factors : List.of("32", "64", "128")) {
            for (long seed = 1; seed <= 2; seed++) {
                f.recallTrial("bpr-f" + factors + "-s" + seed, "bpr", 0.4 + Integer.parseInt(factors) / 640.0,
                        Map.of("recall.bpr.factors", factors, "seed", String.valueOf(seed)), seed);
            }
        }
        f.recallTrial("itemcf", "itemcf", 0.45, Map.of(), 1);
        f.recallTrial("xss-model", SCRIPT, 0.3, Map.of(), 1);
        f.recallTrial("xss-model-2", IMG, 0.2, Map.of(), 1);
        f.rankTrial("deepfm", "deepfm", 0.8, 1, 12);
        f.rankTrial("lr", "lr", 0.5, 1, 12);
        f.pipelineTrial("pipeline-itemcf-deepfm", "itemcf+deepfm", 1);
        f.incompleteTrial("lightgcn", "lightgcn", "failed", "IllegalStateException: NaN loss " + SCRIPT);
        f.incompleteTrial("als", "als", "running", null);
        return dir;
    }

    /** {@code models} recall models scored on 20 metrics (recall/ndcg/precision/hit/mrr/map at 5, 10, 20 + 2 more). */
    static Path wide(Path dir, int models, int users) throws IOException {
        RunFixture f = new RunFixture(dir, 5, users);
        List<String> metrics = new ArrayList<>();
        for (String fam : List.of("recall", "ndcg", "precision", "hit", "mrr", "map")) {
            for (int k : new int[]{5, 10, 20}) metrics.add(fam + "@" + k);
        }
        metrics.add("popularity@10");
        metrics.add("coverage@10");
        f.recallMetrics = metrics;
        f.withAttributes = true;
        f.config("experiment = wide\n");
        for (int m = 0; m < models; m++) {
            f.recallTrial(String.format("model-%02d", m), String.format("model-%02d", m), 0.2 + 0.6 * m / models,
                    Map.of(), m + 1);
        }
        return dir;
    }
}
