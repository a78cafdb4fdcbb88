package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.PerUserTable;
import io.reclab.report.stats.PairedComparison;
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
 * a funnel, one step per list: each channel's own list ({@code recall:<channel>}), the merged candidates
 * ({@code merge}) and the re-ranked final lists ({@code final}), each with its candidate Recall/HitRate@N (the
 * ceiling it sets) and its Recall/NDCG at the final K (each channel alone and the merge passed through are the
 * baselines). Then the verdict: the final lists against the best channel (chosen on validation) with the paired
 * Wilcoxon test over per-user values; what each channel contributed; per-stage latency; and the final lists
 * against the best single recall trial of the same run. Other multi-stage rows show each stage's metrics side by side.
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

    /**
     * The pipeline verdicts of every pipeline row (one paragraph each: did it beat its best channel, with the paired
     * test), for the report's opening answer; empty when the report holds no pipeline.
     */
    public static String verdicts(Leaderboard lb, List<Trial> trials) {
        StringBuilder out = new StringBuilder();
        for (Leaderboard.Row row : lb.rows()) {
            if (!"pipeline".equals(row.stage())) continue;
            List<String> channels = new ArrayList<>();
            String ndcgK = null;
            for (int c = 0; c < lb.columns().size(); c++) {
                if (!row.has(c)) continue;
                Leaderboard.Column col = lb.columns().get(c);
                if (col.stage().startsWith(CHANNEL_PREFIX) && !channels.contains(col.stage().substring(CHANNEL_PREFIX.length())))
                    channels.add(col.stage().substring(CHANNEL_PREFIX.length()));
                if (ndcgK == null && col.stage().equals("final") && col.metric().startsWith("ndcg@")) ndcgK = col.metric();
            }
            String v = verdict(trials, row, channels, ndcgK);
            if (!v.isEmpty()) out.append(v.replace("<b>Verdict:</b> the pipeline's", "<b>Pipeline " + Html.escape(row.label()) + ":</b> its"));
        }
        return out.toString();
    }

    /** One list of the funnel: a channel's own list, the merged candidates, or the re-ranked final list. */
    private record Step(String label, String note, double recallN, double hitN, double recallK, double ndcgK) {}

    static final String CHANNEL_PREFIX = "recall:";

    private static void pipeline(ChartSet charts, Leaderboard lb, List<Trial> trials, Leaderboard.Row row,
                                 Map<String, Map<String, Integer>> byStage, StringBuilder grid, StringBuilder tables) {
        Map<String, Integer> fin = byStage.get("final");
        if (fin == null) {
            stages(charts, row, byStage, grid, tables);
            return;
        }
        String ndcgK = null, recallK = null;
        for (String m : fin.keySet()) {
            if (ndcgK == null && m.startsWith("ndcg@")) ndcgK = m;
            if (recallK == null && m.startsWith("recall@")) recallK = m;
        }
        Map<String, Double> extras = meanExtras(trials, row);
        List<Step> steps = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> s : byStage.entrySet()) {
            String stage = s.getKey();
            if (!stage.startsWith(CHANNEL_PREFIX) && !stage.equals("merge") && !stage.equals("final")) continue;
            int n = -1;
            for (String m : s.getValue().keySet()) if (m.startsWith("hit@")) n = Math.max(n, parseK(m));
            String note;
            if (stage.startsWith(CHANNEL_PREFIX)) {
                channels.add(stage.substring(CHANNEL_PREFIX.length()));
                note = "own top " + n;
            } else if (stage.equals("merge")) {
                Double size = extras.get("candidates.mean_size");
                note = "up to " + n + (size == null ? "" : String.format(java.util.Locale.ROOT, " (%.1f on average after dedupe)", size));
            } else {
                note = "re-ranked top " + parseK(ndcgK == null ? "@-1" : ndcgK);
            }
            Map<String, Integer> cols = s.getValue();
            boolean ceiling = n > 0 && !stage.equals("final");
            steps.add(new Step(stage, note, ceiling ? value(row, cols, "recall@" + n) : Double.NaN,
                    ceiling ? value(row, cols, "hit@" + n) : Double.NaN,
                    recallK == null ? Double.NaN : value(row, cols, recallK), ndcgK == null ? Double.NaN : value(row, cols, ndcgK)));
        }
        List<String> cats = new ArrayList<>();
        double[] ceiling = new double[steps.size()], atK = new double[steps.size()];
        tables.append("<table class=\"funnel\"><thead><tr><th class=\"rowh\">").append(Html.escape(row.label()))
                .append("</th><th>list</th><th>candidate recall@N</th><th>hit rate@N</th><th>")
                .append(Html.escape(recallK == null ? "recall@K" : recallK)).append("</th><th>")
                .append(Html.escape(ndcgK == null ? "ndcg@K" : ndcgK)).append("</th></tr></thead><tbody>");
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            cats.add(st.label());
            ceiling[i] = st.recallN();
            atK[i] = st.recallK();
            tables.append("<tr><th class=\"rowh\">").append(Html.escape(st.label())).append("</th><td>")
                    .append(Html.text(st.note())).append("</td><td>").append(Fmt.num(st.recallN()))
                    .append("</td><td>").append(Fmt.num(st.hitN())).append("</td><td>").append(Fmt.num(st.recallK()))
                    .append("</td><td>").append(Fmt.num(st.ndcgK())).append("</td></tr>");
        }
        tables.append("</tbody></table>");
        tables.append(verdict(trials, row, channels, ndcgK));
        tables.append(contributions(channels, extras));
        tables.append(latency(channels, extras));
        tables.append(versusSingleModels(lb, row, byStage));
        List<Charts.Values> series = new ArrayList<>();
        series.add(new Charts.Values("candidate recall@N (the ceiling)", ceiling));
        series.add(new Charts.Values(recallK == null ? "recall@K" : recallK, atK));
        grid.append(charts.add(Charts.categories(row.label() + ": funnel", "list", "recall", cats, series, false), 320));
    }

    /**
     * Did the pipeline beat its best channel? The best channel is chosen on validation (the channel alone at the
     * final K), the comparison is on test, paired over the same users, with the Wilcoxon signed-rank test.
     */
    static String verdict(List<Trial> trials, Leaderboard.Row row, List<String> channels, String metric) {
        if (metric == null || channels.isEmpty() || row.members().length == 0 || row.members()[0] >= trials.size()) return "";
        Trial t = trials.get(row.members()[0]);
        Map<String, Map<String, Double>> valid = t.record().valid();
        Map<String, Map<String, Double>> test = t.record().test();
        String best = null;
        boolean onValid = valid != null && !valid.isEmpty();
        double bestValue = Double.NEGATIVE_INFINITY;
        for (String c : channels) {
            Map<String, Double> m = (onValid ? valid : test).get(CHANNEL_PREFIX + c);
            Double v = m == null ? null : m.get(metric);
            if (v != null && v > bestValue) {
                bestValue = v;
                best = c;
            }
        }
        if (best == null || test == null || test.get("final") == null || test.get(CHANNEL_PREFIX + best) == null) return "";
        double mine = test.get("final").getOrDefault(metric, Double.NaN), theirs = test.get(CHANNEL_PREFIX + best).getOrDefault(metric, Double.NaN);
        StringBuilder b = new StringBuilder("<p class=\"verdict\"><b>Verdict:</b> the pipeline's final ").append(Html.escape(metric))
                .append(" is ").append(Fmt.num(mine)).append(" against ").append(Fmt.num(theirs)).append(" for its best channel, ")
                .append(Html.escape(best)).append(" alone (chosen on ").append(onValid ? "validation" : "test: no validation part").append(")");
        PerUserTable a = t.perUser().get("final"), c = t.perUser().get(CHANNEL_PREFIX + best);
        double[] x = a == null ? null : a.column(metric), y = c == null ? null : c.column(metric);
        if (x != null && y != null && x.length == y.length && java.util.Arrays.equals(a.users(), c.users())) {
            PairedComparison pc = PairedComparison.of(x, y);
            boolean sig = pc.wilcoxon().p() < 0.05;
            String word = pc.meanDiff() > 0 ? (sig ? "beat" : "did not significantly beat")
                    : pc.meanDiff() < 0 ? (sig ? "lost to" : "did not significantly differ from") : "tied with";
            b.append(": it ").append(word).append(" it (mean per-user difference ")
                    .append(String.format(java.util.Locale.ROOT, "%+.4f", pc.meanDiff())).append(", Wilcoxon signed-rank p = ")
                    .append(String.format(java.util.Locale.ROOT, "%.3g", pc.wilcoxon().p())).append(" over ").append(pc.n()).append(" users)");
        } else {
            b.append(" (no per-user files for a paired test)");
        }
        return b.append(".</p>").toString();
    }

    /** What each channel brought: held-out items it recalled, those only it recalled, its share of final items. */
    private static String contributions(List<String> channels, Map<String, Double> extras) {
        StringBuilder t = new StringBuilder();
        String shareKey = null;
        for (String k : extras.keySet()) if (k.startsWith("final.source.") && k.contains(".share@")) { shareKey = k.substring(k.indexOf(".share@")); break; }
        for (String c : channels) {
            Double hits = extras.get("channel." + c + ".hits"), unique = extras.get("channel." + c + ".unique_hits");
            Double share = shareKey == null ? null : extras.get("final.source." + c + shareKey);
            if (hits == null && unique == null && share == null) continue;
            t.append("<tr><th class=\"rowh\">").append(Html.escape(c)).append("</th><td>").append(Fmt.num(hits == null ? Double.NaN : hits))
                    .append("</td><td>").append(Fmt.num(unique == null ? Double.NaN : unique)).append("</td><td>")
                    .append(Fmt.num(share == null ? Double.NaN : share)).append("</td></tr>");
        }
        if (t.length() == 0) return "";
        return "<table class=\"funnel\"><thead><tr><th class=\"rowh\">channel</th><th>test items recalled per user</th>"
                + "<th>recalled by no other channel</th><th>share of final items" + (shareKey == null ? "" : " (" + Html.escape(shareKey.substring(7)) + ")")
                + "</th></tr></thead><tbody>" + t + "</tbody></table>";
    }

    /** Milliseconds per user of every stage, as measured on the test users. */
    private static String latency(List<String> channels, Map<String, Double> extras) {
        StringBuilder t = new StringBuilder();
        List<String> stages = new ArrayList<>();
        for (String c : channels) stages.add(CHANNEL_PREFIX + c);
        stages.addAll(List.of("merge", "features", "rank"));
        for (String s : stages) {
            Double v = extras.get("latency." + s + ".ms_per_user");
            if (v == null) continue;
            String how = "";
            if (s.startsWith(CHANNEL_PREFIX)) {
                Double ann = extras.get("channel." + s.substring(CHANNEL_PREFIX.length()) + ".approximate");
                how = ann != null && ann > 0 ? "ANN (HNSW)" : "exact";
            }
            t.append("<tr><th class=\"rowh\">").append(Html.escape(s)).append("</th><td>").append(Html.escape(how))
                    .append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.4f", v)).append("</td></tr>");
        }
        if (t.length() == 0) return "";
        return "<table class=\"funnel\"><thead><tr><th class=\"rowh\">stage</th><th>retrieval</th><th>ms per user</th></tr></thead><tbody>"
                + t + "</tbody></table>";
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
