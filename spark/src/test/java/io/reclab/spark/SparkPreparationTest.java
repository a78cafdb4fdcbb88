package io.reclab.spark;

import io.reclab.data.Interactions;
import io.reclab.engine.Engines;
import io.reclab.run.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spark's load, clean, encode and split give the in-process parts exactly: same ids, rows, order and parts. */
class SparkPreparationTest {
    @AfterAll
    static void stop() { Engines.closeAll(); }

    static void assertSameLog(Interactions a, Interactions b, String what) {
        assertEquals(a.users().externals(), b.users().externals(), what + ": user ids");
        assertEquals(a.items().externals(), b.items().externals(), what + ": item ids");
        assertArrayEquals(a.userColumn(), b.userColumn(), what + ": user column");
        assertArrayEquals(a.itemColumn(), b.itemColumn(), what + ": item column");
        assertArrayEquals(a.valueColumn(), b.valueColumn(), what + ": values");
        assertArrayEquals(a.timeColumn(), b.timeColumn(), what + ": times");
    }

    static void assertSameSplit(DataSource.Log in, DataSource.Log sp) {
        assertSameLog(in.dataset().interactions(), sp.dataset().interactions(), "log");
        assertSameLog(in.split().train(), sp.split().train(), "train");
        assertSameLog(in.split().valid(), sp.split().valid(), "valid");
        assertSameLog(in.split().test(), sp.split().test(), "test");
        assertEquals(in.split().protocol(), sp.split().protocol());
    }

    @Test
    void randomPerUserSplitOfTheSyntheticLogIsTheInProcessOne() throws Exception {
        assertSameSplit(Plans.log(Plans.plan("quickstart")), Plans.log(Plans.onSpark("quickstart")));
    }

    @Test
    void theWrittenPartsReadBackAsParquetGiveTheSameLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String out = dir.resolve("parts").toString();
        DataSource.Log first = Plans.log(Plans.onSpark("quickstart", "spark.output=\"" + out + "\""));
        DataSource.Log again = Plans.log(Plans.onSpark("quickstart", "dataset=parquet", "dataset.path=\"" + out + "\"",
                "dataset.columns.user=u", "dataset.columns.item=i", "dataset.columns.rating=value", "dataset.columns.time=time",
                "dataset.columns.row=row"));
        Interactions a = first.dataset().interactions(), b = again.dataset().interactions();
        // the same rows in the same order; the ids come back as the written dense ids' decimal strings
        assertEquals(a.size(), b.size());
        assertEquals(a.numUsers(), b.numUsers());
        for (int r = 0; r < a.size(); r++) {
            assertEquals(String.valueOf(a.user(r)), b.users().external(b.user(r)));
            assertEquals(String.valueOf(a.item(r)), b.items().external(b.item(r)));
        }
        assertArrayEquals(a.valueColumn(), b.valueColumn());
        assertArrayEquals(a.timeColumn(), b.timeColumn());
    }

    @Test
    void parquetInProcessSaysItNeedsTheSparkEngine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.reclab.config.ConfigError.class,
                () -> Plans.log(Plans.plan("quickstart", "dataset=parquet", "dataset.path=/data/log.parquet")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("add engine=spark"), e.getMessage());
    }
}
