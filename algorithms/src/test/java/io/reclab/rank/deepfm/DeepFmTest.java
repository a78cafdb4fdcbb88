package io.reclab.rank.deepfm;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.Registry;
import io.reclab.nn.Activation;
import io.reclab.nn.MlpConfig;
import io.reclab.nn.Params;
import io.reclab.optim.OptimizerConfig;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.rank.train.CtrTestKit;
import io.reclab.rank.train.ModelQuality;
import io.reclab.rank.train.SyntheticCtr;
import io.reclab.rank.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeepFmTest {
    static DeepFmConfig small() {
        return new DeepFmConfig(8, 0.01, new MlpConfig(List.of(32, 16), Activation.RELU, 0.0, "none"),
                new OptimizerConfig("adam", 3e-3, 0, 0.9, 0.999, 1e-8), new TrainConfig(15, 128, 2));
    }

    @Test
    void fullLossGradientMatchesFiniteDifferences() {
        Samples s = new SyntheticCtr(7).samples(12, 9);
        for (String norm : List.of("none", "batch")) {
            DeepFmConfig c = new DeepFmConfig(4, 0.3, new MlpConfig(List.of(6, 5), Activation.TANH, 0.2, norm),
                    small().optimizer(), small().train());
            DeepFmNet net = new DeepFmNet(c, s.numFeatures(), s.numFields());
            Params p = net.layout().newParams();
            net.init(p, new SplittableRandom(3));
            float[] w = p.tables[net.linear().index()];
            for (int i = 0; i < w.length; i++) w[i] = 0.05f * (i % 5 - 2);
            CtrTestKit.gradCheck(net, p, s, 5, 40, 1e-3, 1e-3, 2e-2);
        }
    }

    @Test
    void fmPartEqualsPairwiseFieldDotProducts() {
        // with the MLP's head zeroed the logit is w0 + sum w x + sum_{f<g} <e_f, e_g>
        Samples s = new SyntheticCtr(7).samples(5, 10);
        DeepFmConfig c = new DeepFmConfig(3, 0.5, new MlpConfig(List.of(4), Activation.RELU, 0, "none"), small().optimizer(), small().train());
        DeepFmNet net = new DeepFmNet(c, s.numFeatures(), s.numFields());
        Params p = net.layout().newParams();
        net.init(p, new SplittableRandom(4));
        java.util.Arrays.fill(p.dense, 0f); // MLP (incl. its head) and the bias w0 all zero
        float[] logits = new float[5];
        net.forward(p, s, CtrTestKit.identity(5), 0, 5, false, 0, net.newScratch(5), null, logits);
        float[] e = p.tables[net.embeddings().index()];
        for (int i = 0; i < 5; i++) {
            double[][] field = new double[s.numFields()][3];
            for (int q = s.rowPtr()[i]; q < s.rowPtr()[i + 1]; q++)
                for (int k = 0; k < 3; k++) field[s.featFields()[q]][k] += s.featVals()[q] * e[s.featIds()[q] * 3 + k];
            double z = 0;
            for (int f = 0; f < field.length; f++)
                for (int g = f + 1; g < field.length; g++)
                    for (int k = 0; k < 3; k++) z += field[f][k] * field[g][k];
            assertEquals(z, logits[i], 1e-4 * Math.max(1, Math.abs(z)));
        }
    }

    @Test
    void beatsLogisticRegressionOnPlantedInteractions() {
        ModelQuality.assertBeatsLogisticRegression("deepfm", new DeepFm(small()), 0.03);
    }

    @Test
    void deterministicForSeedAndThreads() {
        DeepFmConfig c = new DeepFmConfig(8, 0.01, new MlpConfig(List.of(16), Activation.RELU, 0.2, "batch"),
                small().optimizer(), new TrainConfig(3, 128, 2));
        ModelQuality.assertDeterministic(new DeepFm(c), 2);
    }

    @Test
    void factoryDefaults() {
        Registry<Ranker> reg = new Registry<Ranker>("ranker").register(DeepFmFactory.NAME, DeepFmFactory.DESCRIPTION, new DeepFmFactory());
        DeepFm d = (DeepFm) reg.create("deepfm", new ConfigBlock(ConfigFactory.parseString("hidden = \"64,32\", dropout = 0.1"), "rank.deepfm"));
        assertEquals(List.of(64, 32), d.config().mlp().hidden());
        assertEquals(0.1, d.config().mlp().dropout());
        assertEquals(2048, d.config().train().batchSize());
        DeepFm def = (DeepFm) reg.create("deepfm", new ConfigBlock(ConfigFactory.empty(), "rank.deepfm"));
        assertEquals(List.of(400, 400, 400), def.config().mlp().hidden());
        assertEquals(0.2, def.config().mlp().dropout());
        assertEquals(16, def.config().embeddingDim());
        assertEquals(new TrainConfig(300, 2048, 10), def.config().train());
        assertEquals(1e-8, def.config().optimizer().epsilon());
    }
}
