package io.reclab.rank.features;

import io.reclab.data.Csr;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a {@link RawTable} of ranking rows from an interaction log and user/item side features: columns
 * {@code user_id} and {@code item_id} (external ids), every user feature, every item feature (categorical → string,
 * multi-valued → values joined by "|", numeric → float; text fields such as titles are skipped), and optionally
 * {@code history}. Rows carry the dense user id (for GAUC) and the interaction time (negatives take their
 * positive's time). A feature whose name collides with an earlier column is prefixed {@code user_} or {@code item_}.
 * <p>
 * The {@code history} column lists, oldest first and joined by "|", the last {@code historyLength} items of the
 * user in the {@code history} log with time strictly before the row's time, so a training row never sees its own
 * interaction.
 */
public final class SampleBuilder {
    public static final String USER = "user_id";
    public static final String ITEM = "item_id";
    public static final String HISTORY = "history";
    public static final String SEPARATOR = "|";

    private final SampleConfig config;

    public SampleBuilder(SampleConfig config) { this.config = config; }

    /**
     * @param log     the interactions to turn into rows (e.g. one split part)
     * @param history log for history columns and for excluding interacted items from negatives (usually the
     *                training part); may be null, then {@code log} itself is used
     * @param seed    seeds negative sampling
     */
    public RawTable build(Interactions log, FeatureTable userFeatures, FeatureTable itemFeatures, Interactions history, long seed) {
        if (history == null) history = log;
        int n = log.size();
        int rows = config.label() == SampleConfig.Label.IMPLICIT ? n * (1 + config.negatives()) : n;
        int[] users = new int[rows], items = new int[rows];
        long[] times = new long[rows];
        float[] labels = new float[rows];
        if (config.label() == SampleConfig.Label.THRESHOLD) {
            for (int r = 0; r < n; r++) {
                users[r] = log.user(r);
                items[r] = log.item(r);
                times[r] = log.time(r);
                labels[r] = log.value(r) >= config.threshold() ? 1f : 0f;
            }
        } else {
            sampleNegatives(log, history, seed, users, items, times, labels);
        }

        List<RawTable.Column> cols = new ArrayList<>();
        Set<String> taken = new HashSet<>(List.of(USER, ITEM));
        cols.add(idColumn(USER, users, log.users().externals()));
        cols.add(idColumn(ITEM, items, log.items().externals()));
        addFeatures(cols, taken, userFeatures, users, "user_");
        addFeatures(cols, taken, itemFeatures, items, "item_");
        if (config.historyLength() > 0) {
            String name = taken.contains(HISTORY) ? "seq_" + HISTORY : HISTORY;
            cols.add(historyColumn(name, history, users, times));
        }
        return new RawTable(cols, labels, users, times);
    }

    private void sampleNegatives(Interactions log, Interactions history, long seed, int[] users, int[] items,
                                 long[] times, float[] labels) {
        Csr a = log.byUser(), b = history == log ? null : history.byUser();
        int numItems = log.numItems(), k = config.negatives();
        SplittableRandom rnd = new SplittableRandom(seed);
        int out = 0;
        for (int r = 0; r < log.size(); r++) {
            int u = log.user(r);
            users[out] = u; items[out] = log.item(r); times[out] = log.time(r); labels[out] = 1f;
            out++;
            int seen = a.rowLength(u) + (b == null ? 0 : b.rowLength(u));
            if (k > 0 && seen >= numItems && allSeen(a, b, u, numItems))
                throw new IllegalArgumentException("user " + log.users().external(u) + " interacted with every item; cannot sample negatives");
            for (int j = 0; j < k; j++) {
                int it;
                do {
                    // rejection sampling: users touch a small share of the catalogue, so few draws are rejected
                    it = rnd.nextInt(numItems);
                } while (a.contains(u, it) || (b != null && b.contains(u, it)));
                users[out] = u; items[out] = it; times[out] = log.time(r); labels[out] = 0f;
                out++;
            }
        }
    }

    private static boolean allSeen(Csr a, Csr b, int u, int numItems) {
        for (int i = 0; i < numItems; i++) if (!a.contains(u, i) && (b == null || !b.contains(u, i))) return false;
        return true;
    }

    private static RawTable.StringColumn idColumn(String name, int[] ids, List<String> externals) {
        return new RawTable.StringColumn(name, ids.clone(), externals.toArray(new String[0]));
    }

    private static void addFeatures(List<RawTable.Column> cols, Set<String> taken, FeatureTable table, int[] entity, String prefix) {
        for (FeatureField f : table.fields().values()) {
            if (f instanceof FeatureField.Text) continue;
            String name = taken.contains(f.name()) ? prefix + f.name() : f.name();
            if (!taken.add(name)) throw new IllegalArgumentException("feature column `" + name + "` occurs twice");
            cols.add(column(name, f, entity));
        }
    }

    private static RawTable.Column column(String name, FeatureField f, int[] entity) {
        int n = entity.length;
        if (f instanceof FeatureField.Numeric num) {
            float[] v = new float[n];
            for (int r = 0; r < n; r++) v[r] = num.values()[entity[r]];
            return new RawTable.FloatColumn(name, v);
        }
        if (f instanceof FeatureField.Categorical c) {
            // dictionary = vocabulary + "" for missing (code -1)
            String[] dict = c.vocabulary().toArray(new String[c.vocabulary().size() + 1]);
            dict[dict.length - 1] = "";
            int[] codes = new int[n];
            for (int r = 0; r < n; r++) {
                int code = c.codes()[entity[r]];
                codes[r] = code < 0 ? dict.length - 1 : code;
            }
            return new RawTable.StringColumn(name, codes, dict);
        }
        FeatureField.MultiValued mv = (FeatureField.MultiValued) f;
        int entities = mv.offsets().length - 1;
        Map<String, Integer> index = new HashMap<>();
        List<String> dict = new ArrayList<>();
        int[] entityCode = new int[entities];
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < entities; e++) {
            sb.setLength(0);
            for (int p = mv.offsets()[e]; p < mv.offsets()[e + 1]; p++) {
                if (sb.length() > 0) sb.append(SEPARATOR);
                sb.append(mv.vocabulary().get(mv.codes()[p]));
            }
            String s = sb.toString();
            Integer code = index.get(s);
            if (code == null) {
                code = dict.size();
                index.put(s, code);
                dict.add(s);
            }
            entityCode[e] = code;
        }
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) codes[r] = entityCode[entity[r]];
        return new RawTable.StringColumn(name, codes, dict.toArray(new String[0]));
    }

    private RawTable.StringColumn historyColumn(String name, Interactions history, int[] users, long[] times) {
        Csr byUser = history.byUser();
        long[] hTime = history.timeColumn();
        List<String> ext = history.items().externals();
        int numUsers = history.numUsers();
        // per user: items in time order (ties by log row) with their times
        int[][] seqItems = new int[numUsers][];
        long[][] seqTimes = new long[numUsers][];
        for (int u = 0; u < numUsers; u++) {
            int s = byUser.rowStart(u), len = byUser.rowLength(u);
            long[] keys = new long[len];
            Integer[] order = new Integer[len];
            for (int i = 0; i < len; i++) order[i] = s + i;
            Arrays.sort(order, (x, y) -> {
                int c = Long.compare(hTime[byUser.source[x]], hTime[byUser.source[y]]);
                return c != 0 ? c : Integer.compare(byUser.source[x], byUser.source[y]);
            });
            int[] it = new int[len];
            for (int i = 0; i < len; i++) {
                it[i] = byUser.indices[order[i]];
                keys[i] = hTime[byUser.source[order[i]]];
            }
            seqItems[u] = it;
            seqTimes[u] = keys;
        }
        RawTable.StringColumnBuilder b = new RawTable.StringColumnBuilder(name);
        StringBuilder sb = new StringBuilder();
        int maxLen = config.historyLength();
        for (int r = 0; r < users.length; r++) {
            int u = users[r];
            sb.setLength(0);
            if (u < numUsers) {
                long[] ts = seqTimes[u];
                int end = lowerBound(ts, times[r]);
                for (int i = Math.max(0, end - maxLen); i < end; i++) {
                    if (sb.length() > 0) sb.append(SEPARATOR);
                    sb.append(ext.get(seqItems[u][i]));
                }
            }
            b.add(sb.toString());
        }
        return b.build();
    }

    /** First index with ts[i] >= t. */
    private static int lowerBound(long[] ts, long t) {
        int lo = 0, hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
