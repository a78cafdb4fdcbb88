package io.reclab.rank.train;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;
import io.reclab.optim.RowOptimizer;
import io.reclab.rank.dcn.DcnConfig;
import io.reclab.rank.deepfm.DeepFmConfig;
import io.reclab.rank.ffm.FfmConfig;
import io.reclab.rank.fm.FmConfig;
import io.reclab.rank.widedeep.WideDeepConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** An unset epsilon follows the optimizer chosen, for every ranker; an explicit one is kept. */
class RankOptimizersTest {
    private static ConfigBlock block(String hocon) {
        return new ConfigBlock(ConfigFactory.parseString(hocon), "rank.m");
    }

    @Test
    void ffmKeepsLibffmsEpsilonForAdagradButAdamGetsItsOwn() {
        OptimizerConfig adagrad = FfmConfig.from(block("optimizer = adagrad")).optimizer();
        assertEquals(1.0, adagrad.epsilon());
        assertEquals("adam", FfmConfig.from(block("")).optimizer().name());
        assertEquals(1e-8, FfmConfig.from(block("")).optimizer().epsilon());
        assertEquals(1e-8, FfmConfig.from(block("optimizer = adam")).optimizer().epsilon());
        assertEquals(0.5, FfmConfig.from(block("optimizer = adagrad, epsilon = 0.5")).optimizer().epsilon());
        assertEquals(0.3, FfmConfig.from(block("optimizer = adam, epsilon = 0.3")).optimizer().epsilon());
    }

    @Test
    void adamModelsSwitchedToAdagradTakeAdagradsEpsilon() {
        assertEquals(1e-8, FmConfig.from(block("")).optimizer().epsilon());
        assertEquals(1e-10, FmConfig.from(block("optimizer = adagrad")).optimizer().epsilon());
        assertEquals(1e-10, DeepFmConfig.from(block("optimizer = adagrad")).optimizer().epsilon());
        assertEquals(1e-10, DcnConfig.from(block("optimizer = adagrad")).optimizer().epsilon());
        assertEquals(1e-10, WideDeepConfig.from(block("deep-optimizer = adagrad")).deepOptimizer().epsilon());
        assertEquals(1e-8, WideDeepConfig.from(block("")).deepOptimizer().epsilon());
        assertEquals(1e-4, FmConfig.from(block("optimizer = adagrad, epsilon = 1e-4")).optimizer().epsilon());
    }

    @Test
    void sgdNeedsNoEpsilonAndDefaultsAgree() {
        assertEquals(0.0, FmConfig.from(block("optimizer = sgd")).optimizer().epsilon());
        // the records' defaults() say what an empty block says
        assertEquals(FfmConfig.defaults().optimizer(), FfmConfig.from(block("")).optimizer());
        assertEquals(FmConfig.defaults().optimizer(), FmConfig.from(block("")).optimizer());
    }

    @Test
    void adamWithItsOwnEpsilonTakesAFullFirstStepWhereAdagradsWouldStall() {
        // Adam's first step is lr * m^ / (sqrt(v^) + eps) = lr * g / (|g| + eps) with bias correction: for g = 0.01
        // that is lr * 0.01 / (0.01 + 1e-8) ~ lr; with libffm's epsilon 1 it would be lr * 0.01 / 1.01 ~ lr / 101.
        float[] w = {0f};
        RowOptimizer adam = FfmConfig.from(block("optimizer = adam, learning-rate = 0.1")).optimizer().create(w, 1);
        adam.step(0, new float[]{0.01f}, 0);
        assertEquals(-0.1, w[0], 1e-5);
        float[] u = {0f};
        new OptimizerConfig("adam", 0.1, 0, 0.9, 0.999, 1.0).create(u, 1).step(0, new float[]{0.01f}, 0);
        assertEquals(-0.1 * 0.01 / 1.01, u[0], 1e-6);
    }
}
