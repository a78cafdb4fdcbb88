package io.reclab.report.html;

import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.Charts;
import io.reclab.run.Json;
import io.reclab.tune.Tuner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tune folder's search ({@code tune.json}): the selected trial and its test metrics, marked as selected on
 * validation, the validation metric of every trial against each searched parameter (completed and pruned trials
 * apart), and the trial table. Every value from the file is escaped.
 */
public final class TuneSection {
    private TuneSection() {}

    /** The parsed summary, or null when {@code runDir} is not a tune folder. */
    public static Tuner.Summary read(Path runDir) throws IOException {
        Path f = runDir.resolve(Tuner.TUNE_JSON);
        return Files.isRegularFile(f) ? Json.read(f, Tuner.Summary.class) : null;
    }

    public static String render(ChartSet charts, Tuner.Summary t) {
        StringBuilder h = new StringBuilder();
        int pruned = 0, completed = 0, failed = 0;
        for (Tuner.TrialSummary r : t.trials()) {
            switch (r.status()) {
                case "completed" -> completed++;
                case "pruned" -> pruned++;
                default -> failed++;
            }
        }
        h.append("<p>").append(t.trials().size()).append(" trials (").append(completed).append(" completed, ")
                .append(pruned).append(" pruned by successive halving, ").append(failed).append(" failed), sampler <code>")
                .append(Html.escape(t.sampler())).append("</code>, each judged by <strong>valid ")
                .append(Html.escape(t.metric())).append("</strong> (").append(Html.escape(t.direction()))
                .append(" is better). ").append(Html.text(t.note())).append(".</p>");
        h.append("<p><strong>Selected on validation:</strong> ").append(Html.escape(t.best())).append(", valid ")
                .append(Html.escape(t.metric())).append(" = ").append(t.bestValid() == null ? "—" : Fmt.num(t.bestValid()))
                .append(", values <code>").append(Html.escape(String.valueOf(t.bestValues()))).append("</code>.</p>");
        if (t.selectedTest() != null && !t.selectedTest().isEmpty()) {
            h.append("<table><tr><th>stage</th><th>test metric (selected on validation)</th><th>value</th></tr>");
            t.selectedTest().forEach((stage, m) -> m.forEach((id, v) -> h.append("<tr><td>").append(Html.escape(stage))
                    .append("</td><td>").append(Html.escape(id)).append("</td><td>").append(Fmt.num(v)).append("</td></tr>")));
            h.append("</table>");
        }
        StringBuilder grid = new StringBuilder();
        for (Map.Entry<String, String> e : t.space().entrySet()) {
            String key = e.getKey();
            boolean log = e.getValue().trim().startsWith("loguniform");
            boolean choice = e.getValue().trim().startsWith("choice");
            List<Charts.XY> series = new ArrayList<>();
            for (String status : List.of("completed", "pruned")) {
                List<double[]> pts = new ArrayList<>();
                for (Tuner.TrialSummary r : t.trials()) {
                    if (!status.equals(r.status()) || r.valid() == null || r.values() == null) continue;
                    String v = r.values().get(key);
                    Double x = choice ? Double.valueOf(choiceIndex(e.getValue(), v)) : number(v);
                    if (x != null) pts.add(new double[]{x, r.valid()});
                }
                if (pts.isEmpty()) continue;
                double[] xs = new double[pts.size()], ys = new double[pts.size()];
                for (int i = 0; i < xs.length; i++) { xs[i] = pts.get(i)[0]; ys[i] = pts.get(i)[1]; }
                series.add(new Charts.XY(status.equals("pruned") ? "pruned (value when stopped)" : "completed", xs, ys));
            }
            if (series.isEmpty()) continue;
            String x = choice ? key + " (index in " + e.getValue() + ")" : key;
            grid.append(charts.add(Charts.scatter("valid " + t.metric() + " vs " + key, x, "valid " + t.metric(),
                    series, log), 320));
        }
        if (grid.length() > 0) h.append("<div class=\"grid\">").append(grid).append("</div>");
        // one column per searched key: a wide table scrolls inside its card
        h.append("<div class=\"table-wrap\"><table><tr><th>trial</th><th>status</th><th>valid ").append(Html.escape(t.metric()))
                .append("</th><th>best epoch</th><th>pruned at epoch</th>");
        List<String> keys = new ArrayList<>(t.space().keySet());
        for (String k : keys) h.append("<th>").append(Html.escape(k)).append("</th>");
        h.append("</tr>");
        for (Tuner.TrialSummary r : t.trials()) {
            boolean sel = r.trial().equals(t.best());
            h.append(sel ? "<tr class=\"best\">" : "<tr>").append("<td>").append(Html.escape(r.trial()))
                    .append(sel ? " (selected)" : "").append("</td><td>").append(Html.escape(r.status())).append("</td><td>")
                    .append(r.valid() == null ? "—" : Fmt.num(r.valid())).append("</td><td>")
                    .append(r.bestEpoch() == null ? "—" : r.bestEpoch()).append("</td><td>")
                    .append(r.prunedAt() == null ? "—" : r.prunedAt()).append("</td>");
            for (String k : keys)
                h.append("<td>").append(Html.escape(r.values() == null ? "" : String.valueOf(r.values().get(k)))).append("</td>");
            h.append("</tr>");
        }
        return h.append("</table></div>").toString();
    }

    private static Double number(String v) {
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int choiceIndex(String spec, String v) {
        String inner = spec.substring(spec.indexOf('(') + 1, spec.lastIndexOf(')'));
        String[] opts = inner.split(",");
        for (int i = 0; i < opts.length; i++) if (opts[i].trim().equals(v)) return i;
        return -1;
    }
}
