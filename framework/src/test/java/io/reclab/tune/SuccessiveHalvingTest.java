package io.reclab.tune;

import io.reclab.run.TrainingLog;
import io.reclab.run.TrialPruned;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SuccessiveHalvingTest {
    private static final String S = "valid.ndcg@10";

    /** Feeds a scripted curve (value at epochs 1..n) through a trial's log; returns the epoch it was pruned at, or -1. */
    private static int feed(SuccessiveHalving sh, double[] curve) {
        TrainingLog log = new TrainingLog(sh.observer());
        for (int e = 1; e <= curve.length; e++) {
            try {
                log.record("loss", e, 1.0 / e);   // other series are ignored
                log.record(S, e, curve[e - 1]);
            } catch (TrialPruned p) {
                return e;
            }
        }
        return -1;
    }

    private static double[] flat(double v, int n) {
        double[] c = new double[n];
        java.util.Arrays.fill(c, v);
        return c;
    }

    @Test
    void rungsSitAtMinEpochsTimesPowersOfEta() {
        SuccessiveHalving sh = new SuccessiveHalving(S, 2, 3);
        assertEquals(2, sh.rungEpoch(0));
        assertEquals(6, sh.rungEpoch(1));
        assertEquals(18, sh.rungEpoch(2));
    }

    @Test
    void trialsBelowTheTopThirdStopAtTheirRung() {
        SuccessiveHalving sh = new SuccessiveHalving(S, 2, 3);
        // the first two trials fill rung 0 (fewer than eta values: nobody is judged yet)
        assertEquals(-1, feed(sh, flat(0.30, 20)));
        assertEquals(-1, feed(sh, flat(0.20, 20)));
        // a third, worse than the best of three at epoch 2: stopped there
        assertEquals(2, feed(sh, flat(0.10, 20)));
        // a good one passes rung 0 (epoch 2) but falls behind at rung 1 (epoch 6): values {0.30, 0.20, x}
        double[] late = flat(0.35, 20);
        for (int e = 6; e <= 20; e++) late[e - 1] = 0.05;
        assertEquals(6, feed(sh, late));
        // the best curve everywhere is never stopped
        assertEquals(-1, feed(sh, flat(0.50, 20)));
    }

    @Test
    void replayingFinishedCurvesPrunesAsTheUninterruptedRunWould() {
        double[][] curves = {flat(0.30, 20), flat(0.20, 20), flat(0.25, 20), flat(0.10, 20)};
        SuccessiveHalving straight = new SuccessiveHalving(S, 2, 3);
        List<Integer> expected = new ArrayList<>();
        for (double[] c : curves) expected.add(feed(straight, c));
        // resume after the first two trials: rebuild the rungs from their curves, then run the rest
        SuccessiveHalving resumed = new SuccessiveHalving(S, 2, 3);
        for (int i = 0; i < 2; i++) {
            List<TrainingLog.Point> pts = new ArrayList<>();
            for (int e = 1; e <= 20; e++) pts.add(new TrainingLog.Point(e, curves[i][e - 1]));
            resumed.replay(pts);
        }
        List<Integer> got = new ArrayList<>(expected.subList(0, 2));
        for (int i = 2; i < 4; i++) got.add(feed(resumed, curves[i]));
        assertEquals(expected, got);
        assertEquals(2, expected.get(3), "the worst curve is stopped at the first rung");
    }
}
