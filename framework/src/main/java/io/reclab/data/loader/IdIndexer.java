package io.reclab.data.loader;

import io.reclab.util.Seeds;
import io.reclab.data.IdMap;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Assigns dense ids to external ids in first-seen order while streaming a log, then yields the {@link IdMap}.
 * Canonical non-negative decimal ids (MovieLens, LightGCN: no sign, no leading zero, at most 18 digits) go through a
 * primitive open-addressing {@code long → int} table straight from the line bytes, so a 20-million-row log creates
 * no per-row objects; other ids fall back to a string map. A canonical number and its decimal string are the same
 * external id on both paths, so the result is exactly that of a string-keyed map.
 */
public final class IdIndexer {
    private long[] keys = new long[1 << 12];
    private int[] vals = new int[1 << 12];   // dense id + 1; 0 marks an empty slot
    private int used;
    private final Map<String, Integer> strings = new HashMap<>();
    /** Per dense id: the numeric key, or -1 when {@link #names} holds a string id. */
    private long[] numeric = new long[256];
    private String[] names = new String[256];
    private int size;

    public int size() { return size; }

    /** Dense id of the token {@code b[s..e)}, assigning the next id if new. */
    public int add(byte[] b, int s, int e, Charset cs) {
        long k = canonical(b, s, e);
        if (k >= 0) return addNumeric(k);
        return addString(new String(b, s, e - s, cs));
    }

    /** Dense id of field {@code f} (blanks trimmed) of {@code fields}. */
    public int add(Fields fields, int f, Charset cs) {
        return add(fields.buffer(), trimS(fields, f), trimE(fields, f), cs);
    }

    public int add(String s) {
        long k = canonical(s);
        if (k >= 0) return addNumeric(k);
        return addString(s);
    }

    /** Dense id of the token, or -1 if never added. */
    public int find(String s) {
        long k = canonical(s);
        if (k >= 0) return findNumeric(k);
        Integer v = strings.get(s);
        return v == null ? -1 : v;
    }

    public int find(Fields fields, int f, Charset cs) {
        int s = trimS(fields, f), e = trimE(fields, f);
        long k = canonical(fields.buffer(), s, e);
        if (k >= 0) return findNumeric(k);
        Integer v = strings.get(new String(fields.buffer(), s, e - s, cs));
        return v == null ? -1 : v;
    }

    private static int trimS(Fields fl, int f) {
        byte[] b = fl.buffer();
        int s = fl.start(f), e = fl.end(f);
        while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
        return s;
    }

    private static int trimE(Fields fl, int f) {
        byte[] b = fl.buffer();
        int s = fl.start(f), e = fl.end(f);
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
        return e;
    }

    /** The key of a canonical non-negative decimal, else -1. */
    static long canonical(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 0 || n > 18) return -1;
        if (b[s] == '0' && n > 1) return -1;
        long v = 0;
        for (int i = s; i < e; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }

    static long canonical(String t) {
        int n = t.length();
        if (n == 0 || n > 18) return -1;
        if (t.charAt(0) == '0' && n > 1) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            int c = t.charAt(i) - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }

    private static int slot(long k, int mask) {
        return (int) Seeds.finalise(k) & mask;
    }

    private int findNumeric(long k) {
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (vals[i] == 0) return -1;
            if (keys[i] == k) return vals[i] - 1;
        }
    }

    private int addNumeric(long k) {
        int mask = keys.length - 1;
        int i = slot(k, mask);
        for (; vals[i] != 0; i = (i + 1) & mask) if (keys[i] == k) return vals[i] - 1;
        int id = newId(k, null);
        keys[i] = k;
        vals[i] = id + 1;
        if (++used * 2 > keys.length) rehash();
        return id;
    }

    private void rehash() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] == 0) continue;
            int i = slot(ok[j], mask);
            while (vals[i] != 0) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = ov[j];
        }
    }

    private int addString(String s) {
        Integer v = strings.get(s);
        if (v != null) return v;
        int id = newId(-1, s);
        strings.put(s, id);
        return id;
    }

    private int newId(long k, String s) {
        if (size == numeric.length) {
            numeric = Arrays.copyOf(numeric, size * 2);
            names = Arrays.copyOf(names, size * 2);
        }
        numeric[size] = k;
        names[size] = s;
        return size++;
    }

    /** External id of dense id {@code d}. */
    public String external(int d) {
        return names[d] != null ? names[d] : Long.toString(numeric[d]);
    }

    /** True if every id seen is a canonical non-negative integer. */
    public boolean allNumeric() { return strings.isEmpty(); }

    /** Numeric key of dense id {@code d}; only meaningful when that id is numeric. */
    public long numericKey(int d) { return numeric[d]; }

    public IdMap build() {
        IdMap.Builder b = new IdMap.Builder();
        for (int d = 0; d < size; d++) b.add(external(d));
        return b.build();
    }
}
