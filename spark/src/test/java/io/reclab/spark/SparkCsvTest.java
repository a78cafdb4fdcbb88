package io.reclab.spark;

import io.reclab.data.DataFormatException;
import io.reclab.engine.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The csv format on Spark: header names, RFC 4180 quotes, string ids, a log without times, and bad lines. */
class SparkCsvTest {
    @TempDir
    Path dir;

    @AfterAll
    static void stop() { Engines.closeAll(); }

    private String[] csv(Path f) {
        return new String[]{"dataset=csv", "dataset.path=\"" + f.toAbsolutePath() + "\"", "dataset.columns.user=who",
                "dataset.columns.item=what", "dataset.columns.rating=stars", "recall=[pop]", "split=random",
                "dataset.preprocess.dedupe=first"};
    }

    @Test
    void quotedFieldsStringIdsAndRowIndexTimesMatchTheInProcessLoader() throws Exception {
        StringBuilder sb = new StringBuilder("what,stars,who\n");
        java.util.Random r = new java.util.Random(7);
        for (int k = 0; k < 3000; k++) {
            int u = r.nextInt(60), i = r.nextInt(90);
            sb.append(i % 7 == 0 ? "\"item, " + i + "\"" : "i" + i).append(',').append(1 + r.nextInt(5)).append(',')
                    .append(" u").append(u).append('\n');
            if (k % 500 == 0) sb.append('\n'); // blank lines are skipped by both
        }
        Path f = dir.resolve("log.csv");
        Files.writeString(f, sb);
        var in = Plans.log(Plans.plan("quickstart", csv(f)));
        var sp = Plans.log(Plans.onSpark("quickstart", csv(f)));
        SparkPreparationTest.assertSameSplit(in, sp);
        assertTrue(in.dataset().interactions().items().externals().contains("item, 14"));
    }

    @Test
    void aMalformedLineNamesTheFileAndLine() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "who,what,stars\nu1,i1,4\nu2,i2,four\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> Plans.log(Plans.onSpark("quickstart", csv(f))));
        assertTrue(e.getMessage().contains("bad.csv:3:") && e.getMessage().contains("four"), e.getMessage());
    }

    @Test
    void aSplitTheEngineDoesNotRunIsRefusedBeforeAnyDataIsRead() {
        var e = assertThrows(io.reclab.config.ConfigError.class, () -> Plans.log(Plans.onSpark("quickstart", "split=temporal")));
        assertTrue(e.getMessage().contains("split.method = temporal") && e.getMessage().contains("engine=spark"), e.getMessage());
    }
}
