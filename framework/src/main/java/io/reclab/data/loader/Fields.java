package io.reclab.data.loader;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The fields of one line held by a {@link LineReader}, split on an ASCII delimiter (one or more bytes, e.g. tab,
 * {@code ::}, {@code |}) without copying. Number parsers work on the bytes directly and report malformed input by
 * returning a sentinel/flag rather than throwing, so callers can raise a {@code DataFormatException} naming the
 * file and line.
 */
public final class Fields {
    private final byte[] delim;
    private byte[] buf;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;
    /** Set by the numeric parsers when the last field parsed was not a well-formed number. */
    private boolean bad;

    public Fields(String delimiter) {
        if (delimiter.isEmpty()) throw new IllegalArgumentException("empty delimiter");
        this.delim = delimiter.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Splits the reader's current line; returns the number of fields (an empty line has one empty field). */
    public int split(LineReader r) {
        return split(r.buffer(), r.start(), r.end());
    }

    public int split(byte[] b, int from, int to) {
        buf = b;
        count = 0;
        int s = from;
        byte d0 = delim[0];
        int dl = delim.length;
        outer:
        for (int i = from; i <= to - dl; ) {
            if (b[i] == d0) {
                for (int k = 1; k < dl; k++) if (b[i + k] != delim[k]) { i++; continue outer; }
                add(s, i);
                i += dl;
                s = i;
            } else {
                i++;
            }
        }
        add(s, to);
        return count;
    }

    private void add(int s, int e) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        count++;
    }

    public int count() { return count; }
    public byte[] buffer() { return buf; }
    public int start(int f) { return starts[f]; }
    public int end(int f) { return ends[f]; }
    public boolean isEmpty(int f) { return trimmedStart(f) == trimmedEnd(f); }

    public String string(int f, Charset cs) {
        int s = trimmedStart(f), e = trimmedEnd(f);
        return new String(buf, s, e - s, cs);
    }

    private int trimmedStart(int f) {
        int s = starts[f], e = ends[f];
        while (s < e && (buf[s] == ' ' || buf[s] == '\t')) s++;
        return s;
    }

    private int trimmedEnd(int f) {
        int s = starts[f], e = ends[f];
        while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) e--;
        return e;
    }

    /** True if the last {@link #parseLong}/{@link #parseFloat}/{@link #parseDouble} call saw a malformed number. */
    public boolean bad() { return bad; }

    /** A decimal integer (optional sign, surrounding blanks allowed); sets {@link #bad()} when malformed. */
    public long parseLong(int f) {
        int s = trimmedStart(f), e = trimmedEnd(f);
        bad = false;
        if (s == e) { bad = true; return 0; }
        boolean neg = false;
        if (buf[s] == '-' || buf[s] == '+') { neg = buf[s] == '-'; s++; }
        if (s == e || e - s > 18) return slowLong(f);
        long v = 0;
        for (int i = s; i < e; i++) {
            int c = buf[i] - '0';
            if (c < 0 || c > 9) return slowLong(f);
            v = v * 10 + c;
        }
        return neg ? -v : v;
    }

    /** Longs of 19 digits, or integer-valued decimals such as RecBole's {@code 978300760.0}. */
    private long slowLong(int f) {
        String t = string(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.2e18) return (long) d;
            } catch (NumberFormatException ignored) {
                // fall through
            }
            bad = true;
            return 0;
        }
    }

    /** A timestamp in seconds: integer, or a decimal that is truncated toward negative infinity (RecBole floats). */
    public long parseSeconds(int f) {
        long v = parseLong(f);
        if (!bad) return v;
        double d = parseDouble(f);
        if (bad || !Double.isFinite(d)) { bad = true; return 0; }
        return (long) Math.floor(d);
    }

    public int parseInt(int f) {
        long v = parseLong(f);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) { bad = true; return 0; }
        return (int) v;
    }

    /**
     * A float. Short plain decimals (at most 7 digits, e.g. {@code 3.5}) take an exact fast path: both the digit
     * string read as an integer and the power of ten are exact floats, and IEEE division rounds correctly, so the
     * result equals {@link Float#parseFloat}. Anything else goes through {@code Float.parseFloat}.
     */
    public float parseFloat(int f) {
        int s = trimmedStart(f), e = trimmedEnd(f);
        bad = false;
        if (s == e) { bad = true; return 0; }
        int i = s;
        boolean neg = false;
        if (buf[i] == '-' || buf[i] == '+') { neg = buf[i] == '-'; i++; }
        int mant = 0, digits = 0, frac = -1;
        for (; i < e; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
                mant = mant * 10 + (c - '0');
                digits++;
                if (frac >= 0) frac++;
                if (digits > 7) return slowFloat(f);
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return slowFloat(f);
            }
        }
        if (digits == 0) { bad = true; return 0; }
        float v = frac > 0 ? (float) mant / POW10[frac] : (float) mant;
        return neg ? -v : v;
    }

    private static final float[] POW10 = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f};

    private float slowFloat(int f) {
        try {
            return Float.parseFloat(string(f, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException ex) {
            bad = true;
            return 0;
        }
    }

    public double parseDouble(int f) {
        bad = false;
        try {
            String t = string(f, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (t.isEmpty()) { bad = true; return 0; }
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            bad = true;
            return 0;
        }
    }
}
