package io.reclab.data;

import java.util.Objects;

/**
 * Immutable columnar log of user-item interactions: parallel primitive arrays {@code user, item, value, time} with
 * dense ids and the {@link IdMap}s that name them. Every split part of a dataset shares the parent's id maps, so a
 * dense id means the same user or item across train, validation and test.
 * CSR views by user and by item are built on first use and cached (thread-safe).
 */
public final class Interactions {
    private final int[] user;
    private final int[] item;
    private final float[] value;
    private final long[] time;
    private final IdMap users;
    private final IdMap items;
    private volatile Csr byUser;
    private volatile Csr byItem;

    /** Arrays are taken over (not copied): do not modify them afterwards. */
    public Interactions(int[] user, int[] item, float[] value, long[] time, IdMap users, IdMap items) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        int n = user.length;
        if (item.length != n || value.length != n || time.length != n)
            throw new IllegalArgumentException("column lengths differ: user=" + n + " item=" + item.length
                    + " value=" + value.length + " time=" + time.length);
        for (int i = 0; i < n; i++) {
            if (user[i] < 0 || user[i] >= users.size())
                throw new IllegalArgumentException("row " + i + ": user id " + user[i] + " outside 0.." + (users.size() - 1));
            if (item[i] < 0 || item[i] >= items.size())
                throw new IllegalArgumentException("row " + i + ": item id " + item[i] + " outside 0.." + (items.size() - 1));
        }
        this.user = user;
        this.item = item;
        this.value = value;
        this.time = time;
        this.users = users;
        this.items = items;
    }

    public int size() { return user.length; }
    public int numUsers() { return users.size(); }
    public int numItems() { return items.size(); }
    public IdMap users() { return users; }
    public IdMap items() { return items; }

    public int user(int row) { return user[row]; }
    public int item(int row) { return item[row]; }
    public float value(int row) { return value[row]; }
    public long time(int row) { return time[row]; }

    /** Read-only views of the columns, for hot loops. Do not modify. */
    public int[] userColumn() { return user; }
    public int[] itemColumn() { return item; }
    public float[] valueColumn() { return value; }
    public long[] timeColumn() { return time; }

    /** Rows = users, columns = items, values = interaction values; {@code source} points back to log rows. */
    public Csr byUser() {
        Csr c = byUser;
        if (c == null) {
            synchronized (this) {
                if (byUser == null) byUser = Csr.fromCoo(numUsers(), numItems(), user, item, value);
                c = byUser;
            }
        }
        return c;
    }

    /** Rows = items, columns = users. */
    public Csr byItem() {
        Csr c = byItem;
        if (c == null) {
            synchronized (this) {
                if (byItem == null) byItem = Csr.fromCoo(numItems(), numUsers(), item, user, value);
                c = byItem;
            }
        }
        return c;
    }

    /** The rows listed (in that order), sharing this log's id maps. */
    public Interactions select(int[] rows) {
        int n = rows.length;
        int[] u = new int[n], it = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            int r = rows[k];
            u[k] = user[r]; it[k] = item[r]; v[k] = value[r]; t[k] = time[r];
        }
        return new Interactions(u, it, v, t, users, items);
    }

    /** This log's rows followed by {@code other}'s (train + valid for a refit); both must share the id maps. */
    public Interactions concat(Interactions other) {
        if (other.users != users || other.items != items)
            throw new IllegalArgumentException("concat: the two logs index users and items differently");
        int n = size(), m = other.size();
        int[] u = java.util.Arrays.copyOf(user, n + m), it = java.util.Arrays.copyOf(item, n + m);
        float[] v = java.util.Arrays.copyOf(value, n + m);
        long[] t = java.util.Arrays.copyOf(time, n + m);
        System.arraycopy(other.user, 0, u, n, m);
        System.arraycopy(other.item, 0, it, n, m);
        System.arraycopy(other.value, 0, v, n, m);
        System.arraycopy(other.time, 0, t, n, m);
        return new Interactions(u, it, v, t, users, items);
    }

    /** Number of interactions per item (popularity counts). */
    public int[] itemCounts() {
        int[] c = new int[numItems()];
        for (int i : item) c[i]++;
        return c;
    }

    /** Number of interactions per user. */
    public int[] userCounts() {
        int[] c = new int[numUsers()];
        for (int u : user) c[u]++;
        return c;
    }

    /** An empty log over the same id maps. */
    public Interactions empty() {
        return new Interactions(new int[0], new int[0], new float[0], new long[0], users, items);
    }

    @Override
    public String toString() {
        return "Interactions[" + size() + " rows, " + numUsers() + " users, " + numItems() + " items]";
    }
}
