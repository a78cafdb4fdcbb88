package io.reclab.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of an epoch loop (epoch, loss, the latest validation metric, ETA). On a terminal it is one line redrawn
 * with a carriage return on {@code System.err}. Without one (nohup, CI, {@code | tee}) it prints a plain line on
 * {@code System.out} at a steady interval ({@link #PLAIN_INTERVAL_SECONDS}) instead, so a long fit never goes
 * silent while a short one (a test, a quick model) prints nothing extra: the first plain line waits a full interval.
 */
public final class ProgressBar {
    /** Seconds between plain progress lines: often enough to show life, rare enough for a log file. */
    public static final double PLAIN_INTERVAL_SECONDS = 30;
    private static final int WIDTH = 24;
    private final String label;
    private final int total;
    private final PrintStream out;
    private final boolean redraw;
    private final double intervalSeconds;
    private final LongSupplier clock;
    private final long start;
    private long lastPlain;
    private boolean drawn;
    private String valid = "";

    public ProgressBar(String label, int total) {
        this(label, total, System.console() != null ? System.err : System.out, System.console() != null,
                PLAIN_INTERVAL_SECONDS, System::nanoTime);
    }

    /** A redrawn bar on {@code out} (null = silent). */
    public ProgressBar(String label, int total, PrintStream out, LongSupplier nanoClock) {
        this(label, total, out, true, 0, nanoClock);
    }

    /**
     * @param out      where to print, or null to stay silent
     * @param redraw   true: one line redrawn with {@code \r} (a terminal); false: a plain line every {@code intervalSeconds}
     */
    public ProgressBar(String label, int total, PrintStream out, boolean redraw, double intervalSeconds, LongSupplier nanoClock) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.redraw = redraw;
        this.intervalSeconds = intervalSeconds;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastPlain = start;
    }

    /** Whether anything is printed at all (terminal or plain mode). */
    public boolean enabled() { return out != null; }

    /** Whether progress is redrawn in place (a terminal) rather than printed as plain lines. */
    public boolean redraws() { return redraw; }

    /** Shown on the following lines until replaced: e.g. {@code valid ndcg@10 0.3120 (best 0.3150 @ 40)}. */
    public void validation(String text) { valid = text == null ? "" : text; }

    /** Reports {@code done} of {@code total} epochs. */
    public void update(int done, double loss) {
        if (out == null) return;
        if (redraw) {
            out.print('\r' + line(done, loss));
            out.flush();
            drawn = true;
            return;
        }
        long now = clock.getAsLong();
        if ((now - lastPlain) / 1e9 < intervalSeconds) return;
        lastPlain = now;
        out.println(plain(done, loss));
        out.flush();
    }

    /** The text drawn for {@code done} epochs, without the carriage return. */
    String line(int done, double loss) {
        int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
        StringBuilder sb = new StringBuilder(label).append(" epoch ").append(done).append('/').append(total).append(" [");
        for (int i = 0; i < WIDTH; i++) sb.append(i < filled ? '#' : '.');
        sb.append("] loss ").append(String.format(Locale.ROOT, "%.5g", loss));
        if (!valid.isEmpty()) sb.append(' ').append(valid);
        return sb.append(" ETA ").append(eta(done)).toString();
    }

    /** A log-friendly line: no bar, no control characters. */
    String plain(int done, double loss) {
        StringBuilder sb = new StringBuilder("  ").append(label).append(" epoch ").append(done).append('/').append(total)
                .append(" loss ").append(String.format(Locale.ROOT, "%.5g", loss));
        if (!valid.isEmpty()) sb.append(' ').append(valid);
        return sb.append(" elapsed ").append(formatSeconds((clock.getAsLong() - start) / 1e9)).append(" ETA ").append(eta(done))
                .toString();
    }

    private String eta(int done) {
        double elapsed = (clock.getAsLong() - start) / 1e9;
        double eta = done > 0 ? elapsed / done * (total - done) : Double.NaN;
        return eta == eta ? formatSeconds(eta) : "?";
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        if (t < 60) return t + "s";
        if (t < 3600) return (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s";
        return (t / 3600) + "h" + String.format(Locale.ROOT, "%02d", (t % 3600) / 60) + "m";
    }

    /** Ends the redrawn line (if anything was drawn). */
    public void finish() {
        if (out != null && redraw && drawn) {
            out.println();
            out.flush();
        }
    }
}
