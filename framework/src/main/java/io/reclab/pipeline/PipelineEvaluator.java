package io.reclab.pipeline;

import io.reclab.data.Csr;
import io.reclab.data.Interactions;
import io.reclab.eval.RankingContext;
import io.reclab.eval.RankingEvaluator;
import io.reclab.eval.rank.RankEvaluator;
import io.reclab.eval.rank.ScoreContext;
import io.reclab.metric.MetricResult;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.rank.ScoreMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.recall.FittedRecaller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a recall → merge → rank pipeline for every user with held-out items and evaluates it stage by stage, on the
 * same users and relevant items as the recall evaluator (so the numbers compare with single models directly):
 * <ul>
 *   <li>{@code recall:<channel>}: the channel's own list: candidate Recall@quota and HitRate@quota (the ceiling it
 *       sets), and the final metrics of the channel alone at the final K (a baseline);</li>
 *   <li>{@code merge}: the merged candidates: Recall@N and HitRate@N (N = the merged list's cap), and the final
 *       metrics of the merged list passed through without re-ranking (a baseline);</li>
 *   <li>{@code rank}: the ranker on every candidate, label = the candidate is held out for the user: AUC, GAUC,
 *       LogLoss (the experiment's rank metrics);</li>
 *   <li>{@code final}: the re-ranked lists at the final K.</li>
 * </ul>
 * Extras: merge statistics (sizes, per-channel contributions, overlaps), unique hits per channel (held-out items
 * among the candidates that only that channel recalled), the share of final items each channel produced, and the
 * latency per user of every stage (recall per channel, exact or ANN; merge; features; rank).
 */
public final class PipelineEvaluator {
    private PipelineEvaluator() {}

    public static final String MERGE = "merge";
    public static final String RANK = "rank";
    public static final String FINAL = "final";

    /** Stage key of a channel. */
    public static String channelStage(String channel) { return "recall:" + channel; }

    /**
     * @param stages  stage → metric id → result, in funnel order
     * @param lists   stage → the lists its list metrics were computed on (for per-user files)
     * @param extras  statistics and latencies (see the class comment)
     */
    public record Result(Map<String, Map<String, MetricResult>> stages, Map<String, RankingContext> lists,
                         Map<String, Double> extras) {}

    /**
     * @param channels     served channel models, aligned with {@code settings.channels()}
     * @param serving      the log the channels were fit on (excluded from candidates; histories)
     * @param exclude      further items to exclude per user (validation when serving test), or null
     * @param heldOut      the part evaluated (validation or test)
     * @param finalMetrics metrics of the final lists (see {@link PipelineSettings#finalMetrics})
     * @param rankMetrics  metrics of the ranker on candidates
     */
    public static Result evaluate(PipelineSettings settings, List<FittedRecaller> channels, CandidateMerger merger,
                                  PipelineScorer scorer, Interactions serving, Interactions exclude, Interactions heldOut,
                                  List<RankingMetric> finalMetrics, List<ScoreMetric> rankMetrics, int threads) {
        int ns = settings.channels().size();
        if (channels.size() != ns) throw new IllegalArgumentException(channels.size() + " models for " + ns + " channels");
        List<String> names = settings.sources();
        int numUsers = heldOut.numUsers();
        RankingEvaluator.HeldOut h = RankingEvaluator.heldOut(heldOut);
        int[] users = h.users();
        int[][] relevant = h.relevant();
        int n = users.length;
        if (n == 0) throw new IllegalArgumentException("no user has held-out items: nothing to evaluate the pipeline on");
        int[] popularity = serving.itemCounts();
        int numItems = serving.numItems();
        Map<String, Map<String, MetricResult>> stages = new LinkedHashMap<>();
        Map<String, RankingContext> contexts = new LinkedHashMap<>();
        Map<String, Double> extras = new LinkedHashMap<>();
        Csr servingCsr = serving.byUser();
        Csr excludeCsr = exclude == null || exclude.size() == 0 ? null : exclude.byUser();

        ChannelLists[] lists = new ChannelLists[ns];
        for (int s = 0; s < ns; s++) {
            lists[s] = ChannelLists.retrieve(channels.get(s), users, servingCsr, excludeCsr, settings.quota(s), threads);
            RankingContext ctx = new RankingContext(users, lists[s].items(), relevant, numItems, popularity, numUsers - n, false);
            Map<String, MetricResult> m = new LinkedHashMap<>();
            m.putAll(RankingEvaluator.compute(ctx, List.of(RankingMetrics.create("recall", settings.quota(s)),
                    RankingMetrics.create("hit", settings.quota(s)))));
            m.putAll(RankingEvaluator.compute(ctx, finalMetrics));
            stages.put(channelStage(names.get(s)), m);
            contexts.put(channelStage(names.get(s)), ctx);
            extras.put("latency." + channelStage(names.get(s)) + ".ms_per_user", 1e3 * lists[s].seconds() / n);
            extras.put("channel." + names.get(s) + ".approximate", channels.get(s).approximateRecall() ? 1.0 : 0.0);
        }

        long t0 = System.nanoTime();
        List<CandidateMerger.Merged> merged = new ArrayList<>(n);
        int[][] l = new int[ns][];
        float[][] sc = new float[ns][];
        int[][] candidateLists = new int[n][];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < ns; s++) {
                l[s] = lists[s].items()[i];
                sc[s] = lists[s].scores()[i];
            }
            CandidateMerger.Merged m = merger.merge(l, sc);
            merged.add(m);
            candidateLists[i] = m.items();
        }
        extras.put("latency.merge.ms_per_user", 1e3 * secs(t0) / n);
        int nMax = settings.mergeSize();
        RankingContext cand = new RankingContext(users, candidateLists, relevant, numItems, popularity, numUsers - n, false);
        Map<String, MetricResult> mm = new LinkedHashMap<>();
        mm.putAll(RankingEvaluator.compute(cand, List.of(RankingMetrics.create("recall", nMax), RankingMetrics.create("hit", nMax))));
        mm.putAll(RankingEvaluator.compute(cand, finalMetrics));
        stages.put(MERGE, mm);
        contexts.put(MERGE, cand);
        extras.putAll(CandidateStats.of(merged, ns).extras(names));
        extras.putAll(uniqueHits(names, merged, relevant));

        float[][] scores = scorer.score(users, merged);
        double f0 = scorer.featureSeconds(), r0 = scorer.rankSeconds();
        extras.put("latency.features.ms_per_user", 1e3 * f0 / n);
        extras.put("latency.rank.ms_per_user", 1e3 * r0 / n);

        // the ranker on every candidate: label = held out for the user
        int total = 0;
        for (int[] c : candidateLists) total += c.length;
        float[] flatScores = new float[total], labels = new float[total];
        int[] flatUsers = new int[total];
        for (int i = 0, r = 0; i < n; i++) {
            for (int j = 0; j < candidateLists[i].length; j++, r++) {
                flatScores[r] = scores[i][j];
                labels[r] = java.util.Arrays.binarySearch(relevant[i], candidateLists[i][j]) >= 0 ? 1f : 0f;
                flatUsers[r] = users[i];
            }
        }
        RankEvaluator.Result rr = new RankEvaluator(rankMetrics).evaluate(new ScoreContext(flatScores, labels, flatUsers));
        stages.put(RANK, rr.metrics());
        extras.put("rank.candidates", (double) total);
        extras.put("rank.candidate_positive_rate", total == 0 ? Double.NaN : sum(labels) / total);

        int maxK = settings.maxK();
        int[][] ranked = new int[n][];
        for (int i = 0; i < n; i++) ranked[i] = PipelineScorer.rerank(candidateLists[i], scores[i], maxK);
        RankingContext fin = new RankingContext(users, ranked, relevant, numItems, popularity, numUsers - n, false);
        stages.put(FINAL, RankingEvaluator.compute(fin, finalMetrics));
        contexts.put(FINAL, fin);
        extras.putAll(finalSourceShares(names, merged, ranked, maxK));
        return new Result(stages, contexts, extras);
    }

    /**
     * {@code channel.<name>.unique_hits}: held-out items per user among the candidates that only this channel
     * recalled, and {@code channel.<name>.hits}: held-out items per user it recalled at all.
     */
    static Map<String, Double> uniqueHits(List<String> names, List<CandidateMerger.Merged> merged, int[][] relevant) {
        int ns = names.size();
        double[] unique = new double[ns], hits = new double[ns];
        for (int i = 0; i < merged.size(); i++) {
            CandidateMerger.Merged m = merged.get(i);
            for (int j = 0; j < m.size(); j++) {
                if (java.util.Arrays.binarySearch(relevant[i], m.items()[j]) < 0) continue;
                int tag = m.tags()[j];
                for (int s = 0; s < ns; s++) {
                    if ((tag & (1 << s)) == 0) continue;
                    hits[s]++;
                    if (Integer.bitCount(tag) == 1) unique[s]++;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double d = Math.max(1, merged.size());
        for (int s = 0; s < ns; s++) {
            out.put("channel." + names.get(s) + ".hits", hits[s] / d);
            out.put("channel." + names.get(s) + ".unique_hits", unique[s] / d);
        }
        return out;
    }

    /**
     * {@code final.source.<name>.share@K}: the share of final-list items (top maxK, pooled over users) that a channel
     * produced. Shares sum to at least 1 (more when candidates came from several channels).
     */
    static Map<String, Double> finalSourceShares(List<String> names, List<CandidateMerger.Merged> merged, int[][] ranked, int k) {
        int ns = names.size();
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
            out.put("final.source." + names.get(s) + ".share@" + k, total == 0 ? Double.NaN : (double) from[s] / total);
        return out;
    }

    private static double sum(float[] x) {
        double s = 0;
        for (float v : x) s += v;
        return s;
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
