package io.reclab.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Line-based diff by longest common subsequence: the edit script turning {@code a} into {@code b} as kept, removed
 * and added lines. Quadratic in the number of lines, which is fine for resolved configs (hundreds of lines);
 * beyond {@link #MAX_CELLS} the common prefix/suffix is kept and the middle shown as removed + added.
 */
public final class LineDiff {
    /** Kind of a diff line. */
    public enum Op { SAME, DEL, ADD }

    /** One line of the edit script. */
    public record Line(Op op, String text) {}

    static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {}

    public static List<Line> diff(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) pre++;
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) suf++;
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < pre; i++) out.add(new Line(Op.SAME, a.get(i)));
        List<String> x = a.subList(pre, a.size() - suf);
        List<String> y = b.subList(pre, b.size() - suf);
        int n = x.size(), m = y.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (String s : x) out.add(new Line(Op.DEL, s));
            for (String s : y) out.add(new Line(Op.ADD, s));
        } else {
            // lcs[i][j] = LCS length of x[i..] and y[j..]
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < n && j < m) {
                if (x.get(i).equals(y.get(j))) {
                    out.add(new Line(Op.SAME, x.get(i)));
                    i++;
                    j++;
                } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                    out.add(new Line(Op.DEL, x.get(i++)));
                } else {
                    out.add(new Line(Op.ADD, y.get(j++)));
                }
            }
            while (i < n) out.add(new Line(Op.DEL, x.get(i++)));
            while (j < m) out.add(new Line(Op.ADD, y.get(j++)));
        }
        for (int i = a.size() - suf; i < a.size(); i++) out.add(new Line(Op.SAME, a.get(i)));
        return out;
    }
}
