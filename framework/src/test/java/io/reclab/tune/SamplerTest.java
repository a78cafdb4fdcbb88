package io.reclab.tune;

import io.reclab.config.ConfigError;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SamplerTest {
    private static SearchSpace space() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("recall.bpr.learning-rate", "loguniform(1e-4,1e-1)");
        m.put("recall.bpr.factors", "int(8,128)");
        m.put("recall.bpr.optimizer", "choice(adam,adagrad,sgd)");
        m.put("recall.bpr.l2", "uniform(0,0.5)");
        return SearchSpace.of(m);
    }

    /** A scripted objective: best at lr 1e-2, factors 64, adam, l2 0.1. */
    private static double objective(Map<String, String> v) {
        double lr = Math.log10(Double.parseDouble(v.get("recall.bpr.learning-rate")));
        double f = Integer.parseInt(v.get("recall.bpr.factors"));
        double l2 = Double.parseDouble(v.get("recall.bpr.l2"));
        double opt = v.get("recall.bpr.optimizer").equals("adam") ? 0 : 0.5;
        return -(lr + 2) * (lr + 2) - Math.pow((f - 64) / 64, 2) - opt - 4 * (l2 - 0.1) * (l2 - 0.1);
    }

    private static List<Observation> run(Sampler s, long seed, int n) {
        List<Observation> h = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> v = s.next(space(), List.copyOf(h), new Well19937c(seed * 1000 + i));
            h.add(new Observation(v, objective(v)));
        }
        return h;
    }

    @Test
    void everyDrawIsInsideItsDimension() {
        for (Observation o : run(new TpeSampler(), 3, 40)) {
            double lr = Double.parseDouble(o.values().get("recall.bpr.learning-rate"));
            int f = Integer.parseInt(o.values().get("recall.bpr.factors"));
            double l2 = Double.parseDouble(o.values().get("recall.bpr.l2"));
            assertTrue(lr >= 1e-4 * (1 - 1e-5) && lr <= 1e-1 * (1 + 1e-5), o.toString());
            assertTrue(f >= 8 && f <= 128, o.toString());
            assertTrue(l2 >= 0 && l2 <= 0.5, o.toString());
            assertTrue(List.of("adam", "adagrad", "sgd").contains(o.values().get("recall.bpr.optimizer")));
        }
    }

    @Test
    void samplersAreDeterministicForASeed() {
        for (Sampler s : List.of(new RandomSampler(), new TpeSampler())) {
            assertEquals(run(s, 7, 25), run(s, 7, 25), s.getClass().getSimpleName());
            assertNotEquals(run(s, 7, 25), run(s, 8, 25), s.getClass().getSimpleName());
        }
    }

    @Test
    void tpeStartsRandomThenConcentratesOnTheGoodRegion() {
        // the first STARTUP proposals are random search's, draw for draw
        List<Observation> tpe = run(new TpeSampler(), 11, 60), rnd = run(new RandomSampler(), 11, 60);
        assertEquals(rnd.subList(0, TpeSampler.STARTUP), tpe.subList(0, TpeSampler.STARTUP));
        // over several seeds, TPE's late proposals score better than random search's on average
        double tpeLate = 0, rndLate = 0, tpeBest = 0, rndBest = 0;
        for (long seed = 1; seed <= 8; seed++) {
            List<Observation> t = run(new TpeSampler(), seed, 60), r = run(new RandomSampler(), seed, 60);
            for (int i = 40; i < 60; i++) { tpeLate += t.get(i).score(); rndLate += r.get(i).score(); }
            tpeBest += t.stream().mapToDouble(Observation::score).max().orElseThrow();
            rndBest += r.stream().mapToDouble(Observation::score).max().orElseThrow();
        }
        assertTrue(tpeLate > rndLate, "TPE late mean " + tpeLate / 160 + " vs random " + rndLate / 160);
        assertTrue(tpeBest > rndBest, "TPE best " + tpeBest / 8 + " vs random " + rndBest / 8);
    }

    @Test
    void tpeIgnoresFailedTrials() {
        List<Observation> h = new ArrayList<>();
        for (Observation o : run(new RandomSampler(), 5, 12)) h.add(o);
        List<Observation> withFailures = new ArrayList<>(h);
        withFailures.add(new Observation(h.get(0).values(), Double.NaN));
        assertEquals(new TpeSampler().next(space(), h, new Well19937c(99)),
                new TpeSampler().next(space(), withFailures, new Well19937c(99)));
    }

    @Test
    void spacesParseRenderAndRejectNonsense() {
        SearchSpace.Param lr = SearchSpace.parse("a", "loguniform(1e-4, 1e-1)");
        assertEquals(SearchSpace.Kind.LOG_UNIFORM, lr.kind());
        assertEquals("0.001", lr.render(Math.log(1e-3)));
        assertEquals(Math.log(1e-3), lr.coordinate("0.001"), 1e-12);
        SearchSpace.Param k = SearchSpace.parse("k", "int(1,4)");
        assertEquals("1", k.render(k.min()));
        assertEquals("4", k.render(Math.nextDown(k.max())));
        SearchSpace.Param c = SearchSpace.parse("c", "choice(x, y)");
        assertEquals("y", c.render(c.coordinate("y")));
        for (String bad : List.of("loguniform(0,1)", "uniform(2,1)", "int(1.5,3)", "choice()", "uniform(a,b)", "normal(0,1)"))
            assertThrows(ConfigError.class, () -> SearchSpace.parse("key", bad), bad);
        List<String> plain = new ArrayList<>();
        Map<String, String> specs = SearchSpace.specsIn(List.of("recall=bpr", "recall.bpr.l2=loguniform(1e-5,1e-1)", "seed=3"), plain);
        assertEquals(List.of("recall=bpr", "seed=3"), plain);
        assertEquals(Map.of("recall.bpr.l2", "loguniform(1e-5,1e-1)"), specs);
        assertThrows(ConfigError.class, () -> SearchSpace.specsIn(List.of("a=int(1,2)", "a=int(1,3)"), new ArrayList<>()));
    }
}
