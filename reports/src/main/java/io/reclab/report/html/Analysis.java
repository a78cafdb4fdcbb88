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

    public Analysis(Leaderboard lb, List<Trial> trials) {
        this.lb = lb;
        this.trials = trials;
        this.stages = StageData.of(lb, trials);
    }

    /** The answer, placed first: the best configuration and the tests behind it. */
    public void addVerdict(Page page) {
        page.section("verdict", "Which model, and why", SignificanceSection.verdict(lb, stages));
    }

    public void addSections(Page page) {
        page.section("significance", "Significance", SignificanceSection.render(stages));
        page.section("metric-at-k", "Metric@K", CurvesSection.metricAtK(page.charts(), lb));
        page.section("training", "Training curves", CurvesSection.training(page.charts(), lb, trials));
        String ranker = RankerSection.render(page.charts(), lb, trials);
        if (ranker != null) page.section("ranker", "Ranker: ROC, PR, calibration", ranker);
        page.section("per-user", "Per-user results", PerUserSection.render(page.charts(), stages));
        String funnel = FunnelSection.render(page.charts(), lb, trials);
        if (funnel != null) page.section("funnel", "Pipeline funnel", funnel);
        String sweep = SweepSection.render(page.charts(), lb);
        if (sweep != null) page.section("sweeps", "Sweeps", sweep);
    }
}
