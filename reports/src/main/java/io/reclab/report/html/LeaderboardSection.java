package io.reclab.report.html;

import io.reclab.report.Leaderboard;

/**
 * The leaderboard table (models × metrics, mean ± std over seeds, best per column highlighted, sortable, sticky
 * header and first column) and the list of trials that failed or are still running.
 */
public final class LeaderboardSection {
    private LeaderboardSection() {}

    public static String render(Leaderboard lb) {
        StringBuilder b = new StringBuilder();
        if (lb.rows().isEmpty()) {
            b.append("<p>No completed trials.</p>");
        } else {
            b.append("<p class=\"note\">").append(lb.rows().size()).append(" model configuration(s). Cells are means")
                    .append(" over seeds (± sample standard deviation when a configuration ran with several seeds;")
                    .append(" n = number of seeds). Best per column in bold; ↓ marks lower-is-better metrics.")
                    .append(" Click a header to sort.")
                    .append(lb.selectedOn() != null ? " Rows are ordered by the validation metric (" + Html.escape(lb.selectedOn())
                            + "): the top row is the model chosen on validation; metric columns are test values, computed once per chosen model."
                            : " These trials have no validation values: rows are ordered by the primary test metric.")
                    .append("</p>\n");
            b.append("<div class=\"table-wrap\"><table class=\"leaderboard sortable\"><thead><tr>")
                    .append("<th class=\"rowh\" data-type=\"text\">model</th><th data-type=\"num\">n</th>");
            if (lb.selectedOn() != null)
                b.append("<th data-type=\"num\" title=\"validation metric the rows are chosen and ordered by\">valid ")
                        .append(Html.escape(lb.selectedOn())).append(" (chosen on)</th>");
            for (Leaderboard.Column c : lb.columns()) {
                b.append("<th data-type=\"num\" title=\"").append(c.lowerIsBetter() ? "lower" : "higher")
                        .append(" is better\">").append(Html.escape(c.header())).append(c.lowerIsBetter() ? " ↓" : "")
                        .append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (int r = 0; r < lb.rows().size(); r++) {
                Leaderboard.Row row = lb.rows().get(r);
                b.append("<tr><th class=\"rowh\" scope=\"row\" title=\"").append(Html.escape(row.label())).append("\">")
                        .append(Html.escape(row.label())).append("</th><td>").append(row.members().length)
                        .append("</td>");
                if (lb.selectedOn() != null) {
                    b.append("<td data-v=\"").append(row.hasValid() ? Fmt.raw(row.validMean()) : "").append("\">")
                            .append(row.hasValid() ? Fmt.num(row.validMean()) : "–").append("</td>");
                }
                for (int c = 0; c < lb.columns().size(); c++) {
                    if (!row.has(c)) {
                        b.append("<td data-v=\"\">–</td>");
                        continue;
                    }
                    b.append("<td data-v=\"").append(Fmt.raw(row.mean()[c])).append('"');
                    if (lb.isBest(r, c)) b.append(" class=\"best\"");
                    b.append('>').append(Fmt.num(row.mean()[c]));
                    if (!Double.isNaN(row.std()[c])) b.append(" ± ").append(Fmt.spread(row.mean()[c], row.std()[c]));
                    if (lb.isBest(r, c)) b.append(" *");
                    b.append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table></div>\n");
        }
        if (!lb.incomplete().isEmpty()) {
            b.append("<h3>Trials that did not complete</h3>\n<table class=\"kv incomplete\"><tbody>\n");
            for (Leaderboard.Incomplete inc : lb.incomplete()) {
                String cls = "failed".equals(inc.status()) ? "status-failed" : "status-running";
                b.append("<tr><th>").append(Html.escape(inc.label())).append("</th><td class=\"").append(cls).append("\">")
                        .append(Html.escape(inc.status())).append("</td><td>");
                if (inc.error() != null && !inc.error().isBlank()) {
                    b.append("<pre>").append(Html.escape(inc.error())).append("</pre>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return b.toString();
    }
}
