package io.reclab.report;

import java.util.List;
import java.util.Locale;

/**
 * Metric-id helpers. Run records store each metric's declared direction ({@link #of}); for records written before
 * they did, whether an id names a lower-is-better measure is inferred from the id's family (the part before {@code @}): popularity bias, log loss, calibration error and error measures
 * are lower-is-better; everything else (recall, ndcg, auc, coverage, ...) is higher-is-better.
 */
public final class MetricDirection {
    private static final List<String> LOWER = List.of("popularity", "logloss", "log_loss", "calibration-error",
            "calibration_error", "ece", "rmse", "mse", "mae", "loss");

    private MetricDirection() {}

    public static boolean lowerIsBetter(String metricId) {
        String id = metricId.toLowerCase(Locale.ROOT);
        int slash = id.lastIndexOf('/');
        if (slash >= 0) id = id.substring(slash + 1);
        String family = family(id);
        for (String p : LOWER) {
            if (family.equals(p) || family.startsWith(p + "-") || family.startsWith(p + "_")
                    || (p.equals("popularity") && family.startsWith(p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ideal value of a metric that is best at a target rather than at an extreme, or NaN: the calibration ratio
     * (mean prediction / observed rate) is best at 1, whether a model over- or under-predicts.
     */
    public static double target(String metricId) {
        String id = metricId.toLowerCase(Locale.ROOT);
        int slash = id.lastIndexOf('/');
        if (slash >= 0) id = id.substring(slash + 1);
        return family(id).equals("calibration") ? 1.0 : Double.NaN;
    }

    /** How far a value is from the best, for ranking values of one metric: smaller is better. */
    public static double badness(String metricId, double value) {
        double t = target(metricId);
        if (!Double.isNaN(t)) return Math.abs(value - t);
        return lowerIsBetter(metricId) ? value : -value;
    }

    /**
     * The direction a run declared for a metric ({@code higher}, {@code lower}, {@code closest-to-1}), or, for
     * runs written before run.json stored directions, the one inferred from the id.
     */
    public static io.reclab.metric.Direction of(String metricId, String declared) {
        if (declared != null) return io.reclab.metric.Direction.of(declared);
        if (!Double.isNaN(target(metricId))) return io.reclab.metric.Direction.CLOSEST_TO_ONE;
        return lowerIsBetter(metricId) ? io.reclab.metric.Direction.LOWER : io.reclab.metric.Direction.HIGHER;
    }

    /** {@code ndcg@10} → {@code ndcg}; ids without {@code @} are their own family. */
    public static String family(String metricId) {
        int at = metricId.indexOf('@');
        return at < 0 ? metricId : metricId.substring(0, at);
    }

    /** {@code ndcg@10} → 10; -1 when the id carries no cut-off. */
    public static int cutoff(String metricId) {
        int at = metricId.indexOf('@');
        if (at < 0) return -1;
        try {
            return Integer.parseInt(metricId.substring(at + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
