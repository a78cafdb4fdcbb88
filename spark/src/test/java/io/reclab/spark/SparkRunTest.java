package io.reclab.spark;

import io.reclab.engine.Engines;
import io.reclab.run.ExperimentRunner;
import io.reclab.run.RunRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same experiment and seed on both engines: the deterministic models (Pop, ItemCF in every variant and with the
 * power-user cap) give exactly the same validation and test metrics, and both engines write the same run files.
 */
class SparkRunTest {
    @TempDir
    Path runs;

    @AfterAll
    static void stop() { Engines.closeAll(); }

    private static Map<String, RunRecord> byTrial(ExperimentRunner.Result r) {
        Map<String, RunRecord> m = new LinkedHashMap<>();
        for (RunRecord x : r.records()) m.put(x.trial(), x);
        return m;
    }

    @Test
    void popAndItemCfGiveTheInProcessMetricsExactly() throws Exception {
        assertSameMetrics("plain", "recall=[pop,itemcf]");
    }

    @Test
    void everyItemCfOptionGivesTheInProcessMetricsExactly() throws Exception {
        assertSameMetrics("bars", "recall=[itemcf]", "recall.itemcf.variant=bars", "recall.itemcf.normalize=true",
                "recall.itemcf.iuf=true");
        assertSameMetrics("capped", "recall=[itemcf]", "recall.itemcf.variant=history-topk", "recall.itemcf.max-user-items=10",
                "recall.itemcf.shrinkage=5", "recall.itemcf.neighbors=20");
    }

    @Test
    void theStripesJobGivesTheInProcessMetricsExactly() throws Exception {
        String[] stripes = {"spark.itemcf-job=stripes"};
        assertSameMetrics("stripes", stripes, "recall=[itemcf]", "recall.itemcf.max-user-items=15",
                "recall.itemcf.shrinkage=2", "recall.itemcf.neighbors=30");
        // with iuf the stripes sum the weights in another order: equal up to the double's last bit, here exactly
        assertSameMetrics("stripes-iuf", stripes, "recall=[itemcf]", "recall.itemcf.iuf=true", "recall.itemcf.variant=bars");
    }

    private void assertSameMetrics(String name, String... o) throws Exception {
        assertSameMetrics(name, new String[0], o);
    }

    private void assertSameMetrics(String name, String[] sparkOnly, String... o) throws Exception {
        ExperimentRunner.Result ir = Plans.run(runs.resolve(name + "-in"), "quickstart", o);
        String[] so = java.util.stream.Stream.concat(java.util.Arrays.stream(o), java.util.Arrays.stream(sparkOnly)).toArray(String[]::new);
        ExperimentRunner.Result sr = Plans.run(runs.resolve(name + "-spark"), "quickstart", Plans.spark(so));
        Map<String, RunRecord> in = byTrial(ir), sp = byTrial(sr);
        assertEquals(0, ir.failed());
        assertEquals(0, sr.failed());
        assertEquals(in.keySet(), sp.keySet());
        for (String t : in.keySet()) {
            assertEquals(in.get(t).metrics().valid(), sp.get(t).metrics().valid(), t + " valid");
            assertEquals(in.get(t).metrics().test(), sp.get(t).metrics().test(), t + " test");
            assertTrue(sp.get(t).environment().engine().startsWith("spark (Spark 3.5"), sp.get(t).environment().engine());
            assertEquals("in-process", in.get(t).environment().engine());
            // the same per-user test file, byte for byte
            String f = io.reclab.run.RunFiles.perUser("recall");
            assertEquals(Files.readString(ir.runDir().resolve(t).resolve(f)), Files.readString(sr.runDir().resolve(t).resolve(f)), t);
        }
    }
}
