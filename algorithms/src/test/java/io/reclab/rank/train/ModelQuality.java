package io.reclab.rank.train;

import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared quality and determinism checks of the CTR model tests, on one synthetic data set. */
public final class ModelQuality {
    public static final SyntheticCtr GEN = new SyntheticCtr(42);
    public static final Samples TRAIN = GEN.samples(6000, 1);
    public static final Samples VALID = GEN.samples(2000, 2);
    public static final Samples TEST = GEN.samples(4000, 3);
    private static double lrAuc = Double.NaN;

    private ModelQuality() {}

    /** AUC of the in-test logistic regression on TEST (computed once). */
    public static synchronized double lrAuc() {
        if (Double.isNaN(lrAuc)) lrAuc = CtrTestKit.logisticRegressionAuc(TRAIN, TEST, 5);
        return lrAuc;
    }

    /** Fits the ranker and asserts its test AUC beats logistic regression by {@code margin}; returns the AUC. */
    public static double assertBeatsLogisticRegression(String name, Ranker ranker, double margin) {
        RankTrainContext ctx = CtrTestKit.context(TRAIN, VALID, 11, 2);
        FittedRanker m = ranker.fit(ctx);
        double auc = CtrTestKit.bruteAuc(m.predict(TEST), TEST.labels());
        double lr = lrAuc();
        System.out.printf("%s: test AUC %.4f vs logistic regression %.4f; curves %s%n", name, auc, lr, ctx.log().series());
        assertTrue(auc > lr + margin, name + " AUC " + auc + " does not beat logistic regression " + lr + " by " + margin);
        return auc;
    }

    /** Same seed and thread count twice: identical predictions, bit for bit. */
    public static void assertDeterministic(Ranker ranker, int threads) {
        Samples train = TRAIN.select(CtrTestKit.identity(1500));
        Samples valid = VALID.select(CtrTestKit.identity(500));
        float[] a = ranker.fit(CtrTestKit.context(train, valid, 3, threads)).predict(TEST);
        float[] b = ranker.fit(CtrTestKit.context(train, valid, 3, threads)).predict(TEST);
        assertArrayEquals(a, b);
    }
}
