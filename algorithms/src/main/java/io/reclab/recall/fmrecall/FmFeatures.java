package io.reclab.recall.fmrecall;

/**
 * The FM's sparse input, split by side. Feature indices: user ids {@code [0, U)}, user side features
 * {@code [U, U+Fu)}, item ids {@code [ioff, ioff+I)}, item side features after them. Each entity owns
 * (index, value) pairs; ids and categorical values have x = 1, and a multi-valued field's m values have x = 1/m
 * each (the normalised set encoding of Rendle 2010, Fig. 1), so that many genres do not outweigh one occupation.
 */
final class FmFeatures {
    final int numFeatures;
    final int numUsers;
    final int numItems;
    final int[] uPtr, uIdx;
    final float[] uVal;
    final int[] iPtr, iIdx;
    final float[] iVal;

    FmFeatures(int numFeatures, int numUsers, int numItems, int[] uPtr, int[] uIdx, float[] uVal,
               int[] iPtr, int[] iIdx, float[] iVal) {
        this.numFeatures = numFeatures;
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.uPtr = uPtr; this.uIdx = uIdx; this.uVal = uVal;
        this.iPtr = iPtr; this.iIdx = iIdx; this.iVal = iVal;
    }

    static FmFeatures build(SideFeatures users, SideFeatures items) {
        int nu = users.numEntities(), ni = items.numEntities();
        int ioff = nu + users.numIds();
        int total = ioff + ni + items.numIds();
        int[][] u = side(users, 0);
        int[][] it = side(items, ioff);
        float[][] uv = values(users), iv = values(items);
        return new FmFeatures(total, nu, ni, u[0], u[1], uv[0], it[0], it[1], iv[0]);
    }

    /** ptr and idx arrays: entity's own id first, then its side features (shifted past the id block). */
    private static int[][] side(SideFeatures s, int base) {
        int n = s.numEntities();
        int[] ptr = new int[n + 1];
        for (int e = 0; e < n; e++) ptr[e + 1] = ptr[e] + 1 + (s.entityEnd(e) - s.entityStart(e));
        int[] idx = new int[ptr[n]];
        for (int e = 0; e < n; e++) {
            int p = ptr[e];
            idx[p++] = base + e;
            for (int q = s.entityStart(e); q < s.entityEnd(e); q++) idx[p++] = base + n + s.ids()[q];
        }
        return new int[][]{ptr, idx};
    }

    private static float[][] values(SideFeatures s) {
        int n = s.numEntities();
        int total = 0;
        for (int e = 0; e < n; e++) total += 1 + s.entityEnd(e) - s.entityStart(e);
        float[] val = new float[total];
        int p = 0;
        for (int e = 0; e < n; e++) {
            val[p++] = 1f;
            for (int f = 0; f < s.numFields(); f++) {
                int m = s.end(e, f) - s.start(e, f);
                float x = s.isMultiValued(f) ? 1f / m : 1f;
                for (int q = 0; q < m; q++) val[p++] = x;
            }
        }
        return new float[][]{val};
    }
}
