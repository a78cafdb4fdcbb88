package io.reclab.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What merging did, averaged over users: merged set size, how many candidates each source contributed and how many
 * only it contributed, the share of source outputs lost to deduplication, and pairwise overlap between sources.
 * Computed from the candidates' source tags only.
 *
 * @param users         users merged
 * @param meanSize      mean merged candidates per user
 * @param duplicateRate 1 - merged / produced, pooled over users (0 when the sources never agree)
 * @param meanCount     per source: mean candidates it produced per user
 * @param meanUnique    per source: mean candidates per user that no other source produced
 * @param meanOverlap   [s][t], s < t: mean |C_s ∩ C_t| per user
 * @param meanJaccard   [s][t], s < t: mean |C_s ∩ C_t| / |C_s ∪ C_t| per user (users with both empty count 0)
 */
public record CandidateStats(int users, double meanSize, double duplicateRate, double[] meanCount, double[] meanUnique,
                             double[][] meanOverlap, double[][] meanJaccard) {

    public static CandidateStats of(List<CandidateMerger.Merged> merged, int sources) {
        int n = merged.size();
        double size = 0;
        long produced = 0, kept = 0;
        double[] count = new double[sources], unique = new double[sources];
        double[][] overlap = new double[sources][sources], jaccard = new double[sources][sources];
        int[] c = new int[sources], u = new int[sources];
        int[][] both = new int[sources][sources];
        for (CandidateMerger.Merged m : merged) {
            java.util.Arrays.fill(c, 0);
            java.util.Arrays.fill(u, 0);
            for (int[] row : both) java.util.Arrays.fill(row, 0);
            for (int tag : m.tags()) {
                boolean single = Integer.bitCount(tag) == 1;
                for (int s = 0; s < sources; s++) {
                    if ((tag & (1 << s)) == 0) continue;
                    c[s]++;
                    if (single) u[s]++;
                    for (int t = s + 1; t < sources; t++) if ((tag & (1 << t)) != 0) both[s][t]++;
                }
            }
            size += m.size();
            kept += m.size();
            for (int s = 0; s < sources; s++) {
                produced += c[s];
                count[s] += c[s];
                unique[s] += u[s];
                for (int t = s + 1; t < sources; t++) {
                    overlap[s][t] += both[s][t];
                    int union = c[s] + c[t] - both[s][t];
                    jaccard[s][t] += union == 0 ? 0 : (double) both[s][t] / union;
                }
            }
        }
        double d = Math.max(1, n);
        for (int s = 0; s < sources; s++) {
            count[s] /= d;
            unique[s] /= d;
            for (int t = s + 1; t < sources; t++) {
                overlap[s][t] /= d;
                jaccard[s][t] /= d;
            }
        }
        return new CandidateStats(n, n == 0 ? Double.NaN : size / n, produced == 0 ? 0 : 1 - (double) kept / produced,
                count, unique, overlap, jaccard);
    }

    /** As run.json extras: {@code candidates.mean_size}, {@code source.<name>.mean_count}, {@code overlap.<a>.<b>.jaccard}, ... */
    public Map<String, Double> extras(List<String> names) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("candidates.users", (double) users);
        out.put("candidates.mean_size", meanSize);
        out.put("candidates.duplicate_rate", duplicateRate);
        for (int s = 0; s < names.size(); s++) {
            out.put("source." + names.get(s) + ".mean_count", meanCount[s]);
            out.put("source." + names.get(s) + ".mean_unique", meanUnique[s]);
        }
        for (int s = 0; s < names.size(); s++)
            for (int t = s + 1; t < names.size(); t++) {
                out.put("overlap." + names.get(s) + "." + names.get(t) + ".mean", meanOverlap[s][t]);
                out.put("overlap." + names.get(s) + "." + names.get(t) + ".jaccard", meanJaccard[s][t]);
            }
        return out;
    }
}
