package io.reclab.pipeline;

import io.reclab.data.Interactions;
import io.reclab.eval.EvalSettings;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.recall.FittedRecaller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a recall → rank pipeline over the test users and evaluates it stage by stage.
 * <ol>
 *   <li>Each source ranks the full catalogue for every test user and keeps its top {@code quota} items, skipping
 *       the user's training (and, with {@code exclude-valid}, validation) items — the recall evaluator's lists.</li>
 *   <li>{@link CandidateMerger} unites them per user, deduplicated and tagged with their sources.</li>
 *   <li>{@link PipelineScorer} scores every (user, candidate) pair with the ranker and keeps the best K.</li>
 * </ol>
 * Stage {@code candidates}: Recall@N and HitRate@N of the merged set, N = the sum of the quotas (a user's set holds
 * at most N items; order is irrelevant). Stage {@code final}: the experiment's ranking metrics on the re-ranked lists.
 * Relevant sets and evaluated users are the recall evaluator's (users with at least one test item), so the numbers
 * compare with single recall models' directly.
 */
public final class PipelineEvaluator {
    private PipelineEvaluator() {}

    /** Stage keys in run.json. */
    public static final String CANDIDATES = "candidates";
    public static final String FINAL = "final";

    /**
     * @param candidates       merged candidate lists (in merge order) of the evaluated users
     * @param candidateMetrics recall@N and hit@N of the candidate sets
     * @param lists            the re-ranked final lists
     * @param finalMetrics     the final-stage metrics, in the evaluation's order
     * @param extras           per-source recall@quota, merge statistics and where final items came from
     * @param seconds          wall time by phase: {@code candidates}, {@code rank}, {@code evaluate}
     */
    public record Result(RankingContext candidates, Map<String, MetricResult> candidateMetrics, RankingContext lists,
                         Map<String, MetricResult> finalMetrics, Map<String, Double> extras, Map<String, Double> seconds) {}

    /**
     * @param sources      fitted recall models, aligned with {@code settings.sources()}
     * @param finalMetrics metrics of the final lists (see {@link PipelineSettings#finalMetrics})
     * @param eval         the experiment's evaluation settings (threads, exclusion of validation items); candidates
     *                     are always ranked over the full catalogue, whatever its mode
     */
    public static Result evaluate(PipelineSettings settings, List<FittedRecaller> sources, PipelineScorer scorer,
                                  Interactions train, Interactions valid, Interactions test,
                                  List<RankingMetric> finalMetrics, EvalSettings eval, long seed) {
        int ns = settings.sources().size();
        if (sources.size() != ns) throw new IllegalArgumentException(sources.size() + " models for " + ns + " sources");
        Map<String, Double> extras = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        RankingContext[] perSource = new RankingContext[ns];
        for (int s = 0; s < ns; s++) {
            RankingMetric recall = RankingMetrics.create("recall", settings.quota(s));
            EvalSettings es = eval.withMode(EvalSettings.Mode.FULL).withMetrics(List.of(recall));
            perSource[s] = RankingEvaluator.context(sources.get(s), train, valid, test, es, seed);
            extras.put("source." + settings.sources().get(s) + "." + recall.id(), recall.compute(perSource[s]).value());
        }
        RankingContext first = perSource[0];
        int n = first.size();
        CandidateMerger merger = new CandidateMerger(settings.quotas(), train.numItems());
        List<CandidateMerger.Merged> merged = new ArrayList<>(n);
        int[][] candidateLists = new int[n][];
        int[][] lists = new int[ns][];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < ns; s++) lists[s] = perSource[s].ranked()[i];
            CandidateMerger.Merged m = merger.merge(lists);
            merged.add(m);
            candidateLists[i] = m.items();
        }
        RankingContext cand = new RankingContext(first.users(), candidateLists, first.relevant(), first.numItems(),
                first.itemPopularity(), first.skippedUsers(), false);
        int nMax = settings.maxCandidates();
        Map<String, MetricResult> candMetrics = RankingEvaluator.compute(cand,
                List.of(RankingMetrics.create("recall", nMax), RankingMetrics.create("hit", nMax)));
        extras.putAll(CandidateStats.of(merged, ns).extras(settings.sources()));
        seconds.put("candidates", secs(t0));

        t0 = System.nanoTime();
        int maxK = 0;
        for (RankingMetric m : finalMetrics) maxK = Math.max(maxK, m.k());
        float[][] scores = scorer.score(first.users(), candidateLists);
        int[][] ranked = new int[n][];
        for (int i = 0; i < n; i++) ranked[i] = PipelineScorer.rerank(candidateLists[i], scores[i], maxK);
        seconds.put("rank", secs(t0));

        t0 = System.nanoTime();
        RankingContext fin = new RankingContext(first.users(), ranked, first.relevant(), first.numItems(),
                first.itemPopularity(), first.skippedUsers(), false);
        Map<String, MetricResult> finMetrics = RankingEvaluator.compute(fin, finalMetrics);
        extras.putAll(finalSourceShares(settings, merged, ranked, maxK));
        seconds.put("evaluate", secs(t0));
        return new Result(cand, candMetrics, fin, finMetrics, extras, seconds);
    }

    /**
     * {@code final.source.<name>.share@K}: the share of final-list items (top maxK, pooled over users) that source
     * produced. Shares sum to at least 1 (more when candidates came from several sources).
     */
    static Map<String, Double> finalSourceShares(PipelineSettings settings, List<CandidateMerger.Merged> merged,
                                                 int[][] ranked, int k) {
        int ns = settings.sources().size();
        long[] from = new long[ns];
        long total = 0;
        for (int i = 0; i < ranked.length; i++) {
            CandidateMerger.Merged m = merged.get(i);
            for (int item : ranked[i]) {
                int tag = 0;
                // final lists are short (K items among a few hundred candidates): a scan beats building an index
                for (int j = 0; j < m.size(); j++) if (m.items()[j] == item) { tag = m.tags()[j]; break; }
                for (int s = 0; s < ns; s++) if ((tag & (1 << s)) != 0) from[s]++;
                total++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < ns; s++)
            out.put("final.source." + settings.sources().get(s) + ".share@" + k, total == 0 ? Double.NaN : (double) from[s] / total);
        return out;
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
