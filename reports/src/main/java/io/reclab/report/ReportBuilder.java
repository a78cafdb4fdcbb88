package io.reclab.report;

import io.reclab.report.html.Analysis;
import io.reclab.report.html.ConfigSection;
import io.reclab.report.html.Html;
import io.reclab.report.html.Page;
import io.reclab.report.html.ProtocolText;
import io.reclab.report.html.ProvenanceSection;
import io.reclab.report.html.TuneSection;
import io.reclab.run.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Assembles a report page from loaded run folders: the sections in reading order (answer first — leaderboard and
 * significance — then the evidence behind it, then provenance).
 */
final class ReportBuilder {
    private ReportBuilder() {}

    static Page build(String title, List<RunFolder> runs, boolean comparison) {
        List<Trial> trials = new ArrayList<>();
        for (RunFolder r : runs) trials.addAll(r.trials());
        Page page = new Page(title);

        // trials evaluated under different protocols are never ranked in one table: one group per protocol
        Map<String, List<Trial>> groups = new LinkedHashMap<>();
        for (Trial t : trials) groups.computeIfAbsent(protocolKey(t.record()), k -> new ArrayList<>()).add(t);
        Set<String> protocols = new LinkedHashSet<>();
        for (Trial t : trials) {
            RunRecord.EvalProtocol e = t.record().evaluation();
            if (e != null) protocols.add(ProtocolText.evaluation(e));
        }
        if (trials.stream().anyMatch(t -> ProtocolText.sampled(t.record().evaluation()))) {
            page.banner("<strong>Sampled metrics.</strong> " + ProtocolText.SAMPLED_WARNING);
        }
        List<String> problems = new ArrayList<>();
        for (RunFolder r : runs) problems.addAll(r.problems());
        io.reclab.tune.Tuner.Summary tune = !comparison && runs.size() == 1 ? readTune(runs.get(0), problems) : null;
        if (!problems.isEmpty()) {
            StringBuilder p = new StringBuilder("<strong>Some files could not be read:</strong><ul>");
            for (String s : problems) p.append("<li>").append(Html.escape(s)).append("</li>");
            page.banner(p.append("</ul>").toString());
        }

        StringBuilder protocol = new StringBuilder();
        for (String s : protocols) protocol.append("<p>").append(Html.text(s)).append("</p>");
        Set<String> splits = new LinkedHashSet<>();
        for (Trial t : trials) if (t.record().split() != null) splits.add(ProtocolText.split(t.record().split()));
        for (String s : splits) protocol.append("<p>").append(Html.text(s)).append("</p>");
        if (protocol.length() == 0) protocol.append("<p>No protocol recorded.</p>");

        List<Analysis> analyses = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, List<Trial>> e : groups.entrySet()) {
            List<RunRecord> records = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Trial t : e.getValue()) {
                records.add(t.record());
                labels.add(comparison ? t.runLabel() : null);
            }
            Analysis a = new Analysis(Leaderboard.of(records, labels), e.getValue(), groups.size() == 1 ? 0 : ++g);
            a.addVerdict(page, groups.size() == 1 ? "" : "<p class=\"note\">" + e.getValue().size() + " trial(s) evaluated as follows: "
                    + Html.text(e.getKey()) + "</p>");
            analyses.add(a);
        }
        if (tune != null) {
            page.section("tune", "Hyperparameter search", TuneSection.render(page.charts(), tune));
        }
        for (Analysis a : analyses) a.addLeaderboard(page);
        page.section("protocol", "Protocol", protocol.toString());
        for (Analysis a : analyses) a.addSections(page);
        page.section("provenance", "Provenance", ProvenanceSection.render(trials));
        page.section("config", comparison ? "Configurations" : "Configuration", ConfigSection.render(runs, comparison));
        return page;
    }

    /** What makes two trials' numbers comparable: the evaluation protocol and the split, in words. */
    private static String protocolKey(RunRecord r) {
        String e = r.evaluation() == null ? "Protocol not recorded." : ProtocolText.evaluation(r.evaluation());
        return r.split() == null ? e : e + " " + ProtocolText.split(r.split());
    }

    private static io.reclab.tune.Tuner.Summary readTune(RunFolder run, List<String> problems) {
        try {
            return TuneSection.read(run.dir());
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(run.dir().resolve(io.reclab.tune.Tuner.TUNE_JSON) + ": unreadable: " + e.getMessage());
            return null;
        }
    }
}
