package io.reclab.data.loader;

import io.reclab.data.IdMap;
import io.reclab.data.Interactions;

import java.util.Arrays;

/**
 * Growable primitive columns (user, item, value, time) and optionally a predefined-split part per row, filled row
 * by row while streaming a log. Growth is by 1.5x so a 20M-row log needs no boxing and little slack.
 */
public final class LogBuilder {
    private int[] user;
    private int[] item;
    private float[] value;
    private long[] time;
    private byte[] part;
    private int size;

    public LogBuilder() { this(1 << 12); }

    public LogBuilder(int capacity) {
        int c = Math.max(16, capacity);
        user = new int[c];
        item = new int[c];
        value = new float[c];
        time = new long[c];
    }

    /** A capacity guess from a file's size and a typical bytes-per-row, capped to keep over-allocation modest. */
    public static int capacityFor(long fileBytes, int bytesPerRow) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, fileBytes / bytesPerRow + 16));
    }

    /**
     * The exact capacity a one-row-per-line file needs: its line count (a fast byte scan, the file is then in the
     * page cache for the real read). With it the columns never grow, so a 20M-row log is never held twice.
     */
    public static int capacityFor(java.nio.file.Path file) throws java.io.IOException {
        long lines = 0;
        boolean open = false; // a last line without a newline
        byte[] b = new byte[1 << 20];
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            for (int n; (n = in.read(b)) > 0; ) {
                for (int i = 0; i < n; i++) if (b[i] == '\n') lines++;
                open = b[n - 1] != '\n';
            }
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, lines + (open ? 1 : 0)));
    }

    public void add(int u, int i, float v, long t) {
        if (size == user.length) grow();
        user[size] = u;
        item[size] = i;
        value[size] = v;
        time[size] = t;
        size++;
    }

    /** Adds a row tagged with a predefined split part ({@code Dataset.TRAIN/VALID/TEST}). */
    public void add(int u, int i, float v, long t, byte p) {
        if (part == null) part = new byte[user.length];
        add(u, i, v, t);
        part[size - 1] = p;
    }

    private void grow() {
        int c = (int) Math.min(Integer.MAX_VALUE - 16L, user.length + (user.length >> 1) + 16L);
        // one column at a time: at most one old column is alive beside the new ones
        user = Arrays.copyOf(user, c);
        item = Arrays.copyOf(item, c);
        value = Arrays.copyOf(value, c);
        time = Arrays.copyOf(time, c);
        if (part != null) part = Arrays.copyOf(part, c);
    }

    public int size() { return size; }

    /** Rewrites user and item ids through the given maps (old dense → new dense), for loaders that renumber. */
    public void remap(int[] userMap, int[] itemMap) {
        for (int r = 0; r < size; r++) {
            if (userMap != null) user[r] = userMap[user[r]];
            if (itemMap != null) item[r] = itemMap[item[r]];
        }
    }

    /**
     * The log. Columns are handed over when full and otherwise trimmed one at a time, the builder letting go of each
     * old column before the next is copied, so the peak is the log plus one column, never two logs. The builder is
     * empty afterwards.
     */
    public Interactions build(IdMap users, IdMap items) {
        int[] u = trim(user);
        user = null;
        int[] i = trim(item);
        item = null;
        float[] v = value.length == size ? value : Arrays.copyOf(value, size);
        value = null;
        long[] t = time.length == size ? time : Arrays.copyOf(time, size);
        time = null;
        return new Interactions(u, i, v, t, users, items);
    }

    private int[] trim(int[] a) { return a.length == size ? a : Arrays.copyOf(a, size); }

    /** The part column, or null if no row was tagged. */
    public byte[] parts() { return part == null ? null : Arrays.copyOf(part, size); }
}
