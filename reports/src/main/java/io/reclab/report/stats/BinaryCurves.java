package io.reclab.report.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Threshold curves of a scorer on binary labels: ROC (with AUC by the trapezoid rule, equal to the Mann–Whitney
 * probability with ties counting 1/2), precision–recall (with average precision, AP = Σ (R_k − R_{k−1}) P_k over
 * distinct thresholds) and a reliability diagram over equal-width probability bins (with expected calibration
 * error, ECE = Σ_b (n_b / N) |observed_b − predicted_b|). Points are taken at each distinct score, so tied scores
 * move the curve diagonally, as they should.
 */
public final class BinaryCurves {
    /** A curve as parallel x/y arrays. */
    public record Curve(double[] x, double[] y) {
        public int size() { return x.length; }
    }

    /** One reliability bin: mean predicted probability, observed positive rate, count. */
    public record Bin(double lo, double hi, double predicted, double observed, int count) {}

    private final Curve roc;
    private final Curve pr;
    private final double auc;
    private final double averagePrecision;
    private final int positives;
    private final int negatives;

    private BinaryCurves(Curve roc, Curve pr, double auc, double ap, int positives, int negatives) {
        this.roc = roc;
        this.pr = pr;
        this.auc = auc;
        this.averagePrecision = ap;
        this.positives = positives;
        this.negatives = negatives;
    }

    public Curve roc() { return roc; }

    /** x = recall, y = precision. */
    public Curve pr() { return pr; }

    public double auc() { return auc; }

    public double averagePrecision() { return averagePrecision; }

    public int positives() { return positives; }

    public int negatives() { return negatives; }

    /** @param labels 1 = positive, anything else negative */
    public static BinaryCurves of(int[] labels, double[] scores) {
        int n = labels.length;
        int[] order = sortDescending(scores);
        int pos = 0;
        for (int y : labels) if (y == 1) pos++;
        int neg = n - pos;
        List<double[]> rocPts = new ArrayList<>();
        List<double[]> prPts = new ArrayList<>();
        rocPts.add(new double[]{0, 0});
        int tp = 0, fp = 0;
        double auc = 0, ap = 0, prevTpr = 0, prevFpr = 0, prevRecall = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]] == 1) tp++; else fp++;
                j++;
            }
            double tpr = pos == 0 ? 0 : (double) tp / pos;
            double fpr = neg == 0 ? 0 : (double) fp / neg;
            auc += (fpr - prevFpr) * (tpr + prevTpr) / 2;
            rocPts.add(new double[]{fpr, tpr});
            double precision = (double) tp / (tp + fp);
            double recall = tpr;
            ap += (recall - prevRecall) * precision;
            prPts.add(new double[]{recall, precision});
            prevTpr = tpr;
            prevFpr = fpr;
            prevRecall = recall;
            i = j;
        }
        if (pos == 0 || neg == 0) auc = Double.NaN;
        if (pos == 0) ap = Double.NaN;
        return new BinaryCurves(toCurve(rocPts), toCurve(prPts), auc, ap, pos, neg);
    }

    /** Reliability bins over [0, 1] split into {@code bins} equal-width intervals; empty bins are omitted. */
    public static List<Bin> calibration(int[] labels, double[] scores, int bins) {
        double[] sumP = new double[bins];
        int[] pos = new int[bins];
        int[] cnt = new int[bins];
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(1, Math.max(0, scores[i]));
            int b = Math.min(bins - 1, (int) (p * bins));
            sumP[b] += p;
            cnt[b]++;
            if (labels[i] == 1) pos[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (cnt[b] == 0) continue;
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, sumP[b] / cnt[b], (double) pos[b] / cnt[b], cnt[b]));
        }
        return out;
    }

    public static double expectedCalibrationError(List<Bin> bins) {
        long n = 0;
        double e = 0;
        for (Bin b : bins) {
            n += b.count();
            e += b.count() * Math.abs(b.observed() - b.predicted());
        }
        return n == 0 ? Double.NaN : e / n;
    }

    /** At most {@code max} points of a curve, evenly spaced by index, always keeping the first and last. */
    public static Curve thin(Curve c, int max) {
        if (c.size() <= max) return c;
        double[] x = new double[max], y = new double[max];
        for (int i = 0; i < max; i++) {
            int k = (int) Math.round((double) i * (c.size() - 1) / (max - 1));
            x[i] = c.x()[k];
            y[i] = c.y()[k];
        }
        return new Curve(x, y);
    }

    private static Curve toCurve(List<double[]> pts) {
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new Curve(x, y);
    }

    /** Indices ordered by score descending (primitive sort on packed keys would lose ties' stability; n log n here). */
    private static int[] sortDescending(double[] scores) {
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a])).mapToInt(Integer::intValue).toArray();
    }
}
