package io.reclab.recall.fmrecall;

import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Side features of users or items encoded as embedding ids: every categorical value, multi-valued value and
 * numeric bucket gets its own id in {@code 0..numIds()}, fields laid out one after another. Entity e owns, per
 * field f, the ids {@code ids[start(e,f) .. end(e,f))} (0 or 1 for categorical and numeric fields, any number for
 * multi-valued ones). Numeric fields are bucketised into {@code numericBuckets} equal-frequency buckets (boundaries
 * at quantiles of the non-missing values) because the embedding models here take ids, not magnitudes; with
 * {@code numericBuckets = 0} they are skipped. Text fields are display-only and always skipped. Missing values
 * (code -1, NaN) give no id. Shared by the neural recall models (item2vec, fm-recall, twotower).
 */
public final class SideFeatures {
    private final int numEntities;
    private final String[] fieldNames;
    private final int[] fieldOffset;
    private final boolean[] multi;
    private final int[] ptr;
    private final int[] ids;

    private SideFeatures(int numEntities, String[] fieldNames, int[] fieldOffset, boolean[] multi, int[] ptr, int[] ids) {
        this.numEntities = numEntities;
        this.fieldNames = fieldNames;
        this.fieldOffset = fieldOffset;
        this.multi = multi;
        this.ptr = ptr;
        this.ids = ids;
    }

    /**
     * Encodes {@code table} (may be null = no features) for {@code numEntities} entities.
     * @param what "user features" or "item features", for error messages
     */
    public static SideFeatures encode(FeatureTable table, int numEntities, int numericBuckets, String what) {
        List<FeatureField> used = new ArrayList<>();
        if (table != null) {
            if (table.size() != numEntities)
                throw new IllegalArgumentException(what + " have " + table.size() + " rows but the data has " + numEntities + " entities");
            for (FeatureField f : table.fields().values()) {
                if (f instanceof FeatureField.Text) continue;
                if (f instanceof FeatureField.Numeric && numericBuckets == 0) continue;
                used.add(f);
            }
        }
        int nf = used.size();
        String[] names = new String[nf];
        int[] offset = new int[nf + 1];
        boolean[] multi = new boolean[nf];
        int[][] perField = new int[nf][];      // categorical/numeric: one local id per entity (-1 missing)
        for (int f = 0; f < nf; f++) {
            FeatureField field = used.get(f);
            names[f] = field.name();
            int vocab;
            if (field instanceof FeatureField.Categorical c) {
                vocab = c.vocabulary().size();
                checkCodes(c.codes(), vocab, what, c.name());
                perField[f] = c.codes();
            } else if (field instanceof FeatureField.MultiValued mv) {
                vocab = mv.vocabulary().size();
                checkCodes(mv.codes(), vocab, what, mv.name());
                multi[f] = true;
            } else {
                float[] v = ((FeatureField.Numeric) field).values();
                float[] bounds = quantileBounds(v, numericBuckets);
                vocab = bounds.length + 1;
                int[] codes = new int[numEntities];
                for (int e = 0; e < numEntities; e++) codes[e] = Float.isNaN(v[e]) ? -1 : bucket(bounds, v[e]);
                perField[f] = codes;
            }
            offset[f + 1] = offset[f] + vocab;
        }
        int[] ptr = new int[numEntities * nf + 1];
        int[] buf = new int[16];
        int n = 0;
        for (int e = 0; e < numEntities; e++) {
            for (int f = 0; f < nf; f++) {
                FeatureField field = used.get(f);
                if (multi[f]) {
                    FeatureField.MultiValued mv = (FeatureField.MultiValued) field;
                    for (int p = mv.offsets()[e]; p < mv.offsets()[e + 1]; p++) {
                        if (mv.codes()[p] < 0) continue;
                        if (n == buf.length) buf = Arrays.copyOf(buf, 2 * n);
                        buf[n++] = offset[f] + mv.codes()[p];
                    }
                } else if (perField[f][e] >= 0) {
                    if (n == buf.length) buf = Arrays.copyOf(buf, 2 * n);
                    buf[n++] = offset[f] + perField[f][e];
                }
                ptr[e * nf + f + 1] = n;
            }
        }
        return new SideFeatures(numEntities, names, offset, multi, ptr, Arrays.copyOf(buf, n));
    }

    private static void checkCodes(int[] codes, int vocab, String what, String field) {
        for (int i = 0; i < codes.length; i++)
            if (codes[i] >= vocab || codes[i] < -1)
                throw new IllegalArgumentException(what + " field `" + field + "`: code " + codes[i]
                        + " at position " + i + " outside the vocabulary of " + vocab + " values");
    }

    /** Ascending, distinct cut points: value v falls in bucket = number of cut points <= v. */
    static float[] quantileBounds(float[] values, int buckets) {
        float[] s = new float[values.length];
        int m = 0;
        for (float v : values) if (!Float.isNaN(v)) s[m++] = v;
        s = Arrays.copyOf(s, m);
        Arrays.sort(s);
        float[] cuts = new float[Math.max(0, buckets - 1)];
        int c = 0;
        for (int b = 1; b < buckets && m > 0; b++) {
            float q = s[(int) ((long) b * m / buckets)];
            if (q > s[0] && (c == 0 || q > cuts[c - 1])) cuts[c++] = q;
        }
        return Arrays.copyOf(cuts, c);
    }

    static int bucket(float[] cuts, float v) {
        int lo = 0, hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public int numEntities() { return numEntities; }
    public int numFields() { return fieldNames.length; }
    public String fieldName(int f) { return fieldNames[f]; }
    public boolean isMultiValued(int f) { return multi[f]; }
    /** Total number of feature ids over all fields. */
    public int numIds() { return fieldOffset[fieldNames.length]; }
    /** First id of field f (its ids are fieldOffset(f) .. fieldOffset(f+1)). */
    public int fieldOffset(int f) { return fieldOffset[f]; }

    public int start(int entity, int field) { return ptr[entity * fieldNames.length + field]; }
    public int end(int entity, int field) { return ptr[entity * fieldNames.length + field + 1]; }
    /** All ids of an entity, over all fields: {@code ids()[entityStart(e) .. entityEnd(e))}. */
    public int entityStart(int entity) { return ptr[entity * fieldNames.length]; }
    public int entityEnd(int entity) { return ptr[(entity + 1) * fieldNames.length]; }
    /** Read-only. */
    public int[] ids() { return ids; }
}
