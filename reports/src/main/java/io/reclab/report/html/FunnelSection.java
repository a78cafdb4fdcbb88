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
import java.util.TreeSet;

/**
 * For pipelines (and any trial whose metrics span several stages): what each stage kept. A pipeline row reads as
 * a funnel, one step per list: each source's own top-quota list (from the trial's {@code source.<name>.recall@Q}
 * extras), then every stage's lists by length ({@code candidates@N}, {@code final@K}), with Recall, HitRate and NDCG
 * where the stage has them; it is followed by the final lists set against the best single recall model of the
 * same run. Other multi-stage rows show each stage's metrics side by side. Renders whatever stages the metrics
 * map holds, in its order.
 */
public final class FunnelSection {
    static final int MAX_PIPELINES = 10;
    private static final String SOURCE_PREFIX = "source.";

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
            if (pipeline) pipeline(charts, lb, trials, row, byStage, grid, tables);
            else stages(charts, row, byStage, grid, tables);
        }
        if (shown == 0) return null;
        StringBuilder b = new StringBuilder("<p class=\"note\">Metrics of each stage of the pipeline: how much of the")
                .append(" test set each source's list and the merged candidate set contain, and what the re-ranked")
                .append(" final lists keep. A final list is cut from the candidates, so its recall cannot exceed theirs.</p>");
        if (shown > MAX_PIPELINES) b.append("<p class=\"note\">First ").append(MAX_PIPELINES).append(" of ").append(shown).append(".</p>");
        return b.append("<div class=\"grid\">").append(grid).append("</div>").append(tables).toString();
    }

    /** One list of the funnel: {@code label} = source or stage, {@code length} = its list length. */
    private record Step(String label, int length, String lengthNote, double recall, double hit, double ndcg) {
        String name() { return label + "@" + length; }
    }

    private static void pipeline(ChartSet charts, Leaderboard lb, List<Trial> trials, Leaderboard.Row row,
                                 Map<String, Map<String, Integer>> byStage, StringBuilder grid, StringBuilder tables) {
        List<Step> steps = new ArrayList<>();
        Map<String, Double> extras = meanExtras(trials, row);
        extras.forEach((k, v) -> {
            // source.<name>.recall@<quota>
            if (!k.startsWith(SOURCE_PREFIX) || !k.contains(".recall@")) return;
            int at = k.lastIndexOf(".recall@");
            int q = parseK(k.substring(at + 1));
            if (q > 0) steps.add(new Step("source " + k.substring(SOURCE_PREFIX.length(), at), q, "top " + q, v, Double.NaN, Double.NaN));
        });
        Double meanSize = extras.get("candidates.mean_size");
        for (Map.Entry<String, Map<String, Integer>> s : byStage.entrySet()) {
            Set<Integer> ks = new TreeSet<>();
            for (String m : s.getValue().keySet()) if (isFunnelMetric(m)) ks.add(parseK(m));
            for (int k : ks) {
                String note = "top " + k;
                if ("candidates".equals(s.getKey()) && meanSize != null)
                    note = "up to " + k + " (" + String.format(java.util.Locale.ROOT, "%.1f", meanSize) + " on average after dedupe)";
                steps.add(new Step(s.getKey(), k, note, value(row, s.getValue(), "recall@" + k),
                        value(row, s.getValue(), "hit@" + k), value(row, s.getValue(), "ndcg@" + k)));
            }
        }
        if (steps.isEmpty()) {
            stages(charts, row, byStage, grid, tables);
            return;
        }
        List<String> cats = new ArrayList<>();
        double[] recall = new double[steps.size()], hit = new double[steps.size()];
        tables.append("<table class=\"funnel\"><thead><tr><th class=\"rowh\">").append(Html.escape(row.label()))
                .append("</th><th>list</th><th>recall</th><th>hit rate</th><th>ndcg</th></tr></thead><tbody>");
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            cats.add(st.name());
            recall[i] = st.recall();
            hit[i] = st.hit();
            tables.append("<tr><th class=\"rowh\">").append(Html.escape(st.label())).append("</th><td>")
                    .append(Html.escape(st.lengthNote())).append("</td><td>").append(Fmt.num(st.recall()))
                    .append("</td><td>").append(Fmt.num(st.hit())).append("</td><td>").append(Fmt.num(st.ndcg()))
                    .append("</td></tr>");
        }
        tables.append("</tbody></table>");
        tables.append(versusSingleModels(lb, row, byStage));
        List<Charts.Values> series = new ArrayList<>();
        series.add(new Charts.Values("recall", recall));
        boolean anyHit = false;
        for (double h : hit) anyHit |= !Double.isNaN(h);
        if (anyHit) series.add(new Charts.Values("hit rate", hit));
        grid.append(charts.add(Charts.categories(row.label() + ": funnel", "list", "value", cats, series, false), 320));
    }

    /**
     * The final lists against the best single recall model of the same run, per metric both share: does chaining
     * models beat the best model alone?
     */
    private static String versusSingleModels(Leaderboard lb, Leaderboard.Row row, Map<String, Map<String, Integer>> byStage) {
        List<String> stageNames = new ArrayList<>(byStage.keySet());
        Map<String, Integer> last = byStage.get(stageNames.get(stageNames.size() - 1));
        StringBuilder t = new StringBuilder();
        for (Map.Entry<String, Integer> m : last.entrySet()) {
            String metric = m.getKey();
            if (!metric.startsWith("ndcg@") && !metric.startsWith("recall@")) continue;
            int col = -1;
            for (int c = 0; c < lb.columns().size(); c++)
                if (lb.columns().get(c).stage().equals("recall") && lb.columns().get(c).metric().equals(metric)) col = c;
            if (col < 0) continue;
            Leaderboard.Row best = null;
            for (Leaderboard.Row r : lb.rows()) {
                if (!"recall".equals(r.stage()) || !r.has(col) || !java.util.Objects.equals(r.runLabel(), row.runLabel())) continue;
                if (best == null || r.mean()[col] > best.mean()[col]) best = r;
            }
            if (best == null) continue;
            double mine = row.mean()[m.getValue()], theirs = best.mean()[col];
            String delta = theirs == 0 ? "–" : String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * (mine / theirs - 1));
            t.append("<tr><th class=\"rowh\">").append(Html.escape(metric)).append("</th><td>").append(Fmt.num(mine))
                    .append("</td><td>").append(Html.escape(best.label())).append("</td><td>").append(Fmt.num(theirs))
                    .append("</td><td>").append(delta).append("</td></tr>");
        }
        if (t.length() == 0) return "";
        return "<p class=\"note\">The final lists against the best single recall model of the same run (its own"
                + " full-ranking lists, same users and test items):</p>"
                + "<table class=\"funnel\"><thead><tr><th class=\"rowh\">" + Html.escape(row.label())
                + " vs single models</th><th>pipeline</th><th>best single recall model</th><th>its value</th>"
                + "<th>pipeline vs it</th></tr></thead><tbody>" + t + "</tbody></table>";
    }

    /** Each stage's metrics side by side (rows that span several stages but are not pipelines). */
    private static void stages(ChartSet charts, Leaderboard.Row row, Map<String, Map<String, Integer>> byStage,
                               StringBuilder grid, StringBuilder tables) {
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

    private static boolean isFunnelMetric(String id) {
        return (id.startsWith("recall@") || id.startsWith("hit@") || id.startsWith("ndcg@")) && parseK(id) > 0;
    }

    /** K of {@code name@K}, or -1. */
    private static int parseK(String id) {
        int at = id.indexOf('@');
        try {
            return at < 0 ? -1 : Integer.parseInt(id.substring(at + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double value(Leaderboard.Row row, Map<String, Integer> cols, String metric) {
        Integer c = cols.get(metric);
        return c == null ? Double.NaN : row.mean()[c];
    }

    /** The row's extras averaged over its members (seeds), in first-seen key order. */
    private static Map<String, Double> meanExtras(List<Trial> trials, Leaderboard.Row row) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (int i : row.members()) {
            if (i >= trials.size()) continue;
            Map<String, Double> ex = trials.get(i).record().extras();
            if (ex == null) continue;
            ex.forEach((k, v) -> {
                if (v == null || v.isNaN()) return;
                double[] a = acc.computeIfAbsent(k, x -> new double[2]);
                a[0] += v;
                a[1]++;
            });
        }
        Map<String, Double> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, a[0] / a[1]));
        return out;
    }
}
