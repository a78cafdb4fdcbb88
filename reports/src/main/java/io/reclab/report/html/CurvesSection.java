package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.MetricDirection;
import io.reclab.report.Trial;
import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.Charts;
import io.reclab.run.TrainingLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metric@K curves (each metric family reported at several cut-offs, e.g. Recall/NDCG vs K) and training curves
 * (loss and validation metrics by epoch, from {@code RunRecord.curves}). Limited to the top rows so lines stay
 * distinguishable; the leaderboard holds every number.
 */
public final class CurvesSection {
    public static final int MAX_SERIES = 15;

    private CurvesSection() {}

    public static String metricAtK(ChartSet charts, Leaderboard lb) {
        // stage/family → K → column index
        Map<String, TreeMap<Integer, Integer>> families = new LinkedHashMap<>();
        for (int c = 0; c < lb.columns().size(); c++) {
            Leaderboard.Column col = lb.columns().get(c);
            int k = MetricDirection.cutoff(col.metric());
            if (k < 0) continue;
            String fam = col.header().substring(0, col.header().lastIndexOf('@'));
            families.computeIfAbsent(fam, f -> new TreeMap<>()).put(k, c);
        }
        List<Leaderboard.Row> rows = top(lb);
        StringBuilder b = new StringBuilder();
        StringBuilder grid = new StringBuilder();
        for (Map.Entry<String, TreeMap<Integer, Integer>> f : families.entrySet()) {
            if (f.getValue().size() < 2) continue;
            List<Charts.XY> series = new ArrayList<>();
            for (Leaderboard.Row r : rows) {
                double[] x = new double[f.getValue().size()], y = new double[x.length];
                int i = 0;
                for (Map.Entry<Integer, Integer> e : f.getValue().entrySet()) {
                    x[i] = e.getKey();
                    y[i++] = r.has(e.getValue()) ? r.mean()[e.getValue()] : Double.NaN;
                }
                int finite = 0;
                for (double v : y) if (!Double.isNaN(v)) finite++;
                if (finite >= 2) series.add(new Charts.XY(r.label(), x, y));
            }
            if (series.isEmpty()) continue;
            grid.append(charts.add(Charts.lines(f.getKey() + "@K", "K", f.getKey(), series, false, false), 340));
        }
        if (grid.length() == 0) {
            return "<p class=\"note\">No metric is reported at several cut-offs K, so there is no metric@K curve.</p>";
        }
        b.append(note(lb)).append("<div class=\"grid\">").append(grid).append("</div>");
        return b.toString();
    }

    public static String training(ChartSet charts, Leaderboard lb, List<Trial> trials) {
        Set<String> names = new LinkedHashSet<>();
        List<Leaderboard.Row> rows = top(lb);
        for (Leaderboard.Row r : rows) {
            for (int i : r.members()) {
                Map<String, List<TrainingLog.Point>> c = trials.get(i).record().curves();
                if (c != null) names.addAll(c.keySet());
            }
        }
        if (names.isEmpty()) {
            return "<p class=\"note\">No training curves were recorded (models trained without epochs, such as "
                    + "ItemCF or popularity, record none).</p>";
        }
        StringBuilder grid = new StringBuilder();
        for (String name : names) {
            List<Charts.XY> series = new ArrayList<>();
            for (Leaderboard.Row r : rows) {
                for (int i : r.members()) {
                    Trial t = trials.get(i);
                    List<TrainingLog.Point> pts = t.record().curves() == null ? null : t.record().curves().get(name);
                    if (pts == null || pts.isEmpty()) continue;
                    double[] x = new double[pts.size()], y = new double[pts.size()];
                    for (int p = 0; p < pts.size(); p++) {
                        x[p] = pts.get(p).epoch();
                        y[p] = pts.get(p).value();
                    }
                    String label = r.members().length > 1 ? r.label() + " [" + t.record().trial() + "]" : r.label();
                    series.add(new Charts.XY(label, x, y));
                }
            }
            grid.append(charts.add(Charts.lines(name, "epoch", name, series, false, false), 340));
        }
        return note(lb) + "<div class=\"grid\">" + grid + "</div>";
    }

    static List<Leaderboard.Row> top(Leaderboard lb) {
        return lb.rows().subList(0, Math.min(MAX_SERIES, lb.rows().size()));
    }

    static String note(Leaderboard lb) {
        if (lb.rows().size() <= MAX_SERIES) return "";
        return "<p class=\"note\">Showing the top " + MAX_SERIES + " of " + lb.rows().size()
                + " configurations by the primary metric; the leaderboard lists all of them.</p>";
    }
}
