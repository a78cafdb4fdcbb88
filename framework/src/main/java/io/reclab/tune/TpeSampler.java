package io.reclab.tune;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio & Kégl 2011, "Algorithms for Hyper-Parameter
 * Optimization", NeurIPS), univariate as in hyperopt: after {@link #STARTUP} random trials, the finished trials are
 * split into the best {@code ceil(gamma * n)} ("good", gamma = {@link #GAMMA}) and the rest; in each dimension a
 * Parzen density l(x) is fit to the good values and g(x) to the rest (truncated Gaussians with hyperopt's
 * neighbour-distance bandwidths, plus a prior component spanning the range; categorical counts + 1 for choices),
 * {@link #CANDIDATES} candidates are drawn from l and the one with the highest l(x) / g(x) is proposed. The
 * defaults are hyperopt's (gamma 0.25, 24 candidates) with Optuna's 10 start-up trials.
 */
public final class TpeSampler implements Sampler {
    public static final int STARTUP = 10;
    public static final double GAMMA = 0.25;
    public static final int CANDIDATES = 24;

    @Override
    public Map<String, String> next(SearchSpace space, List<Observation> history, RandomGenerator rng) {
        List<Observation> done = new ArrayList<>();
        for (Observation o : history) if (!Double.isNaN(o.score())) done.add(o);
        if (done.size() < STARTUP) return new RandomSampler().next(space, history, rng);
        done.sort((a, b) -> Double.compare(b.score(), a.score()));   // best first; stable for ties
        int nGood = Math.max(1, (int) Math.ceil(GAMMA * done.size()));
        Map<String, String> out = new LinkedHashMap<>();
        for (SearchSpace.Param p : space.params()) {
            double[] good = coords(p, done.subList(0, nGood));
            double[] bad = coords(p, done.subList(nGood, done.size()));
            out.put(p.key(), p.render(p.kind() == SearchSpace.Kind.CHOICE ? choice(p, good, bad, rng) : numeric(p, good, bad, rng)));
        }
        return out;
    }

    private static double[] coords(SearchSpace.Param p, List<Observation> obs) {
        double[] x = new double[obs.size()];
        for (int i = 0; i < x.length; i++) x[i] = p.coordinate(obs.get(i).values().get(p.key()));
        return x;
    }

    private static double numeric(SearchSpace.Param p, double[] good, double[] bad, RandomGenerator rng) {
        Parzen l = Parzen.fit(good, p.min(), p.max()), g = Parzen.fit(bad, p.min(), p.max());
        double best = Double.NaN, bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double x = l.sample(rng);
            double s = l.logDensity(x) - g.logDensity(x);
            if (s > bestScore) { bestScore = s; best = x; }
        }
        return best;
    }

    private static double choice(SearchSpace.Param p, double[] good, double[] bad, RandomGenerator rng) {
        int k = p.choices().size();
        double[] lw = new double[k], gw = new double[k];
        Arrays.fill(lw, 1);
        Arrays.fill(gw, 1);
        for (double x : good) lw[(int) Math.floor(x)]++;
        for (double x : bad) gw[(int) Math.floor(x)]++;
        double lt = good.length + k, gt = bad.length + k;
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double u = rng.nextDouble() * lt;
            int i = 0;
            while (i < k - 1 && u >= lw[i]) u -= lw[i++];
            double s = Math.log(lw[i] / lt) - Math.log(gw[i] / gt);
            if (s > bestScore) { bestScore = s; best = i; }
        }
        return best + 0.5;
    }

    /**
     * A mixture of Gaussians truncated to [lo, hi], equally weighted: one per observation (bandwidth = the larger
     * distance to its sorted neighbours, clipped to [range / min(100, n + 1), range]) and a prior centred on the range
     * with bandwidth = range.
     */
    record Parzen(double[] mu, double[] sigma, double lo, double hi) {
        static Parzen fit(double[] x, double lo, double hi) {
            double range = hi - lo;
            double[] s = x.clone();
            Arrays.sort(s);
            int n = s.length;
            double[] mu = new double[n + 1], sigma = new double[n + 1];
            double minBw = range / Math.min(100, n + 1);
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? s[i] - s[i - 1] : s[i] - lo;
                double right = i < n - 1 ? s[i + 1] - s[i] : hi - s[i];
                mu[i] = s[i];
                sigma[i] = Math.max(minBw, Math.min(range, Math.max(left, right)));
            }
            mu[n] = lo + range / 2;
            sigma[n] = range;
            return new Parzen(mu, sigma, lo, hi);
        }

        double sample(RandomGenerator rng) {
            int c = rng.nextInt(mu.length);
            for (int tries = 0; tries < 100; tries++) {
                double x = mu[c] + sigma[c] * rng.nextGaussian();
                if (x >= lo && x < hi) return x;
            }
            return Math.min(Math.max(mu[c], lo), Math.nextDown(hi));
        }

        double logDensity(double x) {
            double p = 0;
            for (int i = 0; i < mu.length; i++) {
                double z = (x - mu[i]) / sigma[i];
                double mass = cdf((hi - mu[i]) / sigma[i]) - cdf((lo - mu[i]) / sigma[i]);
                p += Math.exp(-0.5 * z * z) / (sigma[i] * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-12));
            }
            return Math.log(p / mu.length);
        }

        private static double cdf(double z) { return 0.5 * (1 + Erf.erf(z / Math.sqrt(2))); }
    }
}
