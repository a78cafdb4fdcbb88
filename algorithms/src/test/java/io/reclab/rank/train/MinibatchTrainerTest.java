package io.reclab.rank.train;

import io.reclab.metric.rank.Auc;
import io.reclab.nn.Params;
import io.reclab.nn.SparseIndex;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Samples;
import io.reclab.rank.fm.Fm;
import io.reclab.rank.fm.FmConfig;
import io.reclab.rank.fm.FmNet;
import io.reclab.run.TrainingLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinibatchTrainerTest {
    static FmConfig fm(double lr, int epochs, int batch, int patience) {
        return new FmConfig(4, 0.01, new OptimizerConfig("adam", lr, 0, 0.9, 0.999, 1e-8), new TrainConfig(epochs, batch, patience));
    }

    @Test
    void exactAucByHandWithTies() {
        // positives score {0.8, 0.5}, negatives {0.5, 0.1}: pairs (0.8>0.5)=1, (0.8>0.1)=1, (0.5=0.5)=1/2, (0.5>0.1)=1 -> 3.5/4
        assertEquals(0.875, Auc.auc(new float[]{0.8f, 0.5f, 0.5f, 0.1f}, new float[]{1, 1, 0, 0}), 1e-12);
        // all scores tied -> 1/2
        assertEquals(0.5, Auc.auc(new float[]{2f, 2f, 2f}, new float[]{1, 0, 1}), 1e-12);
        // perfectly reversed -> 0
        assertEquals(0.0, Auc.auc(new float[]{0.1f, 0.9f}, new float[]{1, 0}), 1e-12);
        assertTrue(Double.isNaN(Auc.auc(new float[]{0.1f, 0.9f}, new float[]{1, 1})));
    }

    @Test
    void exactAucEqualsBruteForceOnRandomScoresWithTies() {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            int n = 2 + r.nextInt(300);
            float[] s = new float[n], y = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(10) - 4.5f; // few distinct values: many ties, negative scores too
                y[i] = r.nextInt(3) == 0 ? 1f : 0f;
            }
            y[0] = 1f;
            y[1] = 0f;
            assertEquals(CtrTestKit.bruteAuc(s, y), Auc.auc(s, y), 1e-12);
        }
    }

    @Test
    void sparseIndexAssignsSlotsInFirstAppearanceOrderAndClears() {
        Samples s = new Samples(2, 5, new int[]{0, 2, 4}, new int[]{3, 1, 1, 4}, new float[]{1, 1, 1, 1}, new int[]{0, 1, 0, 1},
                new float[]{1, 0}, new int[]{-1, -1}, new String[]{"a", "b"});
        SparseIndex idx = new SparseIndex(5);
        idx.build(s, new int[]{1, 0}, 0, 2); // sample 1 first: features 1, 4, then 3
        assertEquals(3, idx.count());
        assertEquals(1, idx.row(0));
        assertEquals(4, idx.row(1));
        assertEquals(3, idx.row(2));
        assertEquals(-1, idx.slot(0));
        idx.build(s, new int[]{0}, 0, 1);
        assertEquals(2, idx.count());
        assertEquals(-1, idx.slot(4)); // the previous batch's slots are gone
    }

    @Test
    void recordsLossAndValidAucPerEpochAndStopsAfterPatience() {
        // a huge learning rate makes validation AUC stall quickly; the curves must still be one point per epoch run
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(2000));
        Samples valid = ModelQuality.VALID.select(CtrTestKit.identity(800));
        TrainingLog log = new TrainingLog();
        RankTrainContext ctx = new RankTrainContext(train, valid, 1, 1, log);
        FmNet net = new FmNet(fm(0.3, 30, 64, 2), train.numFeatures());
        Params best = MinibatchTrainer.train(net, fm(0.3, 30, 64, 2).train(), ctx);
        List<TrainingLog.Point> auc = log.series().get("valid.auc");
        List<TrainingLog.Point> loss = log.series().get("loss");
        assertEquals(auc.size(), loss.size());
        assertTrue(auc.size() < 30, "early stopping never triggered: " + auc.size());
        int bestEpoch = 0;
        for (int i = 0; i < auc.size(); i++) if (auc.get(i).value() > auc.get(bestEpoch).value()) bestEpoch = i;
        // stopped exactly `patience` epochs after the best one
        assertEquals(bestEpoch + 1 + 2, auc.size());
        // the returned parameters are the best epoch's: their validation AUC is the best recorded value
        FittedRanker m = new FittedNet<>("fm", net, best, train.numFeatures(), train.numFields(), 1);
        assertEquals(auc.get(bestEpoch).value(), Auc.auc(m.predict(valid), valid.labels()), 1e-12);
    }

    @Test
    void withoutValidationTrainsAllEpochsAndLogsLossOnly() {
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(500));
        TrainingLog log = new TrainingLog();
        new Fm(fm(1e-2, 3, 100, 1)).fit(new RankTrainContext(train, null, 1, 2, log));
        assertEquals(3, log.series().get("loss").size());
        assertTrue(!log.series().containsKey("valid.auc"));
        // the loss falls as training proceeds
        List<TrainingLog.Point> l = log.series().get("loss");
        assertTrue(l.get(2).value() < l.get(0).value(), l.toString());
    }

    @Test
    void threadCountChangesBlockingButNotTheQualityAndSeedsMatter() {
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(1500));
        FmConfig c = fm(1e-2, 3, 256, 2);
        float[] one = new Fm(c).fit(CtrTestKit.context(train, null, 4, 1)).predict(ModelQuality.TEST);
        float[] two = new Fm(c).fit(CtrTestKit.context(train, null, 4, 2)).predict(ModelQuality.TEST);
        float[] other = new Fm(c).fit(CtrTestKit.context(train, null, 5, 2)).predict(ModelQuality.TEST);
        double aOne = CtrTestKit.bruteAuc(one, ModelQuality.TEST.labels()), aTwo = CtrTestKit.bruteAuc(two, ModelQuality.TEST.labels());
        assertEquals(aOne, aTwo, 0.01); // only float summation order differs between 1 and 2 threads
        assertNotEquals(two[0], other[0]); // another seed, another model
        float[] again = new Fm(c).fit(CtrTestKit.context(train, null, 4, 2)).predict(ModelQuality.TEST);
        assertArrayEquals(two, again);
    }

    @Test
    void predictionsDoNotDependOnScoringThreadsOrBatchComposition() {
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(1000));
        FittedRanker m = new Fm(fm(1e-2, 2, 128, 1)).fit(CtrTestKit.context(train, null, 4, 2));
        float[] all = m.predict(ModelQuality.TEST);
        int[] some = {5, 3000, 17};
        float[] part = m.predict(ModelQuality.TEST.select(some));
        for (int i = 0; i < some.length; i++) assertEquals(all[some[i]], part[i]);
        for (float p : all) assertTrue(p > 0f && p < 1f);
    }

    @Test
    void rejectsSamplesOutsideTheTrainedFeatureSpace() {
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(200));
        FittedRanker m = new Fm(fm(1e-2, 1, 64, 1)).fit(CtrTestKit.context(train, null, 4, 1));
        Samples wider = new Samples(train.numFields(), train.numFeatures() + 5, new int[]{0, 1}, new int[]{train.numFeatures() + 2},
                new float[]{1f}, new int[]{0}, new float[]{1f}, new int[]{-1}, train.fieldNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predict(wider));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
        Samples nan = new Samples(train.numFields(), train.numFeatures(), new int[]{0, 1}, new int[]{0},
                new float[]{Float.NaN}, new int[]{0}, new float[]{1f}, new int[]{-1}, train.fieldNames());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> m.predict(nan));
        assertTrue(e2.getMessage().contains("sample 0"), e2.getMessage());
    }

    @Test
    void divergenceIsReportedNotHidden() {
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(300));
        FmConfig c = new FmConfig(4, 0.01, new OptimizerConfig("sgd", 1e30, 0, 0.9, 0.999, 1e-8), new TrainConfig(3, 32, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Fm(c).fit(CtrTestKit.context(train, null, 1, 1)));
        assertTrue(e.getMessage().contains("learning-rate"), e.getMessage());
    }
}
