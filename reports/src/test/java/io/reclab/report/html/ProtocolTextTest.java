package io.reclab.report.html;

import io.reclab.run.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProtocolTextTest {
    @Test
    void skippedUsersGetTheReasonOfTheirProtocol() {
        String ranking = ProtocolText.evaluation(new RunRecord.EvalProtocol("full", 0, List.of(10), true, false, 900, 43, null));
        assertTrue(ranking.contains("900 users evaluated, 43 skipped (no test items)."), ranking);
        String ctr = ProtocolText.evaluation(new RunRecord.EvalProtocol("pointwise", 0, List.of(), false, false, 900, 12, null));
        assertTrue(ctr.contains("12 left out of GAUC (their test rows are all positive or all negative"), ctr);
        assertFalse(ctr.contains("no test items"), ctr);
    }
}
