package io.reclab.report;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Test-scope harness (not a unit test): writes the demo run folders and their reports under the given directory,
 * for looking at the pages by hand and timing report generation. Usage: {@code ReportDemo <out-dir>}.
 */
public final class ReportDemo {
    private ReportDemo() {}

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "target/demo");
        long t0 = System.nanoTime();
        Path full = ReportWriter.writeRunReport(DemoRuns.full(out.resolve("full"), 200));
        long t1 = System.nanoTime();
        Path wide = ReportWriter.writeRunReport(DemoRuns.wide(out.resolve("wide"), 50, 500));
        long t2 = System.nanoTime();
        System.out.printf("full: %s (%.2f s)%nwide 50x20, 500 users: %s (%.2f s)%n", full, (t1 - t0) / 1e9, wide,
                (t2 - t1) / 1e9);
    }
}
