package io.reclab.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training curves: for each named series (e.g. {@code loss}, {@code valid.ndcg@10}) the values by epoch, in the
 * order recorded. Written to {@code run.json} so reports can plot them.
 */
public final class TrainingLog {
    /** One point of a curve. */
    public record Point(int epoch, double value) {}

    /**
     * Sees every point as it is recorded, e.g. a tuner's pruner, which may end a trial by throwing
     * {@link TrialPruned} from here (the model's training loop unwinds; the curve so far is kept).
     */
    @FunctionalInterface
    public interface Observer {
        void onPoint(String series, int epoch, double value);
    }

    private final Map<String, List<Point>> series = new LinkedHashMap<>();
    private final Observer observer;

    public TrainingLog() { this(null); }

    public TrainingLog(Observer observer) { this.observer = observer; }

    public void record(String name, int epoch, double value) {
        synchronized (this) {
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(epoch, value));
        }
        if (observer != null) observer.onPoint(name, epoch, value);
    }

    /**
     * The epoch with the best value of {@code name} (the first, on ties) and that value, or null without such a
     * series: the epoch whose parameters an early-stopped model keeps.
     */
    public synchronized Point best(String name, io.reclab.metric.Direction direction) {
        List<Point> s = series.get(name);
        if (s == null || s.isEmpty()) return null;
        Point best = null;
        for (Point p : s) if (best == null || direction.better(p.value(), best.value())) best = p;
        return best;
    }

    public synchronized Map<String, List<Point>> series() {
        Map<String, List<Point>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
