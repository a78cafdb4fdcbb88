package io.reclab.recall.usercf;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.recall.neighbors.Fixtures;
import io.reclab.recall.neighbors.SparseRows;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UserCfRecallerTest {
    /* u0: {0,1,2}  u1: {0,1}  u2: {1,2,3}  u3: {3} */
    static final int[][] HAND = {{0, 1, 2}, {0, 1}, {1, 2, 3}, {3}};

    static UserCfRecaller.Fitted fit(int[][] rows, int items, UserCfConfig c, int threads) {
        return new UserCfRecaller(c).fit(Fixtures.context(Fixtures.log(items, rows), threads, 1));
    }

    @Test
    void cosineAndScoresByHand() {
        UserCfRecaller.Fitted m = fit(HAND, 4, new UserCfConfig(10, 0), 1);
        SparseRows s = m.similarity();
        assertEquals(2 / Math.sqrt(6), s.get(0, 1), 1e-6); // |{0,1}| / sqrt(3·2) = 0.81650
        assertEquals(2.0 / 3, s.get(0, 2), 1e-6);          // |{1,2}| / sqrt(3·3)
        assertEquals(1 / Math.sqrt(6), s.get(1, 2), 1e-6); // |{1}|   / sqrt(2·3) = 0.40825
        assertEquals(1 / Math.sqrt(3), s.get(2, 3), 1e-6); // |{3}|   / sqrt(3·1) = 0.57735
        assertEquals(0f, s.get(0, 3));
        // u1's neighbours u0 (0.81650) and u2 (0.40825): item 2 is in both histories, item 3 only in u2's
        float[] sc = m.score(1);
        assertEquals(2 / Math.sqrt(6) + 1 / Math.sqrt(6), sc[2], 1e-6); // 1.22474
        assertEquals(1 / Math.sqrt(6), sc[3], 1e-6);
        // one neighbour: only u0 votes, so item 3 gets nothing
        float[] one = fit(HAND, 4, new UserCfConfig(1, 0), 1).score(1);
        assertEquals(2 / Math.sqrt(6), one[2], 1e-6);
        assertEquals(0f, one[3]);
        // shrinkage 2: sim(0,1) = 2 / (sqrt 6 + 2) = 0.44949
        assertEquals(2 / (Math.sqrt(6) + 2), fit(HAND, 4, new UserCfConfig(10, 2), 1).similarity().get(0, 1), 1e-6);
    }

    @Test
    void matchesBruteForceOnRandomData() {
        int[][] rows = Fixtures.random(30, 40, 0.2, 21);
        double[][] x = Fixtures.dense(Fixtures.log(40, rows));
        UserCfRecaller.Fitted m = fit(rows, 40, new UserCfConfig(1000, 1.5), 3);
        float[][] scores = Fixtures.scoreAll(m, 30);
        double[] deg = new double[30];
        for (int u = 0; u < 30; u++) for (double v : x[u]) deg[u] += v;
        for (int u = 0; u < 30; u++) {
            double[] expected = new double[40];
            for (int v = 0; v < 30; v++) {
                if (v == u) continue;
                double co = 0;
                for (int i = 0; i < 40; i++) co += x[u][i] * x[v][i];
                double sim = co / (Math.sqrt(deg[u] * deg[v]) + 1.5);
                assertEquals(sim, m.similarity().get(u, v), 1e-6);
                for (int i = 0; i < 40; i++) expected[i] += sim * x[v][i];
            }
            for (int i = 0; i < 40; i++) assertEquals(expected[i], scores[u][i], 1e-4);
        }
    }

    @Test
    void identicalForAnyThreadCountAndConfigParses() {
        int[][] rows = Fixtures.random(50, 30, 0.2, 22);
        SparseRows a = fit(rows, 30, new UserCfConfig(5, 3), 1).similarity();
        SparseRows b = fit(rows, 30, new UserCfConfig(5, 3), 3).similarity();
        assertArrayEquals(a.cols, b.cols);
        assertArrayEquals(a.values, b.values);
        ConfigBlock block = ConfigBlock.at(ConfigFactory.parseString("recall.usercf.neighbors = 7"), "recall.usercf");
        assertEquals(new UserCfConfig(7, 0), UserCfConfig.from(block));
        block.finish();
    }
}
