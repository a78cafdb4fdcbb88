package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.Trial;
import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.Charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For pipelines (and any trial whose metrics span several stages): each stage's metrics side by side, so a reader
 * sees what recall delivered and what ranking kept. Renders whatever stages the metrics map holds.
 */
public final class FunnelSection {
    static final int MAX_PIPELINES = 10;

    private FunnelSection() {}

    /** Null when no configuration spans several stages. */
    public static String render(ChartSet charts, Leaderboard lb, List<Trial> trials) {
        StringBuilder grid = new StringBuilder();
        StringBuilder tables = new StringBuilder();
        int shown = 0;
        for (Leaderboard.Row row : lb.rows()) {
            // stage → metric → column
            Map<String, Map<String, Integer>> byStage = new LinkedHashMap<>();
            for (int c = 0; c < lb.columns().size(); c++) {
                if (!row.has(c)) continue;
                Leaderboard.Column col = lb.columns().get(c);
                byStage.computeIfAbsent(col.stage(), s -> new LinkedHashMap<>()).put(col.metric(), c);
            }
            boolean pipeline = "pipeline".equals(row.stage());
            if (byStage.size() < 2 && !pipeline) continue;
            if (shown++ >= MAX_PIPELINES) continue;
            Set<String> metrics = new LinkedHashSet<>();
            byStage.values().forEach(m -> metrics.addAll(m.keySet()));
            List<String> cats = new ArrayList<>(metrics);
            List<Charts.Values> series = new ArrayList<>();
            tables.append("<table class=\"funnel\"><thead><tr><th class=\"rowh\">")
                    .append(Html.escape(row.label())).append("</th>");
            for (String m : cats) tables.append("<th>").append(Html.escape(m)).append("</th>");
            tables.append("</tr></thead><tbody>");
            for (Map.Entry<String, Map<String, Integer>> s : byStage.entrySet()) {
                double[] v = new double[cats.size()];
                tables.append("<tr><th class=\"rowh\">").append(Html.escape(s.getKey())).append("</th>");
                for (int i = 0; i < cats.size(); i++) {
                    Integer c = s.getValue().get(cats.get(i));
                    v[i] = c == null ? Double.NaN : row.mean()[c];
                    tables.append("<td>").append(Fmt.num(v[i])).append("</td>");
                }
                tables.append("</tr>");
                series.add(new Charts.Values(s.getKey(), v));
            }
            tables.append("</tbody></table>");
            grid.append(charts.add(Charts.categories(row.label() + ": metrics by stage", "metric", "value", cats,
                    series, false), 320));
        }
        if (shown == 0) return null;
        StringBuilder b = new StringBuilder("<p class=\"note\">Metrics of each stage of the pipeline: recall-stage")
                .append(" numbers describe the candidate lists, later stages the re-ranked lists.</p>");
        if (shown > MAX_PIPELINES) b.append("<p class=\"note\">First ").append(MAX_PIPELINES).append(" of ").append(shown).append(".</p>");
        return b.append("<div class=\"grid\">").append(grid).append("</div>").append(tables).toString();
    }
}
