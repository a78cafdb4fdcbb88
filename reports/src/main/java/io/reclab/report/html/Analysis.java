package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.Trial;

import java.util.List;

/** Adds the analysis sections — verdict, significance, curves, rankers, per-user views, funnel, sweeps — to a page. */
public final class Analysis {
    private Analysis() {}

    public static void addTo(Page page, Leaderboard lb, List<Trial> trials) {
        List<StageData> stages = StageData.of(lb, trials);
        page.section("verdict", "Which model, and why", SignificanceSection.verdict(lb, stages));
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
