package io.reclab.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-user values of a leaderboard row: for a row of several seeds, each user's value is the mean over the seeds'
 * per-user files (users missing from any seed are dropped, so the row's users are those every seed evaluated).
 */
public final class RowUsers {
    private RowUsers() {}

    /** User → value for {@code stage}/{@code metric}, in the first member's file order; empty when no file has it. */
    public static Map<String, Double> values(Leaderboard.Row row, List<Trial> trials, String stage, String metric) {
        Map<String, double[]> acc = null;
        int members = 0;
        for (int i : row.members()) {
            PerUserTable t = trials.get(i).perUser().get(stage);
            double[] col = t == null ? null : t.column(metric);
            if (col == null) continue;
            Map<String, double[]> next = new LinkedHashMap<>();
            if (acc == null) {
                for (int u = 0; u < t.size(); u++) next.put(t.users()[u], new double[]{col[u]});
            } else {
                Map<String, Integer> index = new java.util.HashMap<>();
                for (int u = 0; u < t.size(); u++) index.put(t.users()[u], u);
                for (Map.Entry<String, double[]> e : acc.entrySet()) {
                    Integer u = index.get(e.getKey());
                    if (u != null) next.put(e.getKey(), new double[]{e.getValue()[0] + col[u]});
                }
            }
            acc = next;
            members++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (acc == null) return out;
        for (Map.Entry<String, double[]> e : acc.entrySet()) out.put(e.getKey(), e.getValue()[0] / members);
        return out;
    }

    /** User → attribute value (e.g. {@code n_train}) from the first member whose file has the column. */
    public static Map<String, String> attribute(Leaderboard.Row row, List<Trial> trials, String stage, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i : row.members()) {
            PerUserTable t = trials.get(i).perUser().get(stage);
            if (t == null || !t.attributes().containsKey(name)) continue;
            String[] col = t.attributes().get(name);
            for (int u = 0; u < t.size(); u++) out.put(t.users()[u], col[u]);
            return out;
        }
        return out;
    }

    /** Primary metric of a stage's per-user data: the first {@code ndcg@K} column, else the first column. */
    public static String primaryMetric(List<String> metrics) {
        for (String m : metrics) if (m.startsWith("ndcg@")) return m;
        return metrics.isEmpty() ? null : metrics.get(0);
    }
}
