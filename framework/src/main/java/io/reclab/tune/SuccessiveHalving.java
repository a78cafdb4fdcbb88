package io.reclab.tune;

import io.reclab.run.TrainingLog;
import io.reclab.run.TrialPruned;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous successive halving (Li et al. 2020, "A System for Massively Parallel Hyperparameter Tuning", ASHA)
 * on validation curves. Rungs sit at epochs {@code minEpochs * eta^k}. The first validation point of a trial at or
 * past a rung is that trial's value there; once a rung holds at least {@code eta} values, a trial whose value is
 * not among the top {@code 1/eta} of them (ties kept) stops, with status {@code pruned}. Only the validation series
 * ({@code valid.<metric>}, higher is better) is read. Rungs are rebuilt from the curves of finished trials on
 * resume, so a resumed tune prunes as the uninterrupted one would have (for one job at a time).
 */
public final class SuccessiveHalving {
    private final String series;
    private final int minEpochs;
    private final int eta;
    private final Map<Integer, List<Double>> rungs = new HashMap<>();

    public SuccessiveHalving(String series, int minEpochs, int eta) {
        if (minEpochs < 1) throw new IllegalArgumentException("minEpochs must be >= 1");
        if (eta < 2) throw new IllegalArgumentException("eta must be >= 2");
        this.series = series;
        this.minEpochs = minEpochs;
        this.eta = eta;
    }

    /** The epoch of rung {@code k}. */
    long rungEpoch(int k) {
        long e = minEpochs;
        for (int i = 0; i < k; i++) e *= eta;
        return e;
    }

    /** Adds a finished (or pruned) trial's curve to the rungs, as its run would have. */
    public synchronized void replay(List<TrainingLog.Point> curve) {
        if (curve == null) return;
        int next = 0;
        for (TrainingLog.Point p : curve) {
            while (p.epoch() >= rungEpoch(next)) rungs.computeIfAbsent(next++, k -> new ArrayList<>()).add(p.value());
        }
    }

    /** An observer for one trial's log: records its rung values and prunes it when it falls behind. */
    public TrainingLog.Observer observer() {
        return new TrainingLog.Observer() {
            private int next = 0;

            @Override
            public void onPoint(String name, int epoch, double value) {
                if (!name.equals(series)) return;
                while (epoch >= rungEpoch(next)) {
                    int k = next++;
                    String why = check(k, value);
                    if (why != null) throw new TrialPruned(epoch, value, why);
                }
            }
        };
    }

    /** Records {@code value} at rung {@code k}; returns why the trial stops, or null to go on. */
    synchronized String check(int k, double value) {
        List<Double> at = rungs.computeIfAbsent(k, x -> new ArrayList<>());
        at.add(value);
        if (at.size() < eta) return null;
        List<Double> sorted = new ArrayList<>(at);
        sorted.sort((a, b) -> Double.compare(b, a));
        int keep = Math.max(1, at.size() / eta);
        double threshold = sorted.get(keep - 1);
        if (Double.isNaN(value) || value < threshold)
            return String.format(java.util.Locale.ROOT, "%s %.4f at epoch >= %d is below the top 1/%d of %d trials (%.4f)",
                    series, value, rungEpoch(k), eta, at.size(), threshold);
        return null;
    }
}
