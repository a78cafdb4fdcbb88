package io.reclab.tune;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Independent uniform draws in each dimension's internal coordinate (Bergstra & Bengio 2012, random search). */
public final class RandomSampler implements Sampler {
    @Override
    public Map<String, String> next(SearchSpace space, List<Observation> history, RandomGenerator rng) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SearchSpace.Param p : space.params()) out.put(p.key(), p.render(draw(p, rng)));
        return out;
    }

    static double draw(SearchSpace.Param p, RandomGenerator rng) {
        return p.min() + rng.nextDouble() * (p.max() - p.min());
    }
}
