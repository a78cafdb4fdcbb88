package io.reclab.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line console progress display for epoch loops (epoch, bar, loss, ETA), redrawn with a carriage return on
 * {@code System.err}. It prints only when a console is attached ({@code System.console() != null}), so logs,
 * CI output and test reports stay clean.
 */
public final class ProgressBar {
    private static final int WIDTH = 24;
    private final String label;
    private final int total;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private boolean drawn;

    public ProgressBar(String label, int total) {
        this(label, total, System.console() != null ? System.err : null, System::nanoTime);
    }

    /** @param out where to draw, or null to stay silent */
    public ProgressBar(String label, int total, PrintStream out, LongSupplier nanoClock) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    public boolean enabled() { return out != null; }

    /** Redraws the line after {@code done} of {@code total} epochs. */
    public void update(int done, double loss) {
        if (out == null) return;
        out.print('\r' + line(done, loss));
        out.flush();
        drawn = true;
    }

    /** The text drawn for {@code done} epochs, without the carriage return. */
    String line(int done, double loss) {
        int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
        StringBuilder sb = new StringBuilder(label).append(" epoch ").append(done).append('/').append(total).append(" [");
        for (int i = 0; i < WIDTH; i++) sb.append(i < filled ? '#' : '.');
        sb.append("] loss ").append(String.format(Locale.ROOT, "%.5g", loss));
        double elapsed = (clock.getAsLong() - start) / 1e9;
        double eta = done > 0 ? elapsed / done * (total - done) : Double.NaN;
        sb.append(" ETA ").append(eta == eta ? formatSeconds(eta) : "?");
        return sb.toString();
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        if (t < 60) return t + "s";
        if (t < 3600) return (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s";
        return (t / 3600) + "h" + String.format(Locale.ROOT, "%02d", (t % 3600) / 60) + "m";
    }

    /** Ends the line (if anything was drawn). */
    public void finish() {
        if (out != null && drawn) {
            out.println();
            out.flush();
        }
    }
}
