package io.reclab.spark;

import io.reclab.engine.Engines;
import io.reclab.run.ExperimentRunner;
import io.reclab.run.RunRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both engines on the real MovieLens files beside the project ({@code ../shared/data}): the same parts from
 * u.data (tab separated) and from ratings.csv (with its header), through every preprocessing step and both
 * splits the Spark engine runs, and the same metrics for the deterministic models. Skips, saying so, without
 * the data.
 */
class SparkRealDataTest {
    static final Path ML100K = Path.of("../../shared/data/ml-100k");
    static final Path SMALL = Path.of("../../shared/data/ml-latest-small");

    @TempDir
    Path runs;

    @AfterAll
    static void stop() { Engines.closeAll(); }

    private static String path(Path p) {
        Assumptions.assumeTrue(Files.isDirectory(p), p + " not found (the shared data beside the project); skipping");
        return "dataset.path=\"" + p.toAbsolutePath().normalize() + "\"";
    }

    @Test
    void movieLens100kRandomSplitAndMetricsMatch() throws Exception {
        String[] o = {path(ML100K), "recall=[pop,itemcf]"};
        SparkPreparationTest.assertSameSplit(Plans.log(Plans.plan("ml100k-recall", o)), Plans.log(Plans.onSpark("ml100k-recall", o)));
        ExperimentRunner.Result in = Plans.run(runs.resolve("in"), "ml100k-recall", o);
        ExperimentRunner.Result sp = Plans.run(runs.resolve("spark"), "ml100k-recall", Plans.spark(o));
        for (int t = 0; t < in.records().size(); t++) {
            RunRecord a = in.records().get(t), b = sp.records().get(t);
            assertEquals(a.trial(), b.trial());
            assertEquals(a.metrics().test(), b.metrics().test(), a.trial());
            assertEquals(a.metrics().valid(), b.metrics().valid(), a.trial());
        }
    }

    @Test
    void preprocessingAndLeaveOneOutMatch() throws Exception {
        String[] o = {path(ML100K), "recall=[pop]", "split=leave-one-out", "dataset.preprocess.dedupe=last",
                "dataset.preprocess.min-rating=4", "dataset.preprocess.user-core=10", "dataset.preprocess.item-core=10"};
        SparkPreparationTest.assertSameSplit(Plans.log(Plans.plan("ml100k-recall", o)), Plans.log(Plans.onSpark("ml100k-recall", o)));
    }

    @Test
    void movieLensCsvWithHeaderMatches() throws Exception {
        String[] o = {path(SMALL), "recall=[pop]", "dataset.preprocess.binarize=true", "dataset.preprocess.item-core=3"};
        SparkPreparationTest.assertSameSplit(Plans.log(Plans.plan("ml-latest-small", o)), Plans.log(Plans.onSpark("ml-latest-small", o)));
    }
}
