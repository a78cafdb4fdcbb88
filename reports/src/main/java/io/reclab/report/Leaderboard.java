package io.reclab.report;

import io.reclab.metric.Direction;
import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Models × metrics table built from run records. Completed trials that share run, stage, model and every
 * parameter except seeds form one row whose cells are mean ± sample std over the seeds (test metrics); the best
 * mean of each column (in the direction each metric declared in run.json) is flagged. Rows are ordered by their
 * validation metric where they have one, so the top row is the model chosen on validation ({@link #selectedOn()}). Failed and running trials are kept aside with their status.
 */
public final class Leaderboard {

    /** One metric column; {@code header} is stage-prefixed ({@code rank/auc}) when the table spans several stages. */
    public record Column(String stage, String metric, String header, boolean lowerIsBetter, Direction direction) {
        /** How far a value is from this column's best (smaller is better). */
        public double badness(double v) { return direction.badness(v); }
    }

    /**
     * One model configuration. {@code members} index the input records averaged into the row; {@code n[c]} counts
     * the members that reported column c (0 = no value).
     */
    public record Row(String label, String runLabel, String stage, String model, Map<String, String> setting,
                      int[] members, double[] mean, double[] std, int[] n, String validMetric, double validMean) {
        public boolean has(int c) { return n[c] > 0; }

        /** Whether the row has a validation value of its selection metric (mean over seeds). */
        public boolean hasValid() { return validMetric != null && !Double.isNaN(validMean); }
    }

    /** A trial that did not complete. */
    public record Incomplete(int member, String label, String status, String error) {}

    private final List<Column> columns;
    private final List<Row> rows;
    private final boolean[][] best;
    private final List<Incomplete> incomplete;
    private final int primary;
    private final String selectedOn;

    private Leaderboard(List<Column> columns, List<Row> rows, boolean[][] best, List<Incomplete> incomplete,
                        int primary, String selectedOn) {
        this.columns = columns;
        this.rows = rows;
        this.best = best;
        this.incomplete = incomplete;
        this.primary = primary;
        this.selectedOn = selectedOn;
    }

    /**
     * The validation metric the rows of the primary column's stage are ordered by (best first), so that the top
     * row is the model chosen on validation; null when those rows have no validation values (then they are ordered
     * by the primary test column, and reports say that nothing was chosen on validation).
     */
    public String selectedOn() { return selectedOn; }

    public List<Column> columns() { return columns; }

    public List<Row> rows() { return rows; }

    public List<Incomplete> incomplete() { return incomplete; }

    /** Index of the primary column (the first {@code ndcg@K}, else the first), or -1 when there are no columns. */
    public int primaryColumn() { return primary; }

    public boolean isBest(int row, int column) { return best[row][column]; }

    /** Builds the table from records only (no run labels), as the console does. */
    public static Leaderboard of(List<RunRecord> records) {
        return of(records, Collections.nCopies(records.size(), null));
    }

    /**
     * @param runLabels per record, the run folder it came from; non-null labels become part of the row identity
     *                  and of its label, so the same model in two compared runs stays two rows
     */
    public static Leaderboard of(List<RunRecord> records, List<String> runLabels) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Incomplete> incomplete = new ArrayList<>();
        Set<String> stages = new LinkedHashSet<>();
        Map<String, Set<String>> metricsByStage = new LinkedHashMap<>();
        Map<String, String> directions = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            RunRecord r = records.get(i);
            String status = r.status() == null ? "unknown" : r.status();
            if (!RunFiles.STATUS_COMPLETED.equals(status)) {
                incomplete.add(new Incomplete(i, prefix(runLabels.get(i)) + nz(r.model()) + " (" + nz(r.trial()) + ")",
                        status, r.error()));
                continue;
            }
            if (r.metrics() != null && r.metrics().direction() != null) directions.putAll(r.metrics().direction());
            if (r.metrics() != null) {
                r.test().forEach((stage, m) -> {
                    if (m == null || m.isEmpty()) return;
                    stages.add(stage);
                    metricsByStage.computeIfAbsent(stage, k -> new LinkedHashSet<>()).addAll(m.keySet());
                });
            }
            groups.computeIfAbsent(groupKey(r, runLabels.get(i)), k -> new ArrayList<>()).add(i);
        }
        boolean prefixStage = stages.size() > 1;
        List<Column> columns = new ArrayList<>();
        metricsByStage.forEach((stage, ids) -> {
            for (String id : ids) {
                Direction d = MetricDirection.of(id, directions.get(id));
                columns.add(new Column(stage, id, prefixStage ? stage + "/" + id : id, d == Direction.LOWER, d));
            }
        });
        List<Row> rows = new ArrayList<>();
        for (List<Integer> members : groups.values()) rows.add(row(records, runLabels, members, columns));
        disambiguate(rows, records);
        int primary = -1;
        for (int c = 0; c < columns.size() && primary < 0; c++) {
            if (columns.get(c).metric().startsWith("ndcg@")) primary = c;
        }
        if (primary < 0 && !columns.isEmpty()) primary = 0;
        String selectedOn = null;
        if (primary >= 0) {
            final int p = primary;
            final Column pc = columns.get(p);
            // choose on validation: when every row of the primary column has a validation value of one metric,
            // those rows are ordered by it, so the top row is the model chosen on valid, never on test
            String common = null;
            boolean allValid = true;
            for (Row r : rows) {
                if (!r.has(p)) continue;
                if (!r.hasValid() || (common != null && !common.equals(r.validMetric()))) { allValid = false; break; }
                common = r.validMetric();
            }
            if (allValid && common != null) selectedOn = common;
            final boolean byValid = selectedOn != null;
            // Rows without the primary metric go last; the rest best-first, so the top row answers "which model".
            rows.sort(Comparator.comparingInt((Row r) -> r.has(p) ? 0 : 1)
                    .thenComparingDouble(r -> !r.has(p) ? 0 : byValid ? -r.validMean() : pc.badness(r.mean()[p])));
        }
        boolean[][] best = new boolean[rows.size()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String metric = columns.get(c).metric();
            double b = Double.NaN;
            for (Row r : rows) {
                double v = r.mean()[c];
                if (!r.has(c) || Double.isNaN(v)) continue;
                double bad = columns.get(c).badness(v);
                if (Double.isNaN(b) || bad < b) b = bad;
            }
            for (int i = 0; i < rows.size(); i++) {
                best[i][c] = rows.get(i).has(c) && columns.get(c).badness(rows.get(i).mean()[c]) == b;
            }
        }
        return new Leaderboard(List.copyOf(columns), List.copyOf(rows), best, List.copyOf(incomplete), primary, selectedOn);
    }

    /** Seed-like keys (the last path segment is {@code seed} or {@code seeds}) do not distinguish configurations. */
    public static boolean isSeedKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("seed") || last.equals("seeds");
    }

    /** The sweep entries that are not seeds: what distinguishes this trial's configuration from its siblings'. */
    public static Map<String, String> setting(RunRecord r) {
        Map<String, String> s = new LinkedHashMap<>();
        if (r.sweep() != null) r.sweep().forEach((k, v) -> { if (!isSeedKey(k)) s.put(k, v); });
        return s;
    }

    private static String groupKey(RunRecord r, String runLabel) {
        Map<String, String> params = new TreeMap<>();
        if (r.params() != null) r.params().forEach((k, v) -> { if (!isSeedKey(k)) params.put(k, String.valueOf(v)); });
        return String.join("\u0000", nz(runLabel), nz(r.stage()), nz(r.model()), params.toString(),
                new TreeMap<>(setting(r)).toString());
    }

    private static Row row(List<RunRecord> records, List<String> runLabels, List<Integer> members, List<Column> cols) {
        RunRecord first = records.get(members.get(0));
        double[] mean = new double[cols.size()];
        double[] std = new double[cols.size()];
        int[] n = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            double sum = 0, sq = 0;
            int k = 0;
            for (int i : members) {
                Map<String, Map<String, Double>> m = records.get(i).test();
                Double v = m.get(col.stage()) == null ? null : m.get(col.stage()).get(col.metric());
                if (v == null || v.isNaN()) continue;
                sum += v;
                k++;
            }
            n[c] = k;
            mean[c] = k == 0 ? Double.NaN : sum / k;
            for (int i : members) {
                Map<String, Map<String, Double>> m = records.get(i).test();
                Double v = m.get(col.stage()) == null ? null : m.get(col.stage()).get(col.metric());
                if (v == null || v.isNaN()) continue;
                sq += (v - mean[c]) * (v - mean[c]);
            }
            std[c] = k > 1 ? Math.sqrt(sq / (k - 1)) : Double.NaN;
        }
        String validMetric = first.selection() == null ? null : first.selection().metric();
        double vs = 0;
        int vn = 0;
        for (int i : members) {
            RunRecord r = records.get(i);
            if (validMetric == null || r.selection() == null || !validMetric.equals(r.selection().metric())) continue;
            Map<String, Double> v = r.valid().get(first.stage());
            Double x = v == null ? null : v.get(validMetric);
            if (x == null) x = r.selection().bestValue();
            if (x == null || x.isNaN()) continue;
            vs += x;
            vn++;
        }
        double validMean = vn == members.size() && vn > 0 ? vs / vn : Double.NaN;
        Map<String, String> setting = setting(first);
        StringBuilder label = new StringBuilder(prefix(runLabels.get(members.get(0)))).append(nz(first.model()));
        if (!setting.isEmpty()) {
            label.append(" (");
            int j = 0;
            for (Map.Entry<String, String> e : setting.entrySet()) {
                if (j++ > 0) label.append(", ");
                label.append(shortKey(e.getKey())).append('=').append(e.getValue());
            }
            label.append(')');
        }
        return new Row(label.toString(), runLabels.get(members.get(0)), first.stage(), first.model(), setting,
                members.stream().mapToInt(Integer::intValue).toArray(), mean, std, n, validMetric, validMean);
    }

    /** Rows with equal labels (same model, different non-swept params) fall back to their trial names. */
    private static void disambiguate(List<Row> rows, List<RunRecord> records) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Row r : rows) count.merge(r.label(), 1, Integer::sum);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (count.get(r.label()) > 1) {
                String trial = records.get(r.members()[0]).trial();
                rows.set(i, new Row(r.label() + " [" + nz(trial) + "]", r.runLabel(), r.stage(), r.model(),
                        r.setting(), r.members(), r.mean(), r.std(), r.n(), r.validMetric(), r.validMean()));
            }
        }
    }

    private static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String prefix(String runLabel) {
        return runLabel == null ? "" : runLabel + ": ";
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "?");
    }
}
