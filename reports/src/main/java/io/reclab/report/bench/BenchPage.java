package io.reclab.report.bench;

import io.reclab.bench.BenchResult;
import io.reclab.bench.BenchRow;
import io.reclab.report.chart.Charts;
import io.reclab.report.html.Html;
import io.reclab.report.html.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML page of a benchmark run: the machine and data shape, a sortable table of every figure (median with
 * min–max, CPU seconds, peak heap, seconds per epoch, NDCG@K and Recall@K beside the time), and a chart of the
 * median fit and recommend-all times per model. Every string from the run (model names, dataset, machine) is escaped.
 */
public final class BenchPage {
    private BenchPage() {}

    public static String render(BenchResult r) {
        Page page = new Page("reclab bench: " + r.experiment());
        StringBuilder setup = new StringBuilder("<table class=\"kv\">");
        kv(setup, "experiment", r.experiment());
        kv(setup, "data", r.dataset());
        kv(setup, "shape", String.format(Locale.ROOT, "%,d users × %,d items × %,d interactions (train %,d rows, %,d test users)",
                r.users(), r.items(), r.interactions(), r.trainRows(), r.testUsers()));
        kv(setup, "machine", r.machine().describe());
        kv(setup, "os", r.machine().os());
        kv(setup, "threads", Integer.toString(r.threads()));
        kv(setup, "protocol", r.settings().warmup() + " warm-up fit(s), then " + r.settings().repeats()
                + " measured repeats of each phase; median (min–max). Fits run the configured epochs with no early stopping.");
        kv(setup, "load + split", String.format(Locale.ROOT, "%.2f s", r.loadSeconds()));
        kv(setup, "peak resident memory", r.peakRssBytes() < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f GB", r.peakRssBytes() / 1e9));
        kv(setup, "started", r.started());
        setup.append("</table>");
        page.section("setup", "Setup", setup.toString());

        int k = r.settings().k();
        StringBuilder t = new StringBuilder("<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr>");
        for (String h : List.of("model", "phase", "median s", "min–max s", "CPU s", "peak heap MB", "epochs", "s / epoch",
                "NDCG@" + k, "Recall@" + k))
            t.append("<th").append(h.equals("model") ? " class=\"rowh\"" : "").append(">").append(Html.escape(h)).append("</th>");
        t.append("</tr></thead><tbody>");
        for (BenchRow row : r.rows()) {
            t.append("<tr><td class=\"rowh\">").append(Html.escape(row.model())).append("</td><td>").append(Html.escape(row.phase()))
                    .append("</td><td>").append(f(row.medianSeconds())).append("</td><td>").append(f(row.minSeconds())).append("–")
                    .append(f(row.maxSeconds())).append("</td><td>").append(f(row.medianCpuSeconds())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.0f", row.peakHeapBytes() / 1e6)).append("</td><td>")
                    .append(row.epochs() > 0 ? Integer.toString(row.epochs()) : "").append("</td><td>")
                    .append(row.epochs() > 0 ? f(row.perEpochSeconds()) : "").append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.4f", row.ndcg())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.4f", row.recall())).append("</td></tr>");
        }
        t.append("</tbody></table></div>");
        page.section("figures", "Figures", t.toString());

        List<String> models = new ArrayList<>();
        List<Double> fit = new ArrayList<>(), rec = new ArrayList<>();
        for (BenchRow row : r.rows()) {
            if (row.phase().equals(BenchRow.FIT)) {
                models.add(row.model());
                fit.add(row.medianSeconds());
            } else if (row.phase().equals(BenchRow.RECOMMEND_ALL)) {
                rec.add(row.medianSeconds());
            }
        }
        String chart = page.charts().add(Charts.categories("median wall seconds", "model", "seconds", models,
                List.of(new Charts.Values("fit", fit.stream().mapToDouble(Double::doubleValue).toArray()),
                        new Charts.Values("recommend-all", rec.stream().mapToDouble(Double::doubleValue).toArray())), false), 360);
        page.section("chart", "Time per model", chart);
        return page.render();
    }

    private static void kv(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>");
    }

    private static String f(double s) {
        return Double.isNaN(s) ? "" : String.format(Locale.ROOT, s < 10 ? "%.3f" : "%.1f", s);
    }
}
