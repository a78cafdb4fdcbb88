package io.reclab.spark;

import io.reclab.engine.Engines;
import io.reclab.run.ExperimentRunner;
import io.reclab.run.RunRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MLlib's ALS (spark-als) against reclab's own als on the same split, both with their shipped defaults: the same
 * quality within a stated tolerance on MovieLens 100K (the solvers and ridge terms differ, so not exactly; reclab's
 * als also stops early on validation), and well above popularity on the synthetic data.
 */
class SparkAlsTest {
    /** Allowed gaps on MovieLens 100K: valid Recall@10 (what both were tuned on) and test NDCG@10. */
    static final double VALID_TOLERANCE = 0.01, TEST_TOLERANCE = 0.03;

    @TempDir
    Path runs;

    @AfterAll
    static void stop() { Engines.closeAll(); }

    @Test
    void sparkAlsMatchesReclabAlsWithinToleranceOnMovieLens100k() throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of("../../shared/data/ml-100k");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(data), data + " not found (the shared data beside the project); skipping");
        ExperimentRunner.Result r = Plans.run(runs, "ml100k-recall", Plans.spark("recall=[als,spark-als]",
                "dataset.path=\"" + data.toAbsolutePath().normalize() + "\""));
        assertEquals(0, r.failed());
        double validAls = metric(r, "als", false, "recall@10"), validSpark = metric(r, "spark-als", false, "recall@10");
        double testAls = metric(r, "als", true, "ndcg@10"), testSpark = metric(r, "spark-als", true, "ndcg@10");
        assertTrue(Math.abs(validSpark - validAls) <= VALID_TOLERANCE, "valid recall@10: spark-als " + validSpark + " vs als " + validAls);
        assertTrue(Math.abs(testSpark - testAls) <= TEST_TOLERANCE, "test ndcg@10: spark-als " + testSpark + " vs als " + testAls);
    }

    @Test
    void sparkAlsLearnsThePlantedStructure() throws Exception {
        ExperimentRunner.Result r = Plans.run(runs, "quickstart", Plans.spark("recall=[pop,spark-als]"));
        assertEquals(0, r.failed());
        double pop = metric(r, "pop", true, "ndcg@10"), spark = metric(r, "spark-als", true, "ndcg@10");
        assertTrue(spark > pop + 0.05, "spark-als " + spark + " vs pop " + pop);
    }

    @Test
    void sparkAlsOutsideTheSparkEngineFailsItsTrialSayingWhatToAdd() throws Exception {
        ExperimentRunner.Result r = Plans.run(runs.resolve("in"), "quickstart", "recall=[pop,spark-als]");
        assertEquals(1, r.failed());
        RunRecord failed = r.records().get(1);
        assertEquals("spark-als", failed.trial());
        assertTrue(failed.error().contains("add engine=spark"), failed.error());
    }

    private static double metric(ExperimentRunner.Result r, String trial, boolean test, String metric) {
        for (RunRecord x : r.records())
            if (x.trial().equals(trial)) return (test ? x.metrics().test() : x.metrics().valid()).get("recall").get(metric);
        throw new AssertionError("no trial " + trial);
    }
}
