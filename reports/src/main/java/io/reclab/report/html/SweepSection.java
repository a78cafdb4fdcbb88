package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.Charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sweeps: the primary metric against each swept parameter (seeds excluded — they are averaged in the leaderboard).
 * One line per model and setting of the other swept parameters; numeric values on a numeric axis, others as
 * categories.
 */
public final class SweepSection {
    private SweepSection() {}

    /** Null when nothing was swept. */
    public static String render(ChartSet charts, Leaderboard lb) {
        int p = lb.primaryColumn();
        if (p < 0) return null;
        Set<String> keys = new LinkedHashSet<>();
        for (Leaderboard.Row r : lb.rows()) keys.addAll(r.setting().keySet());
        StringBuilder grid = new StringBuilder();
        // sweeps choose on validation: plot the validation metric where the rows have it, the test metric otherwise
        boolean byValid = lb.selectedOn() != null;
        String metric = byValid ? "valid " + lb.selectedOn() : lb.columns().get(p).header();
        for (String key : keys) {
            Set<String> distinct = new LinkedHashSet<>();
            for (Leaderboard.Row r : lb.rows()) if (r.setting().containsKey(key)) distinct.add(r.setting().get(key));
            if (distinct.size() < 2) continue;
            boolean numeric = distinct.stream().allMatch(SweepSection::isNumber);
            // series = model + the other swept values, so each line varies only `key`
            Map<String, TreeMap<Double, Double>> numSeries = new LinkedHashMap<>();
            Map<String, Map<String, Double>> catSeries = new LinkedHashMap<>();
            for (Leaderboard.Row r : lb.rows()) {
                String v = r.setting().get(key);
                if (v == null || !r.has(p) || (byValid && !r.hasValid())) continue;
                double y = byValid ? r.validMean() : r.mean()[p];
                StringBuilder name = new StringBuilder(r.runLabel() == null ? "" : r.runLabel() + ": ").append(r.model());
                r.setting().forEach((k, x) -> { if (!k.equals(key)) name.append(' ').append(shortKey(k)).append('=').append(x); });
                if (numeric) numSeries.computeIfAbsent(name.toString(), n -> new TreeMap<>()).put(Double.parseDouble(v.trim()), y);
                else catSeries.computeIfAbsent(name.toString(), n -> new LinkedHashMap<>()).put(v, y);
            }
            String title = metric + " vs " + key;
            if (numeric) {
                List<Charts.XY> series = new ArrayList<>();
                numSeries.forEach((name, pts) -> series.add(new Charts.XY(name,
                        pts.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                        pts.values().stream().mapToDouble(Double::doubleValue).toArray())));
                grid.append(charts.add(Charts.lines(title, key, metric, series, false, false), 340));
            } else {
                List<String> cats = new ArrayList<>(distinct);
                List<Charts.Values> series = new ArrayList<>();
                catSeries.forEach((name, m) -> {
                    double[] v = new double[cats.size()];
                    for (int i = 0; i < v.length; i++) v[i] = m.getOrDefault(cats.get(i), Double.NaN);
                    series.add(new Charts.Values(name, v));
                });
                grid.append(charts.add(Charts.categories(title, key, metric, cats, series, false), 340));
            }
        }
        if (grid.length() == 0) return null;
        return "<p class=\"note\">" + (byValid
                ? "Validation metric (mean over seeds) against each swept parameter: the choice between settings reads validation, never test."
                : "Primary test metric (mean over seeds) against each swept parameter; these trials have no validation values.")
                + "</p><div class=\"grid\">" + grid + "</div>";
    }

    private static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static boolean isNumber(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return !Double.isNaN(d) && !Double.isInfinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
