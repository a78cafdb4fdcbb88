package io.reclab.report.html;

import io.reclab.run.RunRecord;

import java.util.stream.Collectors;

/** Plain-language statements of the evaluation and split protocols, so a reader knows what the numbers mean. */
public final class ProtocolText {
    private ProtocolText() {}

    public static boolean sampled(RunRecord.EvalProtocol e) {
        return e != null && "sampled".equalsIgnoreCase(e.mode());
    }

    public static String evaluation(RunRecord.EvalProtocol e) {
        if (e == null) return "Evaluation protocol not recorded.";
        StringBuilder s = new StringBuilder();
        if (sampled(e)) {
            s.append("Sampled ranking: each test item is ranked against ").append(e.negatives())
                    .append(" sampled negative items, not against the whole catalogue.");
        } else if ("full".equalsIgnoreCase(e.mode())) {
            s.append("Full ranking: every item in the catalogue is scored for every test user.");
        } else {
            s.append("Evaluation mode `").append(e.mode()).append("`.");
        }
        if (e.excludeTrain() || e.excludeValid()) {
            s.append(" Excluded from the ranked lists: ");
            if (e.excludeTrain()) s.append("the user's training items");
            if (e.excludeTrain() && e.excludeValid()) s.append(" and ");
            if (e.excludeValid()) s.append("the user's validation items");
            s.append('.');
        } else {
            s.append(" Training items are not excluded from the ranked lists.");
        }
        if (e.ks() != null && !e.ks().isEmpty()) {
            s.append(" Cut-offs K = ").append(e.ks().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (e.ndcgVariant() != null && !e.ndcgVariant().isBlank()) {
            s.append(" NDCG variant: ").append(e.ndcgVariant()).append('.');
        }
        // a pointwise (CTR) protocol skips users for GAUC, whose AUC needs both classes; ranking skips users with no test items
        boolean pointwise = "pointwise".equals(e.mode());
        s.append(' ').append(e.evaluatedUsers()).append(" users evaluated, ").append(e.skippedUsers())
                .append(pointwise ? " left out of GAUC (their test rows are all positive or all negative, so they have no AUC)."
                        : " skipped (no test items).");
        return s.toString();
    }

    public static String split(RunRecord.SplitInfo s) {
        if (s == null) return "Split not recorded.";
        return "Split `" + s.protocol() + "`: " + s.train() + " training, " + s.valid() + " validation and " + s.test()
                + " test interactions.";
    }

    public static final String SAMPLED_WARNING = "Metrics were computed on sampled candidate lists (each positive "
            + "ranked among a few sampled negatives). Sampled metrics overstate quality, are not comparable with "
            + "full-ranking numbers, and can even change which model looks best (Krichene &amp; Rendle, 2020, "
            + "\u201cOn Sampled Metrics for Item Recommendation\u201d, KDD).";
}
