package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.PredictionsReader;
import io.reclab.report.Trial;
import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.Charts;
import io.reclab.report.stats.BinaryCurves;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * For rankers with {@code predictions_rank.csv}: ROC and precision–recall curves and a reliability diagram
 * (10 equal-width bins), with AUC, average precision and expected calibration error per model.
 */
public final class RankerSection {
    public static final int MAX_MODELS = 10;
    private static final int MAX_POINTS = 200;
    private static final int BINS = 10;

    private RankerSection() {}

    /** Returns null when no trial has predictions (the section is then omitted). */
    public static String render(ChartSet charts, Leaderboard lb, List<Trial> trials) {
        List<Charts.XY> roc = new ArrayList<>(), pr = new ArrayList<>(), rel = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        StringBuilder problems = new StringBuilder();
        int shown = 0, withPredictions = 0;
        for (Leaderboard.Row row : lb.rows()) {
            Trial t = null;
            for (int i : row.members()) {
                if (trials.get(i).predictions() != null) { t = trials.get(i); break; }
            }
            if (t == null) continue;
            withPredictions++;
            if (shown >= MAX_MODELS) continue;
            PredictionsReader.Predictions p;
            try {
                p = PredictionsReader.read(t.predictions());
            } catch (IOException e) {
                problems.append("<li>").append(Html.escape(e.getMessage())).append("</li>");
                continue;
            }
            shown++;
            BinaryCurves c = BinaryCurves.of(p.labels(), p.scores());
            BinaryCurves.Curve r = BinaryCurves.thin(c.roc(), MAX_POINTS);
            BinaryCurves.Curve q = BinaryCurves.thin(c.pr(), MAX_POINTS);
            roc.add(new Charts.XY(row.label() + " (AUC " + Fmt.num(c.auc()) + ")", r.x(), r.y()));
            pr.add(new Charts.XY(row.label() + " (AP " + Fmt.num(c.averagePrecision()) + ")", q.x(), q.y()));
            List<BinaryCurves.Bin> bins = BinaryCurves.calibration(p.labels(), p.scores(), BINS);
            double[] bx = new double[bins.size()], by = new double[bins.size()];
            for (int i = 0; i < bins.size(); i++) {
                bx[i] = bins.get(i).predicted();
                by[i] = bins.get(i).observed();
            }
            rel.add(new Charts.XY(row.label(), bx, by));
            table.append("<tr><td class=\"rowh\">").append(Html.escape(row.label())).append("</td><td>")
                    .append(c.positives()).append("</td><td>").append(c.negatives()).append("</td><td data-v=\"")
                    .append(Fmt.raw(c.auc())).append("\">").append(Fmt.num(c.auc())).append("</td><td data-v=\"")
                    .append(Fmt.raw(c.averagePrecision())).append("\">").append(Fmt.num(c.averagePrecision()))
                    .append("</td><td>").append(Fmt.num(BinaryCurves.expectedCalibrationError(bins))).append("</td></tr>");
        }
        if (withPredictions == 0) return null;
        StringBuilder b = new StringBuilder();
        if (withPredictions > shown) {
            b.append("<p class=\"note\">Curves for the top ").append(shown).append(" of ").append(withPredictions)
                    .append(" rankers with predictions.</p>");
        }
        if (problems.length() > 0) b.append("<ul class=\"note\">").append(problems).append("</ul>");
        if (shown > 0) {
            b.append("<div class=\"grid\">")
                    .append(charts.add(Charts.lines("ROC", "false positive rate", "true positive rate", roc, true, true), 360))
                    .append(charts.add(Charts.lines("Precision–recall", "recall", "precision", pr, true, false), 360))
                    .append(charts.add(Charts.lines("Reliability (calibration)", "mean predicted probability",
                            "observed positive rate", rel, true, true), 360))
                    .append("</div>");
            b.append("<div class=\"table-wrap\"><table class=\"sortable\"><thead><tr><th class=\"rowh\" data-type=\"text\">model</th>")
                    .append("<th data-type=\"num\">positives</th><th data-type=\"num\">negatives</th>")
                    .append("<th data-type=\"num\">AUC</th><th data-type=\"num\">average precision</th>")
                    .append("<th data-type=\"num\">ECE (10 bins)</th></tr></thead><tbody>").append(table)
                    .append("</tbody></table></div>");
        }
        return b.toString();
    }
}
