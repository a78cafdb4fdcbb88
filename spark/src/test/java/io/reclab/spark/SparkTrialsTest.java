package io.reclab.spark;

import io.reclab.engine.Engines;
import io.reclab.run.ExperimentRunner;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep's trials as Spark tasks: the in-process results, written into the run folder, and resumable. */
class SparkTrialsTest {
    @TempDir
    Path runs;

    @AfterAll
    static void stop() { Engines.closeAll(); }

    private static ExperimentRunner runner() {
        return new ExperimentRunner(io.reclab.catalog.Catalogue.components(), new PrintWriter(new StringWriter()));
    }

    @Test
    void sweepTrialsRunAsTasksWithTheInProcessResultsAndResume() throws Exception {
        List<ExperimentRunner.Sweep> sweep = List.of(ExperimentRunner.Sweep.parse("recall.itemcf.neighbors=10,50"));
        List<String> o = List.of("recall=[pop,itemcf]", "threads=1");
        ExperimentRunner.Result in = runner().run(Plans.composer(), "quickstart", o, sweep, runs.resolve("in"));
        List<String> so = List.of(Plans.spark("recall=[pop,itemcf]", "threads=1", "spark.mode=trials"));
        ExperimentRunner.Result sp = runner().run(Plans.composer(), "quickstart", so, sweep, runs.resolve("spark"));
        assertEquals(0, sp.failed());
        assertEquals(in.records().size(), sp.records().size());
        for (int k = 0; k < in.records().size(); k++) {
            RunRecord a = in.records().get(k), b = sp.records().get(k);
            assertEquals(a.trial(), b.trial());
            assertEquals(a.metrics().test(), b.metrics().test(), a.trial());
            assertEquals(a.metrics().valid(), b.metrics().valid(), a.trial());
            assertTrue(Files.isRegularFile(sp.runDir().resolve(b.trial()).resolve(RunFiles.perUser("recall"))), b.trial());
        }
        // an interrupted run: one trial's folder lost; resume runs that trial alone, again as a task
        Path lost = sp.runDir().resolve("itemcf__neighbors=50");
        byte[] before = Files.readAllBytes(lost.resolve(RunFiles.perUser("recall")));
        long untouched = Files.getLastModifiedTime(sp.runDir().resolve("pop__neighbors=10").resolve(RunFiles.RUN_JSON)).toMillis();
        for (Path f : Files.list(lost).toList()) Files.delete(f);
        Files.delete(lost);
        assertFalse(Files.exists(lost));
        ExperimentRunner.Result resumed = runner().resume(Plans.composer(), sp.runDir());
        assertEquals(0, resumed.failed());
        assertEquals(4, resumed.records().size());
        assertEquals(new String(before), Files.readString(lost.resolve(RunFiles.perUser("recall"))));
        assertEquals(untouched, Files.getLastModifiedTime(sp.runDir().resolve("pop__neighbors=10").resolve(RunFiles.RUN_JSON)).toMillis());
    }
}
