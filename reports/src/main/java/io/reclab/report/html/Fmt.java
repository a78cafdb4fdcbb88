package io.reclab.report.html;

import java.util.Locale;

/** Number formatting for report cells (locale-independent). */
public final class Fmt {
    private Fmt() {}

    public static String num(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A spread (std) printed with the same fixed decimals as its mean, so columns read evenly. */
    public static String spread(double mean, double sd) {
        String m = num(mean);
        return m.contains("e") || Double.isNaN(sd) ? num(sd) : String.format(Locale.ROOT, "%.4f", sd);
    }

    /** p-values: 3 significant digits, with a floor shown as {@code <1e-16}. */
    public static String p(double p) {
        if (Double.isNaN(p)) return "–";
        if (p < 1e-16) return "<1e-16";
        if (p < 1e-3) return String.format(Locale.ROOT, "%.2e", p);
        return String.format(Locale.ROOT, "%.3f", p);
    }

    public static String seconds(double s) {
        if (Double.isNaN(s)) return "–";
        if (s < 1) return String.format(Locale.ROOT, "%.0f ms", s * 1000);
        if (s < 120) return String.format(Locale.ROOT, "%.1f s", s);
        return String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    /** Raw value for a {@code data-v} sort attribute. */
    public static String raw(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
