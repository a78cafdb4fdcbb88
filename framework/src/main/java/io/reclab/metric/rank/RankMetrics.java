package io.reclab.metric.rank;

import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses ranking-stage metric ids ({@code auc}, {@code gauc}, ...) and lists them for {@code reclab list}. */
public final class RankMetrics {
    private RankMetrics() {}

    private static final Map<String, String> CATALOGUE = new LinkedHashMap<>();
    static {
        CATALOGUE.put(Auc.ID, "area under the ROC curve (Mann-Whitney, ties count 1/2)");
        CATALOGUE.put(Gauc.ID, "user-weighted mean of per-user AUC over users with both classes");
        CATALOGUE.put(LogLoss.ID, "mean binary cross-entropy, p clipped to [1e-7, 1-1e-7]");
        CATALOGUE.put(Calibration.ID, "mean predicted probability / observed positive rate (ideal 1)");
        CATALOGUE.put(Calibration.ERROR_ID, "|calibration - 1|, lower is better");
    }

    /** Metric id → one-line description, in display order. */
    public static Map<String, String> catalogue() { return java.util.Collections.unmodifiableMap(CATALOGUE); }

    /** The metric named {@code id} (case-insensitive); unknown ids get a suggestion and the known list. */
    public static ScoreMetric parse(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case Auc.ID: return new Auc();
            case Gauc.ID: return new Gauc();
            case LogLoss.ID: return new LogLoss();
            case Calibration.ID: return new Calibration(false);
            case Calibration.ERROR_ID: return new Calibration(true);
            default:
                String msg = "unknown rank metric `" + id + "`";
                String s = Suggest.closest(k, CATALOGUE.keySet());
                if (s != null) msg += "; did you mean `" + s + "`?";
                throw new ConfigError(msg + " Known: " + String.join(", ", CATALOGUE.keySet()));
        }
    }

    public static List<ScoreMetric> parseAll(List<String> ids) {
        List<ScoreMetric> out = new ArrayList<>();
        for (String id : ids) out.add(parse(id));
        return out;
    }
}
