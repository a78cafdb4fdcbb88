package io.reclab.rank.widedeep;

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

class WideDeepTest {
    static WideDeepConfig small() {
        return new WideDeepConfig(8, 0.01, new MlpConfig(List.of(32, 16), Activation.RELU, 0.0, "none"),
                new OptimizerConfig("adam", 3e-3, 0, 0.9, 0.999, 1e-8), 0.05, 1, 0.5, 1, new TrainConfig(15, 128, 2));
    }

    @Test
    void fullLossGradientMatchesFiniteDifferences() {
        Samples s = new SyntheticCtr(7).samples(12, 9);
        WideDeepConfig c = new WideDeepConfig(4, 0.3, new MlpConfig(List.of(6, 5), Activation.TANH, 0.2, "layer"),
                small().deepOptimizer(), 0.05, 1, 1, 1, small().train());
        WideDeepNet net = new WideDeepNet(c, s.numFeatures(), s.numFields());
        Params p = net.layout().newParams();
        net.init(p, new SplittableRandom(3));
        float[] w = p.tables[net.wideTable().index()];
        for (int i = 0; i < w.length; i++) w[i] = 0.05f * (i % 5 - 2);
        CtrTestKit.gradCheck(net, p, s, 5, 40, 1e-3, 1e-3, 2e-2);
    }

    @Test
    void wideFtrlWithStrongL1KeepsExactZeros() {
        // with lambda1 far above any accumulated gradient every wide weight stays exactly 0 (McMahan's sparsity)
        WideDeepConfig c = new WideDeepConfig(4, 0.01, new MlpConfig(List.of(8), Activation.RELU, 0, "none"),
                small().deepOptimizer(), 0.05, 1, 1e9, 1, new TrainConfig(2, 256, 2));
        Samples train = ModelQuality.TRAIN.select(CtrTestKit.identity(1000));
        WideDeepNet net = new WideDeepNet(c, train.numFeatures(), train.numFields());
        Params p = io.reclab.rank.train.MinibatchTrainer.train(net, c.train(), CtrTestKit.context(train, null, 1, 1));
        for (float v : p.tables[net.wideTable().index()]) assertEquals(0f, v);
    }

    @Test
    void beatsLogisticRegressionOnPlantedInteractions() {
        ModelQuality.assertBeatsLogisticRegression("widedeep", new WideDeep(small()), 0.03);
    }

    @Test
    void deterministicForSeedAndThreads() {
        WideDeepConfig c = new WideDeepConfig(8, 0.01, new MlpConfig(List.of(16), Activation.RELU, 0.2, "batch"),
                small().deepOptimizer(), 0.05, 1, 0.5, 1, new TrainConfig(3, 128, 2));
        ModelQuality.assertDeterministic(new WideDeep(c), 2);
    }

    @Test
    void factoryReadsDeepOptimizerAndWideKeys() {
        Registry<Ranker> reg = new Registry<Ranker>("ranker").register(WideDeepFactory.NAME, WideDeepFactory.DESCRIPTION, new WideDeepFactory());
        WideDeep w = (WideDeep) reg.create("widedeep", new ConfigBlock(ConfigFactory.parseString(
                "deep-optimizer = adagrad, learning-rate = 0.01, wide-l1 = 0.5"), "rank.widedeep"));
        assertEquals("adagrad", w.config().deepOptimizer().name());
        assertEquals(0.01, w.config().deepOptimizer().learningRate());
        assertEquals(0.5, w.config().wideL1());
        assertEquals(List.of(400, 400, 400), w.config().mlp().hidden());
    }
}
