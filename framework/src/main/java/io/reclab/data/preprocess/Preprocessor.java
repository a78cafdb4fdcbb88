package io.reclab.data.preprocess;

import io.reclab.data.Dataset;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies {@link Preprocessing} to a dataset: filters rows, then re-indexes users and items to compact ids (the
 * survivors, in their old dense order, which is the old first-seen order), realigns the feature tables and the
 * predefined split, and recomputes the counts in {@code DatasetInfo} (the sha256 stays that of the source).
 * Kept rows keep their log order. A no-op configuration returns the dataset unchanged, so entities without rows
 * (e.g. LightGCN's id space) survive when nothing is asked for.
 */
public final class Preprocessor {
    private Preprocessor() {}

    public static Dataset apply(Dataset ds, Preprocessing p) {
        if (p.isNoop()) return ds;
        Interactions x = ds.interactions();
        int n = x.size();
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        if (p.dedupe() != Preprocessing.Dedupe.NONE) dedupe(x, keep, p.dedupe() == Preprocessing.Dedupe.LAST);
        if (p.minRating().isPresent()) {
            double min = p.minRating().getAsDouble();
            float[] v = x.valueColumn();
            for (int r = 0; r < n; r++) if (keep[r] && !(v[r] >= min)) keep[r] = false;
        }
        kCore(x, keep, p.userCore(), p.itemCore());
        return reindex(ds, keep, p.binarize());
    }

    /**
     * Keeps one row per (user, item): the earliest (or latest) by time; among equal times the first (or last) in
     * log order. Uses the by-user CSR, whose rows list equal items in log order.
     */
    static void dedupe(Interactions x, boolean[] keep, boolean last) {
        io.reclab.data.Csr m = x.byUser();
        long[] t = x.timeColumn();
        for (int u = 0; u < m.rows; u++) {
            int p = m.rowStart(u), end = m.rowEnd(u);
            while (p < end) {
                int q = m.runEnd(p, end);
                if (q - p > 1) {
                    int best = m.source[p];
                    for (int k = p + 1; k < q; k++) {
                        int r = m.source[k];
                        boolean better = last ? t[r] >= t[best] : t[r] < t[best];
                        if (better) best = r;
                    }
                    for (int k = p; k < q; k++) if (m.source[k] != best) keep[m.source[k]] = false;
                }
                p = q;
            }
        }
    }

    /**
     * Iterative k-core: repeatedly drops rows whose user has fewer than {@code userCore} kept rows or whose item has
     * fewer than {@code itemCore}, until no row is dropped (the unique largest sub-log meeting both bounds).
     */
    static void kCore(Interactions x, boolean[] keep, int userCore, int itemCore) {
        if (userCore <= 1 && itemCore <= 1) return;
        int[] u = x.userColumn(), it = x.itemColumn();
        int[] uc = new int[x.numUsers()], ic = new int[x.numItems()];
        for (int r = 0; r < keep.length; r++) if (keep[r]) { uc[u[r]]++; ic[it[r]]++; }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < keep.length; r++) {
                if (keep[r] && (uc[u[r]] < userCore || ic[it[r]] < itemCore)) {
                    keep[r] = false;
                    changed = true;
                }
            }
            if (!changed) break;
            Arrays.fill(uc, 0);
            Arrays.fill(ic, 0);
            for (int r = 0; r < keep.length; r++) if (keep[r]) { uc[u[r]]++; ic[it[r]]++; }
        }
    }

    static Dataset reindex(Dataset ds, boolean[] keep, boolean binarize) {
        Interactions x = ds.interactions();
        int n = x.size();
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        int[] oldU = x.userColumn(), oldI = x.itemColumn();
        boolean[] usedU = new boolean[x.numUsers()], usedI = new boolean[x.numItems()];
        for (int r = 0; r < n; r++) if (keep[r]) { usedU[oldU[r]] = true; usedI[oldI[r]] = true; }
        int[] mapU = compact(usedU), mapI = compact(usedI);
        int[] survivorsU = survivors(usedU), survivorsI = survivors(usedI);
        int[] u = new int[kept], it = new int[kept];
        float[] v = new float[kept];
        long[] t = new long[kept];
        byte[] parts = ds.predefinedParts() == null ? null : new byte[kept];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (!keep[r]) continue;
            u[k] = mapU[oldU[r]];
            it[k] = mapI[oldI[r]];
            v[k] = binarize ? 1f : x.value(r);
            t[k] = x.time(r);
            if (parts != null) parts[k] = ds.predefinedParts()[r];
            k++;
        }
        Interactions y = new Interactions(u, it, v, t, subMap(x.users(), survivorsU), subMap(x.items(), survivorsI));
        return new Dataset(ds.info().withCounts(y), y, select(ds.userFeatures(), survivorsU),
                select(ds.itemFeatures(), survivorsI), parts);
    }

    private static int[] compact(boolean[] used) {
        int[] map = new int[used.length];
        int next = 0;
        for (int e = 0; e < used.length; e++) map[e] = used[e] ? next++ : -1;
        return map;
    }

    private static int[] survivors(boolean[] used) {
        int n = 0;
        for (boolean b : used) if (b) n++;
        int[] s = new int[n];
        n = 0;
        for (int e = 0; e < used.length; e++) if (used[e]) s[n++] = e;
        return s;
    }

    private static IdMap subMap(IdMap m, int[] survivors) {
        IdMap.Builder b = new IdMap.Builder();
        for (int e : survivors) b.add(m.external(e));
        return b.build();
    }

    /** The rows {@code entities} of every field, in that order; vocabularies are unchanged. */
    public static FeatureTable select(FeatureTable table, int[] entities) {
        List<FeatureField> out = new ArrayList<>();
        for (FeatureField f : table.fields().values()) {
            if (f instanceof FeatureField.Categorical c) {
                int[] codes = new int[entities.length];
                for (int j = 0; j < entities.length; j++) codes[j] = c.codes()[entities[j]];
                out.add(new FeatureField.Categorical(c.name(), codes, c.vocabulary()));
            } else if (f instanceof FeatureField.MultiValued mv) {
                int[] offsets = new int[entities.length + 1];
                for (int j = 0; j < entities.length; j++) {
                    int e = entities[j];
                    offsets[j + 1] = offsets[j] + mv.offsets()[e + 1] - mv.offsets()[e];
                }
                int[] codes = new int[offsets[entities.length]];
                for (int j = 0; j < entities.length; j++) {
                    int e = entities[j];
                    System.arraycopy(mv.codes(), mv.offsets()[e], codes, offsets[j], offsets[j + 1] - offsets[j]);
                }
                out.add(new FeatureField.MultiValued(mv.name(), offsets, codes, mv.vocabulary()));
            } else if (f instanceof FeatureField.Numeric nu) {
                float[] vals = new float[entities.length];
                for (int j = 0; j < entities.length; j++) vals[j] = nu.values()[entities[j]];
                out.add(new FeatureField.Numeric(nu.name(), vals));
            } else {
                FeatureField.Text tx = (FeatureField.Text) f;
                String[] vals = new String[entities.length];
                for (int j = 0; j < entities.length; j++) vals[j] = tx.values()[entities[j]];
                out.add(new FeatureField.Text(tx.name(), vals));
            }
        }
        return new FeatureTable(entities.length, out);
    }
}
