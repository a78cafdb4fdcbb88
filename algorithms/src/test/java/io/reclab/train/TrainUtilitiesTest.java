package io.reclab.train;

import io.reclab.util.Parallel;
import io.reclab.util.Seeds;
import io.reclab.data.Csr;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.Validator;
import io.reclab.run.TrainingLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class TrainUtilitiesTest {
    /** A model whose "parameters" are just the epoch count; the validator reads it back through score(). */
    private static final class Counter implements EpochLoop.Trainee<Integer> {
        int epoch;
        @Override public double trainEpoch(int e) { epoch = e; return 10.0 / e; }
        @Override public Integer snapshot() { return epoch; }
    }

    private static Validator scripted(double... byEpoch) {
        return new Validator() {
            @Override public String metricId() { return "ndcg@10"; }
            @Override public double validate(FittedRecaller m) { return byEpoch[(int) m.score(0)[0] - 1]; }
        };
    }

    private static TrainContext ctx(TrainingLog log, Validator v) {
        Interactions empty = new Interactions(new int[0], new int[0], new float[0], new long[0], IdMap.identity(1), IdMap.identity(1));
        return new TrainContext(empty, empty, null, null, 1, 1, log, v);
    }

    @Test
    void earlyStoppingKeepsBestEpochAndStopsAfterPatience() {
        // validated every 2 epochs: epochs 2, 4, 6, 8 score .3, .5, .4, .45 -> best epoch 4, two misses -> stop at 8
        double[] scores = {0, .3, 0, .5, 0, .4, 0, .45, 0, .9};
        TrainingLog log = new TrainingLog();
        EpochLoop.Result<Integer> r = EpochLoop.run("t", 10, new EarlyStopping.Config(2, 2), ctx(log, scripted(scores)),
                new Counter(), EpochLoopTestSupport::asModel);
        assertEquals(4, r.model());
        assertEquals(4, r.bestEpoch());
        assertEquals(8, r.epochsRun());
        assertEquals(.5, r.bestScore());
        assertEquals(8, log.series().get("loss").size());
        assertEquals(List.of(2, 4, 6, 8), log.series().get("valid.ndcg@10").stream().map(TrainingLog.Point::epoch).toList());
        assertEquals(10.0 / 3, log.series().get("loss").get(2).value(), 1e-12);
    }

    @Test
    void withoutValidatorAllEpochsRunAndLastEpochIsValidatedWhenOffSchedule() {
        TrainingLog log = new TrainingLog();
        EpochLoop.Result<Integer> r = EpochLoop.run("t", 5, new EarlyStopping.Config(1, 10), ctx(log, null), new Counter(), EpochLoopTestSupport::asModel);
        assertEquals(5, r.model());
        assertNull(log.series().get("valid.ndcg@10"));
        TrainingLog log2 = new TrainingLog();
        // valid-every 10 > epochs: only the last epoch (5) is validated
        EpochLoop.run("t", 5, new EarlyStopping.Config(1, 10), ctx(log2, scripted(1, 2, 3, 4, 5)), new Counter(), EpochLoopTestSupport::asModel);
        assertEquals(List.of(5), log2.series().get("valid.ndcg@10").stream().map(TrainingLog.Point::epoch).toList());
    }

    @Test
    void nanScoresNeverWin() {
        EarlyStopping<String> es = new EarlyStopping<>(new EarlyStopping.Config(3, 1));
        assertFalse(es.offer(1, Double.NaN, "a"));
        assertFalse(es.offer(2, 0.1, "b"));
        assertFalse(es.offer(3, Double.NaN, "c"));
        assertEquals("b", es.best());
        assertEquals(2, es.bestEpoch());
    }

    @Test
    void progressBarDrawsOnlyWithAStreamAndFormatsEta() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long[] now = {0};
        ProgressBar bar = new ProgressBar("bpr", 4, new PrintStream(buf, true, StandardCharsets.UTF_8), () -> now[0]);
        now[0] = 2_000_000_000L; // 2 s for the first epoch -> 3 epochs left at 2 s each = 6 s
        bar.update(1, 0.6931);
        bar.finish();
        String s = buf.toString(StandardCharsets.UTF_8);
        assertEquals("\rbpr epoch 1/4 [######..................] loss 0.69310 ETA 6s" + System.lineSeparator(), s);
        assertEquals("1m05s", ProgressBar.formatSeconds(65));
        assertEquals("2h01m", ProgressBar.formatSeconds(7260));
        // no console under the test runner: the default prints plain lines, not a redrawn bar
        if (System.console() == null) assertFalse(new ProgressBar("x", 3).redraws());
    }

    @Test
    void withoutATerminalPlainLinesComeAtTheIntervalWithValidationAndEta() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long[] now = {0};
        ProgressBar bar = new ProgressBar("bpr", 100, new PrintStream(buf, true, StandardCharsets.UTF_8), false, 30, () -> now[0]);
        now[0] = 10_000_000_000L;
        bar.update(1, 0.5); // 10 s in: under the interval, nothing yet
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        bar.validation("valid ndcg@10 0.2500 (best 0.2500 @ 2)");
        now[0] = 40_000_000_000L;
        bar.update(4, 0.25); // 40 s for 4 epochs -> 96 left at 10 s = 960 s
        now[0] = 50_000_000_000L;
        bar.update(5, 0.2); // 10 s after the last line: skipped
        bar.finish();
        assertEquals("  bpr epoch 4/100 loss 0.25000 valid ndcg@10 0.2500 (best 0.2500 @ 2) elapsed 40s ETA 16m00s"
                + System.lineSeparator(), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void samplerNegativesAreNeverPositivesAndDoNotDependOnThreads() {
        SplittableRandom r = new SplittableRandom(1);
        int users = 30, items = 12, nnz = 200;
        int[] u = new int[nnz], i = new int[nnz];
        for (int t = 0; t < nnz; t++) { u[t] = 2 + r.nextInt(users - 2); i[t] = r.nextInt(items); }
        // user 0 holds every item but one, user 1 every item: it has no negatives and is left out
        int[] u2 = java.util.Arrays.copyOf(u, nnz + 2 * items), i2 = java.util.Arrays.copyOf(i, nnz + 2 * items);
        for (int t = 0; t < items; t++) { u2[nnz + t] = 1; i2[nnz + t] = t; }
        for (int t = 0; t < items - 1; t++) { u2[nnz + items + t] = 0; i2[nnz + items + t] = t; }
        int n = nnz + 2 * items - 1;
        Interactions log = new Interactions(java.util.Arrays.copyOf(u2, n), java.util.Arrays.copyOf(i2, n), new float[n], new long[n],
                IdMap.identity(users), IdMap.identity(items));
        Csr m = log.byUser();
        for (String mode : PairSampler.MODES) {
            PairSampler s = new PairSampler(m, mode, 3);
            assertEquals(n - m.rowLength(1), s.size());
            int[][] a = new int[3][s.size()], b = new int[3][s.size()];
            try (Parallel p1 = new Parallel(1); Parallel p2 = new Parallel(2)) {
                s.sampleEpoch(2, p1, a[0], a[1], a[2]);
                s.sampleEpoch(2, p2, b[0], b[1], b[2]);
            }
            for (int x = 0; x < 3; x++) assertArrayEquals(a[x], b[x], mode);
            for (int t = 0; t < s.size(); t++) {
                assertTrue(m.contains(a[0][t], a[1][t]));
                assertFalse(m.contains(a[0][t], a[2][t]), mode + ": negative is a positive");
                assertNotEquals(1, a[0][t]);
                if (a[0][t] == 0) assertEquals(items - 1, a[2][t]);
            }
        }
    }

    @Test
    void aliasTableFollowsWeights() {
        // weights 1:2:7 -> probabilities .1, .2, .7; 100k draws, sd of a share <= sqrt(.25/1e5) = .0016
        AliasTable t = new AliasTable(new double[]{1, 2, 7, 0});
        SplittableRandom r = new SplittableRandom(1);
        int[] c = new int[4];
        for (int x = 0; x < 100_000; x++) c[t.sample(r)]++;
        assertEquals(0.1, c[0] / 1e5, 0.008);
        assertEquals(0.2, c[1] / 1e5, 0.008);
        assertEquals(0.7, c[2] / 1e5, 0.008);
        assertEquals(0, c[3]);
    }

    @Test
    void parallelRangesCoverEverythingOnceAndBalancedBoundsFollowCost() {
        int[] hits = new int[1000];
        try (Parallel p = new Parallel(2)) {
            p.forRanges(1000, 7, (part, from, to) -> { for (int x = from; x < to; x++) hits[x]++; });
        }
        for (int h : hits) assertEquals(1, h);
        // rows costing 0, 10, 0, 10 (base 0): two parts split after row 1
        assertArrayEquals(new int[]{0, 2, 4}, Parallel.balancedBounds(new int[]{0, 0, 10, 10, 20}, 4, 2, 0));
        RuntimeException boom = assertThrows(RuntimeException.class, () -> {
            try (Parallel p = new Parallel(2)) { p.forEach(4, t -> { if (t == 2) throw new IllegalStateException("task 2"); }); }
        });
        assertEquals("task 2", boom.getMessage());
    }

    @Test
    void seedsDifferByCoordinate() {
        assertEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 2, 3));
        assertNotEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 3, 2));
        assertNotEquals(Seeds.derive(1, 2), Seeds.derive(2, 2));
    }
}
