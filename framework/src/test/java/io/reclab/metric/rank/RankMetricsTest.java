package io.reclab.metric.rank;

import io.reclab.config.ConfigError;
import io.reclab.eval.rank.RankEvaluator;
import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.MetricResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class RankMetricsTest {
    private static final int[] NO_USERS_4 = {-1, -1, -1, -1};

    /** Brute force: fraction of (positive, negative) pairs ordered correctly, ties 1/2. */
    private static double bruteAuc(float[] s, float[] y) {
        double good = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++)
            for (int j = 0; j < s.length; j++)
                if (y[i] >= 0.5f && y[j] < 0.5f) {
                    pairs++;
                    if (s[i] > s[j]) good += 1;
                    else if (s[i] == s[j]) good += 0.5;
                }
        return good / pairs;
    }

    @Test
    void aucMatchesBruteForcePairCountWithTies() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(60);
            float[] s = new float[n], y = new float[n];
            for (int i = 0; i < n; i++) {
                // few distinct values (and both zero signs) so that ties are frequent
                s[i] = rnd.nextInt(6) / 5f * (rnd.nextBoolean() ? 1 : -1);
                y[i] = rnd.nextInt(3) == 0 ? 1 : 0;
            }
            y[0] = 1;
            y[1] = 0;
            assertEquals(bruteAuc(s, y), Auc.auc(s, y), 1e-12, "trial " + trial);
        }
    }

    @Test
    void aucHandExamples() {
        // perfect ranking
        assertEquals(1.0, Auc.auc(new float[]{0.9f, 0.8f, 0.2f, 0.1f}, new float[]{1, 1, 0, 0}), 0);
        // reversed
        assertEquals(0.0, Auc.auc(new float[]{0.1f, 0.2f, 0.8f, 0.9f}, new float[]{1, 1, 0, 0}), 0);
        // pos {0.8, 0.4}, neg {0.6, 0.4}: pairs (0.8>0.6)=1, (0.8>0.4)=1, (0.4<0.6)=0, (0.4=0.4)=0.5 → 2.5/4
        assertEquals(0.625, Auc.auc(new float[]{0.8f, 0.6f, 0.4f, 0.4f}, new float[]{1, 0, 1, 0}), 1e-12);
        // all tied → 0.5
        assertEquals(0.5, Auc.auc(new float[]{0.3f, 0.3f, 0.3f}, new float[]{1, 0, 0}), 1e-12);
        assertTrue(Double.isNaN(Auc.auc(new float[]{0.3f, 0.5f}, new float[]{1, 1})));
    }

    @Test
    void gaucHandExampleSkipsSingleClassUsers() {
        // user 0: pos 0.9, neg 0.1, neg 0.95 → AUC_0 = 1/2 (0.9>0.1, 0.9<0.95), n_0 = 3
        // user 1: pos 0.7, neg 0.2 → AUC_1 = 1, n_1 = 2
        // user 2: only positives → skipped; samples with user -1 are ignored
        // GAUC = (3 * 0.5 + 2 * 1) / (3 + 2) = 3.5 / 5 = 0.7
        float[] s = {0.9f, 0.1f, 0.95f, 0.7f, 0.2f, 0.4f, 0.5f, 0.01f};
        float[] y = {1, 0, 0, 1, 0, 1, 1, 0};
        int[] u = {0, 0, 0, 1, 1, 2, 2, -1};
        ScoreContext c = new ScoreContext(s, y, u);
        MetricResult r = new Gauc().compute(c);
        assertEquals(0.7, r.value(), 1e-12);
        assertArrayEquals(new int[]{0, 1}, c.userAucs().users());
        assertArrayEquals(new double[]{0.5, 1.0}, r.perUser(), 1e-12);
        assertArrayEquals(new int[]{3, 2}, c.userAucs().counts());
        assertEquals(1, c.userAucs().skipped());
    }

    @Test
    void gaucMatchesBruteForcePerUser() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 300;
        float[] s = new float[n], y = new float[n];
        int[] u = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = rnd.nextInt(10) / 10f;
            y[i] = rnd.nextInt(2);
            u[i] = rnd.nextInt(25);
        }
        double num = 0, den = 0;
        for (int user = 0; user < 25; user++) {
            int m = 0;
            for (int i = 0; i < n; i++) if (u[i] == user) m++;
            float[] su = new float[m], yu = new float[m];
            int k = 0, pos = 0;
            for (int i = 0; i < n; i++) if (u[i] == user) { su[k] = s[i]; yu[k] = y[i]; pos += (int) y[i]; k++; }
            if (pos == 0 || pos == m) continue;
            num += m * bruteAuc(su, yu);
            den += m;
        }
        assertEquals(num / den, new Gauc().compute(new ScoreContext(s, y, u)).value(), 1e-12);
    }

    @Test
    void logLossHandExampleAndClipping() {
        // -(ln 0.8 + ln(1 - 0.4)) / 2 = -(−0.22314355 − 0.51082562) / 2 = 0.36698459
        ScoreContext c = new ScoreContext(new float[]{0.8f, 0.4f}, new float[]{1, 0}, new int[]{-1, -1});
        assertEquals(0.36698459, new LogLoss().compute(c).value(), 1e-6);
        // p = 0 for a positive is clipped to 1e-7: loss = -ln(1e-7) = 16.1180957
        ScoreContext clipped = new ScoreContext(new float[]{0f}, new float[]{1}, new int[]{-1});
        assertEquals(16.1180957, new LogLoss().compute(clipped).value(), 1e-6);
    }

    @Test
    void calibrationHandExample() {
        // mean p = (0.5 + 0.3 + 0.2 + 0.2) / 4 = 0.3; observed rate = 1/4 → 1.2; error 0.2
        ScoreContext c = new ScoreContext(new float[]{0.5f, 0.3f, 0.2f, 0.2f}, new float[]{1, 0, 0, 0}, NO_USERS_4);
        assertEquals(1.2, new Calibration(false).compute(c).value(), 1e-6);
        assertEquals(0.2, new Calibration(true).compute(c).value(), 1e-6);
    }

    @Test
    void parseAndCatalogue() {
        assertEquals("auc", RankMetrics.parse("AUC").id());
        assertEquals("calibration-error", RankMetrics.parse("calibration-error").id());
        for (String id : RankMetrics.catalogue().keySet()) assertEquals(id, RankMetrics.parse(id).id());
        ConfigError e = assertThrows(ConfigError.class, () -> RankMetrics.parse("gaux"));
        assertTrue(e.getMessage().contains("did you mean `gauc`"), e.getMessage());
        assertFalse(new LogLoss().higherIsBetter());
        assertTrue(new Auc().higherIsBetter());
    }

    @Test
    void evaluatorScoresOnceAndReportsSkips() {
        io.reclab.rank.Samples test = new io.reclab.rank.Samples(1, 2, new int[]{0, 1, 2, 3}, new int[]{0, 1, 1},
                new float[]{1, 1, 1}, new int[]{0, 0, 0}, new float[]{1, 0, 1}, new int[]{5, 5, 6}, new String[]{"f"});
        // predicts 0.9 for feature 0, 0.2 for feature 1
        io.reclab.rank.FittedRanker model = s -> {
            float[] p = new float[s.size()];
            for (int i = 0; i < p.length; i++) p[i] = s.featIds()[s.rowPtr()[i]] == 0 ? 0.9f : 0.2f;
            return p;
        };
        RankEvaluator.Result r = new RankEvaluator(RankMetrics.parseAll(List.of("auc", "gauc", "logloss"))).evaluate(model, test);
        // pos {0.9, 0.2}, neg {0.2}: (1 + 0.5) / 2 = 0.75; user 5 has AUC 1, user 6 only a positive
        assertEquals(0.75, r.value("auc"), 1e-12);
        assertEquals(1.0, r.value("gauc"), 1e-12);
        assertEquals(1, r.gaucUsersSkipped());
    }
}
