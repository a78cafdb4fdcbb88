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

    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    public synchronized void record(String name, int epoch, double value) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(epoch, value));
    }

    public synchronized Map<String, List<Point>> series() {
        Map<String, List<Point>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
