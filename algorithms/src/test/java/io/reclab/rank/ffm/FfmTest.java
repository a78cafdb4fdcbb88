package io.reclab.rank.ffm;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.Registry;
import io.reclab.nn.Params;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.rank.train.CtrTestKit;
import io.reclab.rank.train.ModelQuality;
import io.reclab.rank.train.SyntheticCtr;
import io.reclab.rank.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FfmTest {
    static FfmConfig small() {
        return new FfmConfig(4, true, false, new OptimizerConfig("adagrad", 0.2, 2e-5, 0.9, 0.999, 1.0), new TrainConfig(15, 64, 2));
    }

    @Test
    void pairwiseTermUsesTheOtherFieldsVectors() {
        // one sample: feature 0 in field 0 (x=1), feature 1 in field 1 (x=2); no normalisation.
        Samples s = new Samples(2, 2, new int[]{0, 2}, new int[]{0, 1}, new float[]{1f, 2f}, new int[]{0, 1},
                new float[]{1f}, new int[]{-1}, new String[]{"a", "b"});
        FfmNet net = new FfmNet(new FfmConfig(2, false, false, small().optimizer(), small().train()), 2, 2);
        Params p = net.layout().newParams();
        // rows: feature j -> [v_{j,field0} (2 floats), v_{j,field1} (2 floats)]
        float[] t = p.tables[net.fieldTable().index()];
        System.arraycopy(new float[]{9f, 9f, 1f, 2f, 3f, 4f, 9f, 9f}, 0, t, 0, 8);
        float[] z = new float[1];
        net.forward(p, s, new int[]{0}, 0, 1, false, 0, null, null, z);
        // <v_{0,f1}, v_{1,f0}> x0 x1 = <(1,2),(3,4)> * 1 * 2 = 11 * 2 = 22 (the 9s are same-field vectors, unused)
        assertEquals(22f, z[0], 1e-5);
        FfmNet normed = new FfmNet(new FfmConfig(2, true, false, small().optimizer(), small().train()), 2, 2);
        normed.forward(p, s, new int[]{0}, 0, 1, false, 0, null, null, z);
        assertEquals(22f / 5f, z[0], 1e-5); // divided by ||x||^2 = 1 + 4
    }

    @Test
    void fullLossGradientMatchesFiniteDifferences() {
        Samples s = new SyntheticCtr(7).samples(12, 9);
        for (boolean linear : new boolean[]{false, true}) {
            FfmNet net = new FfmNet(new FfmConfig(3, true, linear, small().optimizer(), small().train()), s.numFeatures(), s.numFields());
            Params p = net.layout().newParams();
            net.init(p, new SplittableRandom(3));
            if (linear) {
                float[] w = p.tables[net.linearTable().index()];
                for (int i = 0; i < w.length; i++) w[i] = 0.1f * (i % 7 - 3);
            }
            CtrTestKit.gradCheck(net, p, s, 4, 30, 1e-2, 5e-4, 1e-2);
        }
    }

    @Test
    void beatsLogisticRegressionOnPlantedInteractions() {
        ModelQuality.assertBeatsLogisticRegression("ffm", new Ffm(small()), 0.03);
    }

    @Test
    void deterministicForSeedAndThreads() {
        ModelQuality.assertDeterministic(new Ffm(small()), 2);
    }

    @Test
    void factoryDefaultsKeepThePapersModelWithTheValidatedOptimizer() {
        Registry<Ranker> reg = new Registry<Ranker>("ranker").register(FfmFactory.NAME, FfmFactory.DESCRIPTION, new FfmFactory());
        Ffm f = (Ffm) reg.create("ffm", new ConfigBlock(ConfigFactory.empty(), "rank.ffm"));
        assertEquals(16, f.config().embeddingDim());
        assertEquals("adam", f.config().optimizer().name());
        assertEquals(1e-3, f.config().optimizer().learningRate());
        assertEquals(0.0, f.config().optimizer().l2());
        assertEquals(1e-8, f.config().optimizer().epsilon());
        assertTrue(f.config().normalize());
        assertFalse(f.config().linear());
        // libffm's settings remain one key away, with libffm's damping
        Ffm libffm = (Ffm) reg.create("ffm", new ConfigBlock(ConfigFactory.parseString(
                "embedding-dim = 4, optimizer = adagrad, learning-rate = 0.2, l2 = 2e-5, batch-size = 128"), "rank.ffm"));
        assertEquals(FfmConfig.LIBFFM_ADAGRAD_EPSILON, libffm.config().optimizer().epsilon());
    }
}
