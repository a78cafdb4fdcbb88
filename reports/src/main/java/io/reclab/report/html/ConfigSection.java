package io.reclab.report.html;

import io.reclab.report.RunFolder;

import java.util.List;

/**
 * The resolved {@code config.conf} of each run; in a comparison, also a line diff of every run's config against
 * the first run's, showing changed lines with two lines of context.
 */
public final class ConfigSection {
    private static final int CONTEXT = 2;

    private ConfigSection() {}

    public static String render(List<RunFolder> runs, boolean comparison) {
        StringBuilder b = new StringBuilder();
        if (comparison && runs.size() > 1) {
            RunFolder base = runs.get(0);
            List<String> a = base.configText().lines().toList();
            for (int r = 1; r < runs.size(); r++) {
                RunFolder other = runs.get(r);
                b.append("<h3>Config diff: ").append(Html.escape(base.label())).append(" → ")
                        .append(Html.escape(other.label())).append("</h3>\n");
                List<LineDiff.Line> d = LineDiff.diff(a, other.configText().lines().toList());
                if (d.stream().allMatch(l -> l.op() == LineDiff.Op.SAME)) {
                    b.append("<p>Identical configurations.</p>\n");
                    continue;
                }
                b.append("<pre class=\"diff\">");
                boolean[] show = new boolean[d.size()];
                for (int i = 0; i < d.size(); i++) {
                    if (d.get(i).op() != LineDiff.Op.SAME) {
                        for (int k = Math.max(0, i - CONTEXT); k <= Math.min(d.size() - 1, i + CONTEXT); k++) show[k] = true;
                    }
                }
                boolean gap = false;
                for (int i = 0; i < d.size(); i++) {
                    if (!show[i]) {
                        if (!gap) b.append("<span class=\"note\">…</span>\n");
                        gap = true;
                        continue;
                    }
                    gap = false;
                    LineDiff.Line l = d.get(i);
                    switch (l.op()) {
                        case ADD: b.append("<span class=\"diff-add\">+ "); break;
                        case DEL: b.append("<span class=\"diff-del\">- "); break;
                        default: b.append("<span>  ");
                    }
                    b.append(Html.escape(l.text())).append("</span>\n");
                }
                b.append("</pre>\n");
            }
        }
        for (RunFolder run : runs) {
            String text = run.configText();
            if (comparison) b.append("<details><summary>config.conf of ").append(Html.escape(run.label())).append("</summary>");
            else b.append("<p class=\"note\">Resolved configuration (config.conf) as saved before training.</p>");
            b.append("<pre class=\"config\">").append(text.isEmpty() ? "(no config.conf in this run folder)" : Html.escape(text))
                    .append("</pre>");
            if (comparison) b.append("</details>");
            b.append('\n');
        }
        return b.toString();
    }
}
