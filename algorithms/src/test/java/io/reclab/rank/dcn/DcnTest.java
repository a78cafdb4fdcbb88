package io.reclab.rank.dcn;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

class DcnTest {
    static final OptimizerConfig ADAM = new OptimizerConfig("adam", 3e-3, 0, 0.9, 0.999, 1e-8);

    static DcnConfig config(String version, String structure, int lowRank, List<Integer> hidden, String norm, double dropout,
                            double initStd, TrainConfig train) {
        // 2 cross layers over d = 8 fields x 6 keep the full-rank v2 test near a second
        return new DcnConfig(version, 2, structure, lowRank, 6, initStd,
                new MlpConfig(hidden, Activation.RELU, dropout, norm), ADAM, train);
    }

    @Test
    void fullLossGradientMatchesFiniteDifferencesForEveryVariant() {
        Samples s = new SyntheticCtr(7).samples(10, 9);
        record V(String version, String structure, int lowRank, List<Integer> hidden) {}
        for (V v : List.of(new V("v1", "parallel", 0, List.of(6)), new V("v2", "parallel", 0, List.of(6, 5)),
                new V("v2", "stacked", 0, List.of(6)), new V("v2", "parallel", 3, List.of(5)), new V("v2", "stacked", 0, List.of()))) {
            DcnConfig c = new DcnConfig(v.version(), 2, v.structure(), v.lowRank(), 3, 0.3,
                    new MlpConfig(v.hidden(), Activation.TANH, 0.2, "batch"), ADAM, new TrainConfig(1, 16, 2));
            DcnNet net = new DcnNet(c, s.numFeatures(), s.numFields());
            Params p = net.layout().newParams();
            net.init(p, new SplittableRandom(3));
            for (int i = 0; i < p.dense.length; i++) if (p.dense[i] == 0f) p.dense[i] = 0.05f * ((i % 7) - 3); // nonzero biases
            CtrTestKit.gradCheck(net, p, s, 5, 40, 1e-3, 1e-3, 2e-2);
        }
    }

    @Test
    void v1CrossLayerMatchesHandArithmetic() {
        // one field, k = 2, one cross layer, no deep part: x0 = e = (1, 2); w = (0.5, -1), b = (0.1, 0.2)
        // x1 = x0 (x0 . w) + b + x0 = (1,2)(0.5 - 2) + (0.1,0.2) + (1,2) = (-1.5+0.1+1, -3+0.2+2) = (-0.4, -0.8)
        // head weights (1, 1), bias 0 -> logit = -1.2
        Samples s = new Samples(1, 1, new int[]{0, 1}, new int[]{0}, new float[]{1f}, new int[]{0}, new float[]{1f},
                new int[]{-1}, new String[]{"a"});
        DcnConfig c = new DcnConfig("v1", 1, "parallel", 0, 2, 0.1, new MlpConfig(List.of(), Activation.RELU, 0, "none"),
                ADAM, new TrainConfig(1, 1, 1));
        DcnNet net = new DcnNet(c, 1, 1);
        Params p = net.layout().newParams();
        p.tables[0][0] = 1f;
        p.tables[0][1] = 2f;
        // dense layout: w (2), b (2), then the head (2 weights, 1 bias)
        System.arraycopy(new float[]{0.5f, -1f, 0.1f, 0.2f, 1f, 1f, 0f}, 0, p.dense, 0, 7);
        assertEquals(7, p.dense.length);
        float[] z = new float[1];
        net.forward(p, s, new int[]{0}, 0, 1, false, 0, net.newScratch(1), null, z);
        assertEquals(-1.2f, z[0], 1e-6);
    }

    @Test
    void v2CrossLayerMatchesHandArithmetic() {
        // x0 = (1, 2), W = [[1, 0], [1, 1]] so W x0 = (1, 3) ... stored as Dense in x out (transpose): rows = inputs
        // x1 = x0 ⊙ (W x0 + b) + x0 with b = (0, -1): (1,2) ⊙ (1, 2) + (1,2) = (2, 6); head (1,1) -> 8
        Samples s = new Samples(1, 1, new int[]{0, 1}, new int[]{0}, new float[]{1f}, new int[]{0}, new float[]{1f},
                new int[]{-1}, new String[]{"a"});
        DcnConfig c = new DcnConfig("v2", 1, "parallel", 0, 2, 0.1, new MlpConfig(List.of(), Activation.RELU, 0, "none"),
                ADAM, new TrainConfig(1, 1, 1));
        DcnNet net = new DcnNet(c, 1, 1);
        Params p = net.layout().newParams();
        p.tables[0][0] = 1f;
        p.tables[0][1] = 2f;
        // Dense(in=2,out=2): weight (j, o) multiplies input j into output o: (W x)_o = sum_j W[o][j] x_j
        // W[0] = (1, 0), W[1] = (1, 1) -> stored [j=0: (W00, W10) = (1, 1); j=1: (W01, W11) = (0, 1)], bias (0, -1)
        System.arraycopy(new float[]{1f, 1f, 0f, 1f, 0f, -1f, 1f, 1f, 0f}, 0, p.dense, 0, 9);
        float[] z = new float[1];
        net.forward(p, s, new int[]{0}, 0, 1, false, 0, net.newScratch(1), null, z);
        assertEquals(8f, z[0], 1e-6);
    }

    @Test
    void v2ParallelBeatsLogisticRegression() {
        ModelQuality.assertBeatsLogisticRegression("dcn-v2", new Dcn(config("v2", "parallel", 0, List.of(32, 16), "none", 0,
                0.01, new TrainConfig(15, 128, 2))), 0.03);
    }

    @Test
    void v1BeatsLogisticRegression() {
        ModelQuality.assertBeatsLogisticRegression("dcn-v1", new Dcn(config("v1", "parallel", 0, List.of(32, 16), "none", 0,
                0.01, new TrainConfig(15, 128, 2))), 0.03);
    }

    @Test
    void deterministicForSeedAndThreads() {
        ModelQuality.assertDeterministic(new Dcn(config("v2", "stacked", 4, List.of(16), "batch", 0.2, 0.01,
                new TrainConfig(3, 128, 2))), 2);
    }

    @Test
    void factoryValidatesVersionAndLowRank() {
        Registry<Ranker> reg = new Registry<Ranker>("ranker").register(DcnFactory.NAME, DcnFactory.DESCRIPTION, new DcnFactory());
        Dcn d = (Dcn) reg.create("dcn", new ConfigBlock(ConfigFactory.empty(), "rank.dcn"));
        assertEquals("v2", d.config().version());
        assertEquals(3, d.config().crossLayers());
        assertEquals("parallel", d.config().structure());
        ConfigError e = assertThrows(ConfigError.class, () ->
                reg.create("dcn", new ConfigBlock(ConfigFactory.parseString("version = v3"), "rank.dcn")));
        assertEquals("`rank.dcn.version` = v3: expected one of v1, v2", e.getMessage());
        assertThrows(ConfigError.class, () ->
                reg.create("dcn", new ConfigBlock(ConfigFactory.parseString("version = v1, low-rank = 8"), "rank.dcn")));
    }
}
