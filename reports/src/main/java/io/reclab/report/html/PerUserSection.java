package io.reclab.report.html;

import io.reclab.report.Leaderboard;
import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.Charts;
import io.reclab.report.stats.Descriptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-user distributions of each stage's primary metric (box plots) and its mean by user-activity bucket
 * (from an {@code n_train} column) and by item-popularity bucket (from a {@code pop_bucket} column); a chart whose
 * column is absent is skipped with the reason stated.
 */
public final class PerUserSection {
    public static final int MAX_BOXES = 15;
    public static final int MAX_BUCKET_SERIES = 8;
    /** Activity buckets by number of training interactions; upper bounds inclusive. */
    static final int[] ACTIVITY_BOUNDS = {5, 10, 20, 50, 100, 200};

    private PerUserSection() {}

    static String render(ChartSet charts, List<StageData> stages) {
        if (stages.isEmpty()) {
            return "<p class=\"note\">No per-user metric files (per_user_&lt;stage&gt;.csv) were found, so per-user"
                    + " distributions cannot be shown.</p>";
        }
        StringBuilder b = new StringBuilder();
        for (StageData sd : stages) {
            String metric = sd.primary;
            b.append("<h3>Stage ").append(Html.escape(sd.stage)).append(": ").append(Html.escape(metric))
                    .append(" per user</h3>");
            List<Leaderboard.Row> rows = sd.rows.subList(0, Math.min(MAX_BOXES, sd.rows.size()));
            if (sd.rows.size() > rows.size()) {
                b.append("<p class=\"note\">Top ").append(rows.size()).append(" of ").append(sd.rows.size())
                        .append(" configurations.</p>");
            }
            List<String> cats = new ArrayList<>();
            List<double[]> boxes = new ArrayList<>();
            List<Map<String, Double>> values = new ArrayList<>();
            for (Leaderboard.Row r : rows) {
                Map<String, Double> v = sd.values(r, metric);
                values.add(v);
                cats.add(r.label());
                boxes.add(Descriptive.box(v.values().stream().mapToDouble(Double::doubleValue).toArray()));
            }
            b.append("<div class=\"grid\">");
            b.append(charts.add(Charts.boxplot(sd.stage + ": " + metric + " per user (Tukey whiskers)", metric, cats,
                    boxes), 360));
            List<Leaderboard.Row> bucketRows = rows.subList(0, Math.min(MAX_BUCKET_SERIES, rows.size()));
            String activity = activityChart(charts, sd, bucketRows, values, metric);
            String popularity = popularityChart(charts, sd, bucketRows, values, metric);
            if (activity.startsWith("<div")) b.append(activity);
            if (popularity.startsWith("<div")) b.append(popularity);
            b.append("</div>");
            if (!activity.startsWith("<div")) b.append(activity);
            if (!popularity.startsWith("<div")) b.append(popularity);
        }
        return b.toString();
    }

    private static String activityChart(ChartSet charts, StageData sd, List<Leaderboard.Row> rows,
                                        List<Map<String, Double>> values, String metric) {
        List<String> cats = new ArrayList<>();
        int lo = 1;
        for (int hi : ACTIVITY_BOUNDS) {
            cats.add(lo + "–" + hi);
            lo = hi + 1;
        }
        cats.add(">" + ACTIVITY_BOUNDS[ACTIVITY_BOUNDS.length - 1]);
        List<Charts.Values> series = new ArrayList<>();
        int[] usersPerBucket = new int[cats.size()];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> nTrain = sd.attribute(rows.get(r), "n_train");
            if (nTrain.isEmpty()) continue;
            double[] sum = new double[cats.size()];
            int[] cnt = new int[cats.size()];
            for (Map.Entry<String, Double> e : values.get(r).entrySet()) {
                String n = nTrain.get(e.getKey());
                if (n == null || e.getValue().isNaN()) continue;
                int k;
                try {
                    k = bucket((int) Math.round(Double.parseDouble(n.trim())));
                } catch (NumberFormatException ex) {
                    continue;
                }
                sum[k] += e.getValue();
                cnt[k]++;
            }
            double[] mean = new double[cats.size()];
            for (int k = 0; k < mean.length; k++) mean[k] = cnt[k] == 0 ? Double.NaN : sum[k] / cnt[k];
            if (series.isEmpty()) usersPerBucket = cnt;
            series.add(new Charts.Values(rows.get(r).label(), mean));
        }
        if (series.isEmpty()) {
            return "<p class=\"note\">Results by user activity skipped: per_user_" + Html.escape(sd.stage)
                    + ".csv has no <code>n_train</code> column (training interactions per user).</p>";
        }
        List<String> labelled = new ArrayList<>();
        for (int k = 0; k < cats.size(); k++) labelled.add(cats.get(k) + " (" + usersPerBucket[k] + " users)");
        return charts.add(Charts.categories(sd.stage + ": mean " + metric + " by user activity (training interactions)",
                "training interactions", metric, labelled, series, false), 360);
    }

    static int bucket(int nTrain) {
        for (int k = 0; k < ACTIVITY_BOUNDS.length; k++) if (nTrain <= ACTIVITY_BOUNDS[k]) return k;
        return ACTIVITY_BOUNDS.length;
    }

    private static String popularityChart(ChartSet charts, StageData sd, List<Leaderboard.Row> rows,
                                          List<Map<String, Double>> values, String metric) {
        Set<String> buckets = new LinkedHashSet<>();
        List<Map<String, String>> attr = new ArrayList<>();
        for (Leaderboard.Row r : rows) {
            Map<String, String> a = sd.attribute(r, "pop_bucket");
            attr.add(a);
            buckets.addAll(a.values());
        }
        if (buckets.isEmpty()) {
            return "<p class=\"note\">Results by item popularity skipped: per_user_" + Html.escape(sd.stage)
                    + ".csv has no <code>pop_bucket</code> column.</p>";
        }
        List<String> cats = new ArrayList<>(buckets);
        if (cats.stream().allMatch(PerUserSection::isNumber)) cats.sort((x, y) -> Double.compare(Double.parseDouble(x), Double.parseDouble(y)));
        List<Charts.Values> series = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (attr.get(r).isEmpty()) continue;
            Map<String, double[]> acc = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : values.get(r).entrySet()) {
                String bk = attr.get(r).get(e.getKey());
                if (bk == null || e.getValue().isNaN()) continue;
                double[] a = acc.computeIfAbsent(bk, x -> new double[2]);
                a[0] += e.getValue();
                a[1]++;
            }
            double[] mean = new double[cats.size()];
            for (int k = 0; k < cats.size(); k++) {
                double[] a = acc.get(cats.get(k));
                mean[k] = a == null ? Double.NaN : a[0] / a[1];
            }
            series.add(new Charts.Values(rows.get(r).label(), mean));
        }
        return charts.add(Charts.categories(sd.stage + ": mean " + metric + " by item-popularity bucket",
                "pop_bucket", metric, cats, series, false), 360);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
