package io.reclab.rank.fm;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Registry;
import io.reclab.nn.Params;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.rank.train.CtrTestKit;
import io.reclab.rank.train.ModelQuality;
import io.reclab.rank.train.SyntheticCtr;
import io.reclab.rank.train.TrainConfig;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmTest {
    static FmConfig small() {
        return new FmConfig(8, 0.01, new OptimizerConfig("adam", 5e-3, 0, 0.9, 0.999, 1e-8), new TrainConfig(15, 128, 2));
    }

    @Test
    void linearTimeIdentityEqualsBruteForcePairwiseSum() {
        Samples s = new SyntheticCtr(7).samples(50, 8);
        FmNet net = new FmNet(new FmConfig(5, 0.5, small().optimizer(), small().train()), s.numFeatures());
        Params p = net.layout().newParams();
        net.init(p, new SplittableRandom(1));
        float[] w = p.tables[net.linear().index()], v = p.tables[net.factors().index()];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        p.dense[net.biasOffset()] = 0.3f;
        float[] logits = new float[s.size()];
        net.forward(p, s, CtrTestKit.identity(s.size()), 0, s.size(), false, 0, net.newScratch(s.size()), null, logits);
        for (int i = 0; i < s.size(); i++) {
            // w0 + sum_i w_i x_i + sum_{i<j} <v_i, v_j> x_i x_j, literally
            double z = 0.3;
            int lo = s.rowPtr()[i], hi = s.rowPtr()[i + 1];
            for (int a = lo; a < hi; a++) {
                z += w[s.featIds()[a]] * s.featVals()[a];
                for (int b = a + 1; b < hi; b++) {
                    double dot = 0;
                    for (int c = 0; c < 5; c++) dot += v[s.featIds()[a] * 5 + c] * v[s.featIds()[b] * 5 + c];
                    z += dot * s.featVals()[a] * s.featVals()[b];
                }
            }
            assertEquals(z, logits[i], 1e-4 * Math.max(1, Math.abs(z)));
        }
    }

    @Test
    void fullLossGradientMatchesFiniteDifferences() {
        Samples s = new SyntheticCtr(7).samples(12, 9);
        FmNet net = new FmNet(new FmConfig(4, 0.3, small().optimizer(), small().train()), s.numFeatures());
        Params p = net.layout().newParams();
        net.init(p, new SplittableRandom(3));
        CtrTestKit.gradCheck(net, p, s, 4, 30, 1e-2, 5e-4, 1e-2);
    }

    @Test
    void beatsLogisticRegressionOnPlantedInteractions() {
        ModelQuality.assertBeatsLogisticRegression("fm", new Fm(small()), 0.03);
    }

    @Test
    void deterministicForSeedAndThreads() {
        ModelQuality.assertDeterministic(new Fm(small()), 2);
    }

    @Test
    void factoryReadsKeysWithDefaultsAndRejectsUnknown() {
        Registry<Ranker> reg = new Registry<Ranker>("ranker").register(FmFactory.NAME, FmFactory.DESCRIPTION, new FmFactory());
        Fm fm = (Fm) reg.create("fm", new ConfigBlock(ConfigFactory.parseString("embedding-dim = 16, batch-size = 256"), "rank.fm"));
        assertEquals(16, fm.config().embeddingDim());
        assertEquals(256, fm.config().train().batchSize());
        assertEquals("adam", fm.config().optimizer().name());
        assertEquals(1e-3, fm.config().optimizer().learningRate());
        assertEquals(10, fm.config().train().patience());
        assertEquals(300, fm.config().train().epochs());
        ConfigError e = assertThrows(ConfigError.class, () ->
                reg.create("fm", new ConfigBlock(ConfigFactory.parseString("embeding-dim = 16"), "rank.fm")));
        assertTrue(e.getMessage().contains("embedding-dim"), e.getMessage());
        ConfigError bad = assertThrows(ConfigError.class, () ->
                reg.create("fm", new ConfigBlock(ConfigFactory.parseString("embedding-dim = 0"), "rank.fm")));
        assertTrue(bad.getMessage().contains("rank.fm.embedding-dim"), bad.getMessage());
    }
}
