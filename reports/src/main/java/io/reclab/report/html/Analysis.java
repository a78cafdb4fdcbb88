package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.Trial;

import java.util.List;

/**
 * The analysis sections of a report — verdict, significance, curves, rankers, per-user views, funnel, sweeps —
 * sharing one set of per-stage data so significance tests are computed once.
 */
public final class Analysis {
    private final Leaderboard lb;
    private final List<Trial> trials;
    private final List<StageData> stages;
    private final String id;
    private final String title;

    public Analysis(Leaderboard lb, List<Trial> trials) {
        this(lb, trials, 0);
    }

    /**
     * @param group 0 for a report with one protocol; otherwise the 1-based protocol group, which suffixes every
     *              section id and title so groups evaluated differently are never compared in one table
     */
    public Analysis(Leaderboard lb, List<Trial> trials, int group) {
        this.lb = lb;
        this.trials = trials;
        this.stages = StageData.of(lb, trials);
        this.id = group == 0 ? "" : "-" + group;
        this.title = group == 0 ? "" : " (protocol " + group + ")";
    }

    /** The answer, placed first: the best configuration and the tests behind it. */
    public void addVerdict(Page page) {
        addVerdict(page, "");
    }

    /** The verdict, preceded by {@code introHtml} (already escaped: e.g. the group's protocol in words). */
    public void addVerdict(Page page, String introHtml) {
        page.section("verdict" + id, "Which model, and why" + title, introHtml + SignificanceSection.verdict(lb, stages)
                + FunnelSection.verdicts(lb, trials));
    }

    public void addLeaderboard(Page page) {
        page.section("leaderboard" + id, "Leaderboard" + title, LeaderboardSection.render(lb));
    }

    public void addSections(Page page) {
        page.section("significance" + id, "Significance" + title, SignificanceSection.render(stages));
        page.section("metric-at-k" + id, "Metric@K" + title, CurvesSection.metricAtK(page.charts(), lb));
        page.section("training" + id, "Training curves" + title, CurvesSection.training(page.charts(), lb, trials));
        String ranker = RankerSection.render(page.charts(), lb, trials);
        if (ranker != null) page.section("ranker" + id, "Ranker: ROC, PR, calibration" + title, ranker);
        page.section("per-user" + id, "Per-user results" + title, PerUserSection.render(page.charts(), stages));
        String funnel = FunnelSection.render(page.charts(), lb, trials);
        if (funnel != null) page.section("funnel" + id, "Pipeline funnel" + title, funnel);
        String sweep = SweepSection.render(page.charts(), lb);
        if (sweep != null) page.section("sweeps" + id, "Sweeps" + title, sweep);
    }
}
