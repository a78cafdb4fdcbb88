package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.MetricDirection;
import io.reclab.report.stats.Holm;
import io.reclab.report.stats.PairedComparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paired significance tests between every two configurations over their common test users (per-user files joined
 * on {@code user}): paired t-test and Wilcoxon signed-rank test, each Holm-corrected across all pairs of the
 * metric, with Cohen's d_z. Rendered as a matrix (row − column) for the stage's primary metric, a table of pairs,
 * and the users on whom the two best configurations differ most.
 */
public final class SignificanceSection {
    public static final double ALPHA = 0.05;
    static final int MAX_PAIR_ROWS = 200;
    static final int MAX_EXTRA_METRIC_ROWS = 12;

    /** One tested pair: rows a &lt; b (leaderboard order), difference = a − b. */
    public record Pair(int a, int b, PairedComparison test, double holmT, double holmW) {
        public boolean significant() { return holmW < ALPHA; }
    }

    private SignificanceSection() {}

    /** Tests all pairs of {@code rows} on {@code metric}; Holm adjusts each test's p-values over these pairs. */
    static List<Pair> compute(StageData sd, List<Leaderboard.Row> rows, String metric) {
        List<Map<String, Double>> values = new ArrayList<>();
        for (Leaderboard.Row r : rows) values.add(sd.values(r, metric));
        List<int[]> idx = new ArrayList<>();
        List<PairedComparison> tests = new ArrayList<>();
        for (int a = 0; a < rows.size(); a++) {
            for (int b = a + 1; b < rows.size(); b++) {
                Map<String, double[]> joined = StageData.align(List.of(values.get(a), values.get(b)));
                if (joined.size() < 2) continue;
                double[] x = new double[joined.size()], y = new double[joined.size()];
                int k = 0;
                for (double[] v : joined.values()) {
                    x[k] = v[0];
                    y[k++] = v[1];
                }
                idx.add(new int[]{a, b});
                tests.add(PairedComparison.of(x, y));
            }
        }
        double[] pt = new double[tests.size()], pw = new double[tests.size()];
        for (int i = 0; i < tests.size(); i++) {
            pt[i] = tests.get(i).pT();
            pw[i] = tests.get(i).wilcoxon().p();
        }
        double[] ht = Holm.adjust(pt), hw = Holm.adjust(pw);
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) out.add(new Pair(idx.get(i)[0], idx.get(i)[1], tests.get(i), ht[i], hw[i]));
        return out;
    }

    static String render(List<StageData> stages) {
        if (stages.isEmpty()) {
            return "<p class=\"note\">Significance tests need per-user metric files (per_user_&lt;stage&gt;.csv); none"
                    + " were found.</p>";
        }
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"note\">For each pair of configurations, the per-user values of the metric are paired on")
                .append(" the users both evaluated. Wilcoxon signed-rank (zero differences dropped; exact for ≤ 30")
                .append(" non-zero differences, normal approximation with tie correction above) and the paired t-test,")
                .append(" each Holm–Bonferroni-corrected over all pairs. d_z = mean difference / sd of differences.")
                .append(" A cell shows row − column; <strong>*</strong> and colour mark Holm-adjusted Wilcoxon p &lt; ")
                .append(ALPHA).append(". Configurations with several seeds use each user's mean over seeds.</p>");
        for (StageData sd : stages) {
            if (sd.rows.size() < 2) {
                b.append("<p>Stage ").append(Html.escape(sd.stage)).append(": only one configuration, nothing to compare.</p>");
                continue;
            }
            b.append("<h3>Stage ").append(Html.escape(sd.stage)).append(": ").append(Html.escape(sd.primary))
                    .append(" (primary metric)</h3>");
            List<Pair> pairs = sd.pairs(sd.primary);
            b.append(matrix(sd.rows, pairs, sd.primary));
            b.append(pairTable(sd.rows, pairs));
            b.append(largestGaps(sd));
            if (sd.rows.size() <= MAX_EXTRA_METRIC_ROWS) {
                for (String m : sd.metrics) {
                    if (m.equals(sd.primary)) continue;
                    b.append("<details><summary>").append(Html.escape(sd.stage + ": " + m)).append("</summary>")
                            .append(matrix(sd.rows, sd.pairs(m), m)).append("</details>");
                }
            }
        }
        return b.toString();
    }

    /**
     * One-paragraph answer: the configuration chosen on validation (or, without validation values, the best on the
     * primary test metric, said so), its test figure, and which others it beats significantly on test per user.
     * A winner is only called when the test finds a difference; otherwise the answer is "no significant difference".
     */
    static String verdict(Leaderboard lb, List<StageData> stages) {
        if (lb.rows().isEmpty() || lb.primaryColumn() < 0) return "<p>No completed trials to compare.</p>";
        Leaderboard.Column col = lb.columns().get(lb.primaryColumn());
        Leaderboard.Row best = lb.rows().get(0);
        StringBuilder b = new StringBuilder("<p>");
        if (lb.selectedOn() != null) {
            b.append("Chosen on validation <strong>").append(Html.escape(lb.selectedOn())).append("</strong>: <strong>")
                    .append(Html.escape(best.label())).append("</strong> (valid ").append(Fmt.num(best.validMean()))
                    .append("; test ").append(Html.escape(col.header())).append(' ')
                    .append(Fmt.num(best.mean()[lb.primaryColumn()])).append(").");
        } else {
            b.append("No validation values, so nothing was chosen on validation; best on the test metric <strong>")
                    .append(Html.escape(col.header())).append("</strong>: <strong>").append(Html.escape(best.label()))
                    .append("</strong> (").append(Fmt.num(best.mean()[lb.primaryColumn()]))
                    .append(col.lowerIsBetter() ? ", lower is better" : "").append(").");
        }
        StageData sd = null;
        for (StageData s : stages) if (s.stage.equals(col.stage()) && s.metrics.contains(col.metric())) sd = s;
        if (sd == null || !sd.rows.contains(best) || sd.rows.size() < 2) {
            b.append(" No per-user values for this metric, so no significance test backs the ranking.</p>");
            return b.toString();
        }
        List<Pair> pairs = sd.pairs(col.metric());
        int bi = sd.rows.indexOf(best);
        List<String> beaten = new ArrayList<>(), tied = new ArrayList<>(), worse = new ArrayList<>();
        for (Pair p : pairs) {
            if (p.a() != bi && p.b() != bi) continue;
            Leaderboard.Row other = sd.rows.get(p.a() == bi ? p.b() : p.a());
            double diff = p.a() == bi ? p.test().meanDiff() : -p.test().meanDiff();
            boolean better = col.lowerIsBetter() ? diff < 0 : diff > 0;
            if (p.significant() && better) beaten.add(other.label());
            else if (p.significant()) worse.add(other.label());
            else tied.add(other.label());
        }
        int others = beaten.size() + tied.size() + worse.size();
        if (beaten.isEmpty() && worse.isEmpty()) {
            b.append(" <strong>No significant difference</strong> on test ").append(Html.escape(col.metric()))
                    .append(" per user from any of the ").append(others)
                    .append(" other configuration(s) (Wilcoxon signed-rank, Holm-adjusted p &lt; ").append(ALPHA)
                    .append("): the data do not separate them.</p>");
            return b.toString();
        }
        b.append(" On test ").append(Html.escape(col.metric())).append(" per user it is significantly better than ")
                .append(beaten.size()).append(" of ").append(others)
                .append(" other configuration(s) (Wilcoxon signed-rank, Holm-adjusted p &lt; ").append(ALPHA).append(").");
        if (!tied.isEmpty()) b.append(" No significant difference from: ").append(list(tied)).append('.');
        if (!worse.isEmpty()) b.append(" Significantly worse on test than: ").append(list(worse))
                .append(" (chosen on validation, so test may disagree).");
        return b.append("</p>").toString();
    }

    private static String list(List<String> labels) {
        return Html.escape(String.join(", ", labels.subList(0, Math.min(10, labels.size())))) + (labels.size() > 10 ? ", …" : "");
    }

    private static String matrix(List<Leaderboard.Row> rows, List<Pair> pairs, String metric) {
        Pair[][] at = new Pair[rows.size()][rows.size()];
        for (Pair p : pairs) {
            at[p.a()][p.b()] = p;
            at[p.b()][p.a()] = p;
        }
        boolean lower = MetricDirection.lowerIsBetter(metric);
        StringBuilder b = new StringBuilder("<div class=\"table-wrap\"><table class=\"sigmatrix\"><thead><tr>")
                .append("<th class=\"rowh\">").append(Html.escape(metric)).append(": row − column</th>");
        for (int j = 0; j < rows.size(); j++) {
            b.append("<th title=\"").append(Html.escape(rows.get(j).label())).append("\">#").append(j + 1).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            b.append("<tr><th class=\"rowh\" title=\"").append(Html.escape(rows.get(i).label())).append("\">#")
                    .append(i + 1).append(' ').append(Html.escape(rows.get(i).label())).append("</th>");
            for (int j = 0; j < rows.size(); j++) {
                Pair p = at[i][j];
                if (i == j || p == null) {
                    b.append("<td>").append(i == j ? "—" : "n/a").append("</td>");
                    continue;
                }
                double diff = p.a() == i ? p.test().meanDiff() : -p.test().meanDiff();
                double dz = p.a() == i ? p.test().dz() : -p.test().dz();
                String title = String.format(Locale.ROOT,
                        "n=%d users, Δ=%s, d_z=%s, t=%s, p_t=%s (Holm %s), W+=%s, p_W=%s%s (Holm %s)",
                        p.test().n(), Fmt.num(diff), Fmt.num(dz), Fmt.num(p.a() == i ? p.test().t() : -p.test().t()),
                        Fmt.p(p.test().pT()), Fmt.p(p.holmT()), Fmt.num(p.test().wilcoxon().wPlus()),
                        Fmt.p(p.test().wilcoxon().p()), p.test().wilcoxon().exact() ? " exact" : " normal approx.",
                        Fmt.p(p.holmW()));
                boolean better = lower ? diff < 0 : diff > 0;
                String cls = p.significant() ? (better ? "sig sig-better" : "sig sig-worse") : "nsig";
                b.append("<td class=\"").append(cls).append("\" title=\"").append(Html.escape(title)).append("\">")
                        .append(diff >= 0 ? "+" : "").append(Fmt.num(diff)).append(p.significant() ? " *" : "")
                        .append("</td>");
            }
            b.append("</tr>");
        }
        long sig = pairs.stream().filter(Pair::significant).count();
        b.append("</tbody></table></div><p class=\"note\">").append(sig).append(" of ").append(pairs.size())
                .append(" pairs differ significantly").append(sig == 0 ? " (no significant difference)" : "")
                .append(". Hover a cell for n, d_z, t and both p-values.</p>");
        return b.toString();
    }

    private static String pairTable(List<Leaderboard.Row> rows, List<Pair> pairs) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble((Pair p) -> Double.isNaN(p.holmW()) ? 2 : p.holmW())
                .thenComparingDouble(p -> -Math.abs(p.test().meanDiff())));
        StringBuilder b = new StringBuilder("<details><summary>All pairs (").append(pairs.size()).append(")")
                .append(pairs.size() > MAX_PAIR_ROWS ? ", the " + MAX_PAIR_ROWS + " smallest p shown" : "")
                .append("</summary><div class=\"table-wrap\"><table class=\"sortable pairs\"><thead><tr>")
                .append("<th class=\"rowh\" data-type=\"text\">A</th><th data-type=\"text\">B</th>")
                .append("<th data-type=\"num\">users</th><th data-type=\"num\">mean A − B</th><th data-type=\"num\">d_z</th>")
                .append("<th data-type=\"num\">t</th><th data-type=\"num\">p (t)</th><th data-type=\"num\">Holm p (t)</th>")
                .append("<th data-type=\"num\">W+</th><th data-type=\"num\">p (Wilcoxon)</th>")
                .append("<th data-type=\"num\">Holm p (Wilcoxon)</th></tr></thead><tbody>");
        for (Pair p : sorted.subList(0, Math.min(MAX_PAIR_ROWS, sorted.size()))) {
            PairedComparison c = p.test();
            b.append("<tr><td class=\"rowh\">").append(Html.escape(rows.get(p.a()).label())).append("</td><td>")
                    .append(Html.escape(rows.get(p.b()).label())).append("</td><td>").append(c.n()).append("</td>")
                    .append(cell(c.meanDiff(), Fmt.num(c.meanDiff()))).append(cell(c.dz(), Fmt.num(c.dz())))
                    .append(cell(c.t(), Fmt.num(c.t()))).append(cell(c.pT(), Fmt.p(c.pT())))
                    .append(cell(p.holmT(), Fmt.p(p.holmT()))).append(cell(c.wilcoxon().wPlus(), Fmt.num(c.wilcoxon().wPlus())))
                    .append(cell(c.wilcoxon().p(), Fmt.p(c.wilcoxon().p()) + (c.wilcoxon().exact() ? " (exact)" : "")))
                    .append("<td data-v=\"").append(Fmt.raw(p.holmW())).append("\"")
                    .append(p.significant() ? " class=\"sig\"" : "").append('>').append(Fmt.p(p.holmW()))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table></div></details>").toString();
    }

    private static String cell(double v, String text) {
        return "<td data-v=\"" + Fmt.raw(v) + "\">" + Html.escape(text) + "</td>";
    }

    /** The users on whom the two best configurations differ most: where to look when debugging a difference. */
    private static String largestGaps(StageData sd) {
        Leaderboard.Row a = sd.rows.get(0), c = sd.rows.get(1);
        Map<String, double[]> joined = StageData.align(List.of(sd.values(a, sd.primary), sd.values(c, sd.primary)));
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(joined.entrySet());
        entries.sort(Comparator.comparingDouble(e -> -Math.abs(e.getValue()[0] - e.getValue()[1])));
        StringBuilder b = new StringBuilder("<details><summary>Users where ").append(Html.escape(a.label()))
                .append(" and ").append(Html.escape(c.label())).append(" differ most on ").append(Html.escape(sd.primary))
                .append("</summary><table class=\"gaps\"><thead><tr><th class=\"rowh\">user</th><th>")
                .append(Html.escape(a.label())).append("</th><th>").append(Html.escape(c.label()))
                .append("</th></tr></thead><tbody>");
        for (Map.Entry<String, double[]> e : entries.subList(0, Math.min(10, entries.size()))) {
            b.append("<tr><td class=\"rowh user\">").append(Html.escape(e.getKey())).append("</td><td>")
                    .append(Fmt.num(e.getValue()[0])).append("</td><td>").append(Fmt.num(e.getValue()[1])).append("</td></tr>");
        }
        return b.append("</tbody></table></details>").toString();
    }
}
