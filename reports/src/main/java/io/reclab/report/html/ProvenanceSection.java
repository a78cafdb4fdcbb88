package io.reclab.report.html;

import io.reclab.data.DatasetInfo;
import io.reclab.report.Trial;
import io.reclab.run.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the numbers come from: datasets (name, source, sha256, counts), splits, evaluation protocols and
 * environments — each distinct value once, with the trials that used it when they differ — then seeds, timings
 * and start/finish times per trial.
 */
public final class ProvenanceSection {
    private ProvenanceSection() {}

    public static String render(List<Trial> trials) {
        StringBuilder b = new StringBuilder();
        b.append("<h3>Dataset</h3>");
        distinct(b, trials, t -> t.record().dataset(), d -> {
            DatasetInfo x = (DatasetInfo) d;
            return kv("name", x.name()) + kv("source", x.source()) + kv("sha256", x.sha256())
                    + kv("users", String.valueOf(x.users())) + kv("items", String.valueOf(x.items()))
                    + kv("interactions", String.valueOf(x.interactions()));
        });
        b.append("<h3>Split</h3>");
        distinct(b, trials, t -> t.record().split(), s -> {
            RunRecord.SplitInfo x = (RunRecord.SplitInfo) s;
            return kv("protocol", x.protocol()) + kv("train", String.valueOf(x.train()))
                    + kv("valid", String.valueOf(x.valid())) + kv("test", String.valueOf(x.test()))
                    + kv("in words", ProtocolText.split(x));
        });
        b.append("<h3>Evaluation protocol</h3>");
        distinct(b, trials, t -> t.record().evaluation(), e -> {
            RunRecord.EvalProtocol x = (RunRecord.EvalProtocol) e;
            return kv("in words", ProtocolText.evaluation(x)) + kv("mode", x.mode())
                    + kv("negatives", ProtocolText.sampled(x) ? String.valueOf(x.negatives()) : "– (all items)")
                    + kv("K", String.valueOf(x.ks())) + kv("NDCG variant", x.ndcgVariant())
                    + kv("exclude train / valid", x.excludeTrain() + " / " + x.excludeValid())
                    + kv("evaluated / skipped users", x.evaluatedUsers() + " / " + x.skippedUsers());
        });
        b.append("<h3>Environment</h3>");
        distinct(b, trials, t -> t.record().environment(), e -> {
            RunRecord.EnvironmentInfo x = (RunRecord.EnvironmentInfo) e;
            return kv("java", x.java()) + kv("os", x.os()) + kv("arch", x.arch()) + kv("cpus", String.valueOf(x.cpus()))
                    + kv("git commit", x.gitCommit()) + kv("reclab", x.reclabVersion())
                    + kv("engine", x.engine() == null ? io.reclab.engine.Engines.IN_PROCESS : x.engine());
        });
        b.append("<h3>Trials: seeds and timings</h3>\n<div class=\"table-wrap\"><table class=\"sortable trials\"><thead><tr>")
                .append("<th class=\"rowh\" data-type=\"text\">trial</th><th data-type=\"text\">model</th>")
                .append("<th data-type=\"text\">status</th><th data-type=\"text\">seeds</th>")
                .append("<th data-type=\"text\">timings</th><th data-type=\"num\">total s</th>")
                .append("<th data-type=\"text\">started</th><th data-type=\"text\">finished</th></tr></thead><tbody>\n");
        for (Trial t : trials) {
            RunRecord r = t.record();
            double total = r.timings() == null ? Double.NaN
                    : r.timings().values().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
            b.append("<tr><td class=\"rowh\">").append(Html.escape(trialName(t))).append("</td><td>")
                    .append(Html.escape(r.model())).append("</td><td>").append(Html.escape(r.status())).append("</td><td>")
                    .append(Html.escape(join(r.seeds(), String::valueOf))).append("</td><td>")
                    .append(Html.escape(join(r.timings(), v -> Fmt.seconds(v)))).append("</td><td data-v=\"")
                    .append(Fmt.raw(total)).append("\">").append(Fmt.seconds(total)).append("</td><td>")
                    .append(Html.escape(r.startedAt())).append("</td><td>").append(Html.escape(r.finishedAt()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
        return b.toString();
    }

    public static String trialName(Trial t) {
        String name = t.record().trial() != null ? t.record().trial() : t.dir().getFileName().toString();
        return t.runLabel() == null ? name : t.runLabel() + ": " + name;
    }

    private static <V> String join(Map<String, V> m, Function<V, String> f) {
        if (m == null || m.isEmpty()) return "";
        return m.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : f.apply(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static void distinct(StringBuilder b, List<Trial> trials, Function<Trial, Object> key,
                                 Function<Object, String> rows) {
        Map<Object, List<String>> groups = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Trial t : trials) {
            Object k = key.apply(t);
            if (k == null) missing.add(trialName(t)); else groups.computeIfAbsent(k, x -> new ArrayList<>()).add(trialName(t));
        }
        if (groups.size() > 1) {
            b.append("<p class=\"banner\">These trials do not share the same value; compare them with care.</p>");
        }
        for (Map.Entry<Object, List<String>> g : groups.entrySet()) {
            b.append("<table class=\"kv\"><tbody>").append(rows.apply(g.getKey()));
            if (groups.size() > 1 || !missing.isEmpty()) b.append(kv("trials", String.join(", ", g.getValue())));
            b.append("</tbody></table>\n");
        }
        if (!missing.isEmpty()) {
            b.append("<p class=\"note\">Not recorded for: ").append(Html.escape(String.join(", ", missing))).append("</p>");
        }
    }

    private static String kv(String k, String v) {
        return "<tr><th>" + Html.escape(k) + "</th><td>" + Html.text(v == null ? "–" : v) + "</td></tr>";
    }
}
