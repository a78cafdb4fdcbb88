package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.PerUserTable;
import io.reclab.report.RowUsers;
import io.reclab.report.Trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-user data of one stage across leaderboard rows: the stage's metrics (union of the per-user files'
 * columns), its primary metric, and for each row with a per-user file the user → value maps, computed on demand.
 */
final class StageData {
    final String stage;
    final List<String> metrics;
    final String primary;
    final List<Leaderboard.Row> rows;
    private final List<Trial> trials;
    private final Map<String, List<SignificanceSection.Pair>> pairs = new java.util.HashMap<>();

    private StageData(String stage, List<String> metrics, List<Leaderboard.Row> rows, List<Trial> trials) {
        this.stage = stage;
        this.metrics = metrics;
        this.primary = RowUsers.primaryMetric(metrics);
        this.rows = rows;
        this.trials = trials;
    }

    Map<String, Double> values(Leaderboard.Row row, String metric) {
        return RowUsers.values(row, trials, stage, metric);
    }

    /** All-pairs tests over {@link #rows} on {@code metric}, computed once (the verdict and matrix share them). */
    List<SignificanceSection.Pair> pairs(String metric) {
        return pairs.computeIfAbsent(metric, m -> SignificanceSection.compute(this, rows, m));
    }

    Map<String, String> attribute(Leaderboard.Row row, String name) {
        return RowUsers.attribute(row, trials, stage, name);
    }

    /** Stages that have per-user files, recall before rank, each with the rows (leaderboard order) that have one. */
    static List<StageData> of(Leaderboard lb, List<Trial> trials) {
        Set<String> stages = new LinkedHashSet<>();
        for (String s : List.of("recall", "rank")) {
            for (Trial t : trials) if (t.perUser().containsKey(s)) stages.add(s);
        }
        for (Trial t : trials) stages.addAll(t.perUser().keySet());
        List<StageData> out = new ArrayList<>();
        for (String s : stages) {
            Set<String> metrics = new LinkedHashSet<>();
            List<Leaderboard.Row> rows = new ArrayList<>();
            for (Leaderboard.Row r : lb.rows()) {
                boolean has = false;
                for (int i : r.members()) {
                    PerUserTable t = trials.get(i).perUser().get(s);
                    if (t != null && !t.metrics().isEmpty()) {
                        metrics.addAll(t.metrics());
                        has = true;
                    }
                }
                if (has) rows.add(r);
            }
            if (!rows.isEmpty()) out.add(new StageData(s, List.copyOf(metrics), rows, trials));
        }
        return out;
    }

    /** Rows' values aligned on the users every listed row evaluated (in the first row's order). */
    static Map<String, double[]> align(List<Map<String, Double>> perRow) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (perRow.isEmpty()) return out;
        outer:
        for (String u : perRow.get(0).keySet()) {
            double[] v = new double[perRow.size()];
            for (int r = 0; r < perRow.size(); r++) {
                Double x = perRow.get(r).get(u);
                if (x == null) continue outer;
                v[r] = x;
            }
            out.put(u, v);
        }
        return out;
    }
}
