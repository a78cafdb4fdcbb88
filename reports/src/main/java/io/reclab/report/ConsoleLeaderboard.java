package io.reclab.report;

import io.reclab.run.RunRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text leaderboard for the console: one line per model configuration, one column per metric (stage-prefixed
 * when several stages are present), mean ± std over seeds, the best value per column marked with {@code *}.
 * Failed and running trials are listed below the table.
 */
public final class ConsoleLeaderboard {
    private ConsoleLeaderboard() {}

    /**
     * The leaderboard; when trials of several stages ran (recall models, rankers, pipelines), one table per stage
     * so each table has only the metrics its trials report.
     */
    public static String render(List<RunRecord> records) {
        java.util.Map<String, List<RunRecord>> byStage = new java.util.LinkedHashMap<>();
        for (RunRecord r : records) byStage.computeIfAbsent(r.stage() == null ? "" : r.stage(), k -> new ArrayList<>()).add(r);
        if (byStage.size() <= 1) return renderTable(records);
        StringBuilder out = new StringBuilder();
        for (java.util.Map.Entry<String, List<RunRecord>> e : byStage.entrySet()) {
            out.append("== ").append(e.getKey().isEmpty() ? "other" : e.getKey()).append(" ==\n");
            out.append(renderTable(e.getValue())).append('\n');
        }
        return out.toString();
    }

    private static String renderTable(List<RunRecord> records) {
        Leaderboard lb = Leaderboard.of(records);
        List<String[]> lines = new ArrayList<>();
        // with validation values, the first value column is the one the rows are ordered (chosen) by
        int off = lb.selectedOn() != null ? 2 : 1;
        String[] header = new String[lb.columns().size() + off];
        header[0] = "model";
        if (off == 2) header[1] = "valid " + lb.selectedOn() + " (chosen on)";
        for (int c = 0; c < lb.columns().size(); c++) {
            Leaderboard.Column col = lb.columns().get(c);
            header[c + off] = col.header() + (col.lowerIsBetter() ? " (lower)"
                    : !Double.isNaN(MetricDirection.target(col.metric())) ? " (ideal 1)" : "");
        }
        lines.add(header);
        for (int r = 0; r < lb.rows().size(); r++) {
            Leaderboard.Row row = lb.rows().get(r);
            String[] cells = new String[header.length];
            cells[0] = row.label();
            if (off == 2) cells[1] = row.hasValid() ? String.format(Locale.ROOT, "%.4f", row.validMean()) : "-";
            for (int c = 0; c < lb.columns().size(); c++) {
                cells[c + off] = row.has(c) ? format(row.mean()[c], row.std()[c]) + (lb.isBest(r, c) ? "*" : " ") : "-";
            }
            lines.add(cells);
        }
        StringBuilder out = new StringBuilder();
        for (RunRecord r : records) {
            if (r.evaluation() != null && "sampled".equals(r.evaluation().mode())) {
                out.append("SAMPLED METRICS: each test item ranked among ").append(r.evaluation().negatives())
                        .append(" sampled negatives per positive; not comparable with full-ranking numbers.\n");
                break;
            }
        }
        int[] width = new int[header.length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        for (int li = 0; li < lines.size(); li++) {
            String[] l = lines.get(li);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                if (i == 0) line.append(pad(l[i], width[i], false));
                else line.append("  ").append(pad(l[i], width[i], true));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (li == 0) out.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
        }
        if (lb.rows().isEmpty()) out.append("(no completed trials)\n");
        else if (lb.selectedOn() != null) out.append("rows ordered by validation ").append(lb.selectedOn())
                .append("; the other columns are test metrics, computed once for each chosen model\n");
        for (Leaderboard.Incomplete inc : lb.incomplete()) {
            out.append(inc.status()).append(": ").append(inc.label());
            if (inc.error() != null && !inc.error().isBlank()) {
                out.append(" — ").append(inc.error().lines().findFirst().orElse(""));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String format(double mean, double std) {
        String m = String.format(Locale.ROOT, "%.4f", mean);
        return Double.isNaN(std) ? m : m + "±" + String.format(Locale.ROOT, "%.4f", std);
    }

    private static String pad(String s, int w, boolean right) {
        if (s.length() >= w) return s;
        String sp = " ".repeat(w - s.length());
        return right ? sp + s : s + sp;
    }
}
