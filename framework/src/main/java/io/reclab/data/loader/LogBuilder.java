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

    public Interactions build(IdMap users, IdMap items) {
        return new Interactions(Arrays.copyOf(user, size), Arrays.copyOf(item, size), Arrays.copyOf(value, size),
                Arrays.copyOf(time, size), users, items);
    }

    /** The part column, or null if no row was tagged. */
    public byte[] parts() { return part == null ? null : Arrays.copyOf(part, size); }
}
