package io.reclab.recall.bpr;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.run.TrainingLog;
import io.reclab.train.EarlyStopping;
import io.reclab.train.Init;
import io.reclab.util.Parallel;
import io.reclab.train.PlantedData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class BprTest {
    private static BprConfig cfg(String opt, double lr, int batch, int epochs, boolean bias) {
        return new BprConfig(8, new OptimizerConfig(opt, lr, 1e-4, 0.9, 0.999, 1e-8), batch, epochs, "uniform", bias, 0.1,
                new EarlyStopping.Config(10, 5), Retrieval.EXACT);
    }

    /** Central differences of the batch loss against the analytic gradient, for every parameter touched. */
    @Test
    void minibatchGradientMatchesFiniteDifferences() {
        int k = 4, users = 5, items = 7, b = 9;
        float[] p = Init.normal(users * k, 0.5, 1), q = Init.normal(items * k, 0.5, 2);
        float[] bias = Init.normal(items, 0.3, 3);
        SplittableRandom r = new SplittableRandom(4);
        int[] su = new int[b], si = new int[b], sj = new int[b];
        for (int s = 0; s < b; s++) {
            su[s] = r.nextInt(users);
            si[s] = r.nextInt(items);
            do sj[s] = r.nextInt(items); while (sj[s] == si[s]);
        }
        su[1] = su[0]; si[2] = si[0]; sj[3] = si[0]; // repeated rows, an item both positive and negative
        double l2 = 0.05; // large enough that the L2 term is checked too
        BprState st = new BprState(k, p, q, bias, l2, new OptimizerConfig("sgd", 0.1, 0, 0.9, 0.999, 1e-8), 2);
        try (Parallel par = new Parallel(2)) {
            double bprPart = st.gradients(su, si, sj, 0, b, par);
            double full = st.batchLoss(su, si, sj, 0, b);
            assertTrue(bprPart <= full && bprPart > 0);
            check(st, p, st.gp, su, si, sj, b);
            check(st, q, st.gq, su, si, sj, b);
            check(st, bias, st.gb, su, si, sj, b);
        }
    }

    private static void check(BprState st, float[] param, float[] grad, int[] su, int[] si, int[] sj, int b) {
        float h = 1e-2f;
        for (int c = 0; c < param.length; c++) {
            float keep = param[c];
            param[c] = keep + h;
            double up = st.batchLoss(su, si, sj, 0, b);
            param[c] = keep - h;
            double down = st.batchLoss(su, si, sj, 0, b);
            param[c] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad[c], 1e-4 + 1e-3 * Math.abs(fd), "coordinate " + c);
        }
    }

    @Test
    void sgdStepEqualsHandComputedUpdate() {
        // one user, items {0,1}: p = (1, 0), q0 = (0.5, 0), q1 = (0, 0.5); x = 0.5 - 0 = 0.5
        // coef = σ(0.5) - 1 = -0.37754067; B = 1, l2 = 0
        // grad p = coef (q0 - q1) = (-0.18877, 0.18877); new p = p - 0.1 grad = (1.018877, -0.018877)
        float[] p = {1f, 0f}, q = {0.5f, 0f, 0f, 0.5f};
        BprState st = new BprState(2, p, q, null, 0, new OptimizerConfig("sgd", 0.1, 0, 0.9, 0.999, 1e-8), 1);
        try (Parallel par = new Parallel(1)) {
            double loss = st.gradients(new int[]{0}, new int[]{0}, new int[]{1}, 0, 1, par);
            assertEquals(Math.log1p(Math.exp(-0.5)), loss, 1e-9);
            st.apply(par);
        }
        assertEquals(1.018877f, p[0], 1e-5);
        assertEquals(-0.018877f, p[1], 1e-5);
        // q0 += 0.1 * 0.37754 * p_old = (0.537754, 0); q1 -= 0.1 * 0.37754 * p_old = (-0.037754, 0.5)
        assertEquals(0.537754f, q[0], 1e-5);
        assertEquals(-0.037754f, q[2], 1e-5);
        assertEquals(0.5f, q[3], 1e-6);
    }

    /**
     * Weight decay is the optimizer's per-row L2, once per step however many samples touch the row, while the loss's
     * l2 counts occurrences. Two samples of the same (u, i, j), SGD lr 0.1, B = 2, l2 = 0, weight decay 0.5:
     * p = (1, 0), q_i = (0.5, 0), q_j = (0, 0.5): x = 0.5, coef per sample = (σ(0.5) − 1)/2 = −0.18877033;
     * ∂L/∂p = 2 · coef · (q_i − q_j) = (−0.18877, 0.18877); step adds 0.5 · p = (0.5, 0) once:
     * p' = p − 0.1 · (−0.18877 + 0.5, 0.18877) = (0.9688770, −0.0188770).
     */
    @Test
    void weightDecayActsOncePerStepPerRow() {
        float[] p = {1f, 0f}, q = {0.5f, 0f, 0f, 0.5f};
        BprConfig c = new BprConfig(2, new OptimizerConfig("sgd", 0.1, 0, 0.9, 0.999, 1e-8), 2, 1, "uniform", false, 0.1,
                new EarlyStopping.Config(10, 5), Retrieval.EXACT, 0.5);
        BprState st = new BprState(2, p, q, null, c.l2(), c.stepper(), 1);
        try (Parallel par = new Parallel(1)) {
            st.gradients(new int[]{0, 0}, new int[]{0, 0}, new int[]{1, 1}, 0, 2, par);
            st.apply(par);
        }
        assertEquals(0.9688770f, p[0], 1e-5);
        assertEquals(-0.0188770f, p[1], 1e-5);
    }

    @Test
    void identicalForSameSeedAndAnyThreadCount() {
        PlantedData d = new PlantedData(2, 20, 15, 6, 3);
        BprConfig c = cfg("adam", 0.01, 32, 3, true);
        EmbeddingRecaller a = (EmbeddingRecaller) new Bpr(c).fit(d.context(9, 1));
        EmbeddingRecaller b = (EmbeddingRecaller) new Bpr(c).fit(d.context(9, 2));
        EmbeddingRecaller e = (EmbeddingRecaller) new Bpr(c).fit(d.context(9, 3));
        for (int u = 0; u < d.numUsers(); u++) {
            assertArrayEquals(a.userVector(u), b.userVector(u));
            assertArrayEquals(a.userVector(u), e.userVector(u));
        }
        for (int i = 0; i < d.train.numItems(); i++) {
            assertArrayEquals(a.itemVector(i), b.itemVector(i));
            assertEquals(a.itemBias(i), e.itemBias(i));
        }
        EmbeddingRecaller other = (EmbeddingRecaller) new Bpr(c).fit(d.context(10, 2));
        assertFalse(java.util.Arrays.equals(a.userVector(0), other.userVector(0)));
    }

    @Test
    void recoversPlantedClustersAndBeatsPopularity() {
        PlantedData d = PlantedData.standard();
        var ctx = d.context(1, 2);
        EmbeddingRecaller m = (EmbeddingRecaller) new Bpr(cfg("adam", 0.02, 128, 40, false)).fit(ctx);
        double hit = d.hitRate(m, 10), pop = d.popularityHitRate(10), share = d.inClusterShare(m, 10);
        assertTrue(hit > 0.45 && hit > 2 * pop, "BPR hit@10 " + hit + " vs popularity " + pop);
        assertTrue(share > 0.9, "in-cluster share " + share);
        List<TrainingLog.Point> loss = ctx.log().series().get("loss");
        assertEquals(40, loss.size());
        assertTrue(loss.get(39).value() < 0.5 * loss.get(0).value(), "loss should fall: " + loss.get(0) + " -> " + loss.get(39));
    }

    /**
     * Early stopping returns the parameters of the best validation epoch, not the last: a validator that scores
     * epoch 4 best (epochs 2, 4, 6, 8 validated; patience 2) must give exactly the model of a plain 4-epoch run.
     */
    @Test
    void earlyStoppingRestoresTheBestEpochsParameters() {
        PlantedData d = new PlantedData(2, 20, 15, 6, 3);
        BprConfig c = new BprConfig(8, new OptimizerConfig("adam", 0.01, 1e-4, 0.9, 0.999, 1e-8), 32, 20, "uniform",
                false, 0.1, new EarlyStopping.Config(2, 2), Retrieval.EXACT);
        int[] calls = {0};
        double[] script = {0.3, 0.5, 0.4, 0.45, 0.9, 0.9}; // 5th validation (epoch 10) is never reached
        io.reclab.recall.Validator v = new io.reclab.recall.Validator() {
            @Override public String metricId() { return "ndcg@10"; }
            @Override public double validate(io.reclab.recall.FittedRecaller m) { return script[calls[0]++]; }
        };
        var base = d.context(9, 2);
        var withValidator = new io.reclab.recall.TrainContext(base.train(), base.validation(), null, null, base.seed(),
                base.threads(), new TrainingLog(), v);
        EmbeddingRecaller stopped = (EmbeddingRecaller) new Bpr(c).fit(withValidator);
        assertEquals(4, calls[0], "stops after two validations without improvement (epoch 8)");
        BprConfig four = new BprConfig(8, c.optimizer(), 32, 4, "uniform", false, 0.1, c.stopping(), Retrieval.EXACT);
        EmbeddingRecaller plain = (EmbeddingRecaller) new Bpr(four).fit(d.context(9, 2));
        EmbeddingRecaller eight = (EmbeddingRecaller) new Bpr(new BprConfig(8, c.optimizer(), 32, 8, "uniform", false,
                0.1, c.stopping(), Retrieval.EXACT)).fit(d.context(9, 2));
        for (int u = 0; u < d.numUsers(); u++) assertArrayEquals(plain.userVector(u), stopped.userVector(u));
        for (int i = 0; i < d.train.numItems(); i++) assertArrayEquals(plain.itemVector(i), stopped.itemVector(i));
        assertFalse(java.util.Arrays.equals(eight.userVector(0), stopped.userVector(0)), "not the last epoch's model");
    }

    @Test
    void configDefaults() {
        BprConfig c = BprConfig.from(new ConfigBlock(ConfigFactory.empty(), "recall.bpr"));
        assertEquals(64, c.factors());
        assertEquals("adam", c.optimizer().name());
        assertEquals(0.001, c.optimizer().learningRate());
        assertEquals(1e-2, c.l2());
        assertEquals(0.0, c.weightDecay());
        assertEquals(0.0, c.stepper().l2(), "weight decay goes to the optimizer");
        assertEquals(2048, c.batchSize());
        assertEquals(500, c.epochs());
        assertEquals(new EarlyStopping.Config(10, 5), c.stopping());
        assertEquals(0.03, c.initStd());
        assertEquals("uniform", c.negativeSampling());
        assertFalse(c.itemBias());
        assertEquals("exact", c.retrieval().mode());
    }
}
