package io.reclab.data.fetch;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Reports a download's progress. {@link #lines} draws a bar redrawn in place when the output is a terminal, and
 * otherwise prints a plain line every tenth of the file (or every 10 s when the size is unknown), so logs of CI
 * jobs stay short and readable.
 */
public interface Progress {
    /** A download of {@code total} bytes (-1 when unknown) starts at byte {@code from} (more than 0 when resumed). */
    void start(String label, long from, long total);

    /** {@code done} bytes of the file are now on disk (the resumed part included). */
    void advance(long done);

    /** The download finished (successfully or not) with {@code done} bytes on disk. */
    void finish(long done);

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override public void start(String label, long from, long total) {}
        @Override public void advance(long done) {}
        @Override public void finish(long done) {}
    };

    /** Progress written to {@code out}: a bar redrawn with carriage returns when {@code terminal}, else plain lines. */
    static Progress lines(PrintWriter out, boolean terminal) {
        return new Lines(out, terminal);
    }

    /** The text progress of {@link #lines}. */
    final class Lines implements Progress {
        private static final long QUIET_NANOS = 10_000_000_000L;
        private static final long REDRAW_NANOS = 200_000_000L;
        private final PrintWriter out;
        private final boolean terminal;
        private String label;
        private long total;
        private int lastTenth;
        private long lastPrint;

        Lines(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void start(String label, long from, long total) {
            this.label = label;
            this.total = total;
            this.lastTenth = total > 0 ? (int) (10 * from / total) : 0;
            this.lastPrint = System.nanoTime();
            out.println(label + (from > 0 ? ": resuming at " + mb(from) : "") + (total > 0 ? " (" + mb(total) + ")" : ""));
            out.flush();
        }

        @Override
        public void advance(long done) {
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastPrint < REDRAW_NANOS) return;
                lastPrint = now;
                out.print("\r" + bar(done));
                out.flush();
                return;
            }
            int tenth = total > 0 ? (int) (10 * done / total) : 0;
            if ((total > 0 && tenth > lastTenth && tenth < 10) || (total <= 0 && now - lastPrint >= QUIET_NANOS)) {
                lastTenth = tenth;
                lastPrint = now;
                out.println("  " + mb(done) + (total > 0 ? " of " + mb(total) + " (" + 10 * tenth + "%)" : ""));
                out.flush();
            }
        }

        @Override
        public void finish(long done) {
            if (terminal) out.print("\r" + bar(done) + "\n");
            else out.println("  " + mb(done) + " received");
            out.flush();
        }

        private String bar(long done) {
            if (total <= 0) return "  " + mb(done);
            int width = 30, filled = (int) Math.min(width, width * done / total);
            return "  [" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%% %s of %s", 100 * done / total, mb(done), mb(total));
        }

        /** Bytes in MB when the file is that large (so one line uses one unit), else in bytes. */
        private String mb(long bytes) {
            return Math.max(bytes, total) < 1_000_000 ? String.format(Locale.ROOT, "%,d B", bytes)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
