package io.reclab.rank.lr;

import io.reclab.metric.rank.Auc;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.run.TrainingLog;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class LogisticRegressionTest {
    @Test
    void gradientMatchesFiniteDifferencesOfLogLoss() {
        Samples s = SyntheticCtr.linear(40, 5);
        SplittableRandom rnd = new SplittableRandom(9);
        double[] w = new double[s.numFeatures()];
        for (int j = 0; j < w.length; j++) w[j] = rnd.nextGaussian();
        double b = 0.3;
        double[] g = new double[w.length];
        double gb = LogisticLoss.gradient(w, b, s, g);
        double h = 1e-6;
        for (int j = 0; j < w.length; j++) {
            double keep = w[j];
            w[j] = keep + h;
            double up = LogisticLoss.loss(w, b, s);
            w[j] = keep - h;
            double down = LogisticLoss.loss(w, b, s);
            w[j] = keep;
            assertEquals((up - down) / (2 * h), g[j], 1e-7, "feature " + j);
        }
        double fd = (LogisticLoss.loss(w, b + h, s) - LogisticLoss.loss(w, b - h, s)) / (2 * h);
        assertEquals(fd, gb, 1e-7);
        // p - y at margin 0 with y = 1 is -1/2; the loss there is ln 2
        assertEquals(-0.5, LogisticLoss.dLossDMargin(0, 1), 0);
        assertEquals(Math.log(2), LogisticLoss.lossFromMargin(0, 1), 1e-15);
        // stable for huge margins
        assertEquals(0, LogisticLoss.lossFromMargin(800, 1), 1e-300);
        assertEquals(800, LogisticLoss.lossFromMargin(800, 0), 1e-9);
    }

    private static RankTrainContext ctx(Samples train, Samples valid, TrainingLog log) {
        return new RankTrainContext(train, valid, 11, 1, log);
    }

    @Test
    void ftrlLearnsTheGeneratingSignsAndLogsCurves() {
        Samples train = SyntheticCtr.linear(4000, 1), valid = SyntheticCtr.linear(1000, 2), test = SyntheticCtr.linear(2000, 3);
        TrainingLog log = new TrainingLog();
        FittedLr m = new LogisticRegression(LrConfig.defaults()).fitLr(ctx(train, valid, log));
        assertTrue(m.weight(0) > m.weight(2) && m.weight(2) > m.weight(1), "category weights follow +2 > 0 > -2");
        assertTrue(m.weight(3) > 0.5, "numeric weight " + m.weight(3));
        double auc = Auc.auc(m.predict(test), test.labels());
        // the Bayes-optimal AUC of this generator is about 0.87; FTRL must get close
        assertTrue(auc > 0.83, "auc " + auc);
        assertFalse(log.series().get("loss").isEmpty());
        assertFalse(log.series().get("valid.auc").isEmpty());
        // progressive loss decreases from epoch 1 to the last recorded epoch
        var loss = log.series().get("loss");
        assertTrue(loss.get(loss.size() - 1).value() <= loss.get(0).value());
    }

    @Test
    void sgdLearnsTooAndTrainingIsDeterministic() {
        Samples train = SyntheticCtr.linear(4000, 1), test = SyntheticCtr.linear(2000, 3);
        LogisticRegression lr = new LogisticRegression(new LrConfig("sgd", 0.05, 1, 1, 1, 0.5, 32, 1e-6, 5, 1));
        FittedLr a = lr.fitLr(ctx(train, null, new TrainingLog()));
        FittedLr b = lr.fitLr(ctx(train, null, new TrainingLog()));
        assertTrue(Auc.auc(a.predict(test), test.labels()) > 0.83);
        for (int j = 0; j < train.numFeatures(); j++) assertEquals(a.weight(j), b.weight(j));
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        Samples train = SyntheticCtr.linear(3000, 1), valid = SyntheticCtr.linear(1000, 2);
        TrainingLog log = new TrainingLog();
        FittedLr m = new LogisticRegression(LrConfig.defaults().withEpochs(6)).fitLr(ctx(train, valid, log));
        var aucs = log.series().get("valid.auc");
        double best = aucs.stream().mapToDouble(p -> p.value()).max().orElseThrow();
        assertEquals(best, Auc.auc(m.predict(valid), valid.labels()), 1e-12);
        // stopping happens one epoch (patience 1) after the last improvement, or at the epoch limit
        int bestEpoch = aucs.stream().filter(p -> p.value() == best).findFirst().orElseThrow().epoch();
        assertTrue(aucs.size() == 6 || aucs.size() == bestEpoch + 1, "epochs run " + aucs.size() + ", best " + bestEpoch);
    }
}
