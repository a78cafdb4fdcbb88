package io.reclab.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One measured phase of one model: {@code fit} (training on the split's train part with the model's configured
 * epochs, no early stopping) or {@code recommend-all} (top-K lists for every test user by full ranking, with the
 * metrics beside them). Times are the median of the repeats with their min and max; {@code perEpochSeconds} is the
 * median fit divided by the configured epochs (NaN for models without epochs).
 */
public record BenchRow(String model, String phase, int repeats, double medianSeconds, double minSeconds,
                       double maxSeconds, double medianCpuSeconds, long peakHeapBytes, int epochs,
                       double perEpochSeconds, double ndcg, double recall) {
    public static final String FIT = "fit";
    public static final String RECOMMEND_ALL = "recommend-all";

    /** Summarises repeated measurements of one phase. */
    public static BenchRow of(String model, String phase, List<Measurement> ms, int epochs, double ndcg, double recall) {
        if (ms.isEmpty()) throw new IllegalArgumentException("no measurement of " + model + " " + phase);
        double[] wall = ms.stream().mapToDouble(Measurement::seconds).toArray();
        double[] cpu = ms.stream().mapToDouble(Measurement::cpuSeconds).toArray();
        long peak = ms.stream().mapToLong(Measurement::peakHeapBytes).max().orElse(0);
        double med = median(wall);
        return new BenchRow(model, phase, ms.size(), med, Arrays.stream(wall).min().orElse(Double.NaN),
                Arrays.stream(wall).max().orElse(Double.NaN), median(cpu), peak, epochs,
                epochs > 0 ? med / epochs : Double.NaN, ndcg, recall);
    }

    /** The middle value (the mean of the two middle ones for an even count). */
    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
