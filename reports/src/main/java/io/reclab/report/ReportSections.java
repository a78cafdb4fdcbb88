package io.reclab.report;

import io.reclab.report.html.Page;

import java.util.List;

/** Adds the analysis sections (curves, significance, per-user distributions, ...) to a report page. */
final class ReportSections {
    private ReportSections() {}

    static void addAnalysis(Page page, Leaderboard lb, List<Trial> trials, boolean comparison) {
    }
}
