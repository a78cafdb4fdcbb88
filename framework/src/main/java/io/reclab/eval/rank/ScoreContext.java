package io.reclab.eval.rank;

import io.reclab.metric.rank.Auc;

import java.util.Arrays;

/**
 * Everything score metrics (AUC, GAUC, LogLoss, calibration) read, built once per evaluated ranker: the predicted
 * probability, the 0/1 label and the user of every test sample. Labels >= 0.5 count as positive. A user id < 0
 * means "no user" (such samples count for AUC/LogLoss but not for GAUC). The per-user AUCs that GAUC needs are
 * computed on first use and cached, so every metric reads the same grouping.
 * Arrays are taken over, not copied: do not modify them afterwards.
 */
public final class ScoreContext {
    /**
     * Per-user AUCs over the users that have both a positive and a negative sample.
     *
     * @param users   those users, ascending (the alignment of GAUC's per-user values)
     * @param auc     AUC_u for users[i]
     * @param counts  n_u = number of samples of users[i] (GAUC's weight)
     * @param skipped users with samples of one class only, left out of GAUC
     */
    public record UserAucs(int[] users, double[] auc, int[] counts, int skipped) {}

    private final float[] scores;
    private final float[] labels;
    private final int[] users;
    private volatile UserAucs userAucs;

    public ScoreContext(float[] scores, float[] labels, int[] users) {
        if (labels.length != scores.length || users.length != scores.length)
            throw new IllegalArgumentException("scores (" + scores.length + "), labels (" + labels.length
                    + ") and users (" + users.length + ") must have the same length");
        for (int i = 0; i < scores.length; i++)
            if (Float.isNaN(scores[i])) throw new IllegalArgumentException("score of sample " + i + " is NaN");
        this.scores = scores;
        this.labels = labels;
        this.users = users;
    }

    public float[] scores() { return scores; }
    public float[] labels() { return labels; }
    public int[] users() { return users; }
    public int size() { return scores.length; }

    /** Per-user AUCs (computed once; O(n log n)). */
    public UserAucs userAucs() {
        UserAucs u = userAucs;
        if (u == null) {
            synchronized (this) {
                if (userAucs == null) userAucs = computeUserAucs();
                u = userAucs;
            }
        }
        return u;
    }

    private UserAucs computeUserAucs() {
        int n = scores.length, m = 0;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++)
            if (users[i] >= 0) keys[m++] = ((long) users[i] << 32) | i;
        keys = Arrays.copyOf(keys, m);
        Arrays.sort(keys);
        int[] outUsers = new int[16];
        double[] outAuc = new double[16];
        int[] outCounts = new int[16];
        int kept = 0, skipped = 0;
        float[] s = new float[16], y = new float[16];
        for (int a = 0; a < m; ) {
            int user = (int) (keys[a] >>> 32);
            int b = a;
            while (b < m && (int) (keys[b] >>> 32) == user) b++;
            int len = b - a;
            if (s.length < len) { s = new float[len]; y = new float[len]; }
            for (int k = 0; k < len; k++) {
                int i = (int) keys[a + k];
                s[k] = scores[i];
                y[k] = labels[i];
            }
            double auc = Auc.auc(s, y, len);
            if (Double.isNaN(auc)) {
                skipped++;
            } else {
                if (kept == outUsers.length) {
                    outUsers = Arrays.copyOf(outUsers, kept * 2);
                    outAuc = Arrays.copyOf(outAuc, kept * 2);
                    outCounts = Arrays.copyOf(outCounts, kept * 2);
                }
                outUsers[kept] = user;
                outAuc[kept] = auc;
                outCounts[kept] = len;
                kept++;
            }
            a = b;
        }
        return new UserAucs(Arrays.copyOf(outUsers, kept), Arrays.copyOf(outAuc, kept), Arrays.copyOf(outCounts, kept), skipped);
    }
}
