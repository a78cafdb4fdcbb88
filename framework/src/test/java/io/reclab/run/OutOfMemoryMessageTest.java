package io.reclab.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OutOfMemoryMessageTest {
    @Test
    void namesTheHeapAndTheSettingThatRaisesIt() {
        String m = TrialRunner.oneLine(new OutOfMemoryError("Java heap space"));
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        String twice = mb >= 1024 ? ((2 * mb + 1023) / 1024) + "g" : (2 * mb) + "m";
        assertTrue(m.startsWith("out of memory (Java heap space) with a "), m);
        assertTrue(m.contains("maximum heap") && m.contains("RECLAB_JAVA_OPTS=-Xmx" + twice + " "), m);
        assertFalse(m.contains("\n"), "one line");
    }
}
