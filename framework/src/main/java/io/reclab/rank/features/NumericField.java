package io.reclab.rank.features;

import java.util.Arrays;

/**
 * A fitted numeric field. {@code none}, {@code log} and {@code standardize} emit one nonzero carrying the
 * transformed value (nothing when missing; log of x <= -1 is undefined and treated as missing); {@code bucketize}
 * emits a one-hot bucket, the last bucket being "missing". Statistics (mean, std, quantile edges) come from
 * training rows only.
 */
final class NumericField implements FittedField {
    private final FieldSpec.Numeric spec;
    private final double mean;
    private final double std;
    private final double[] edges;

    private NumericField(FieldSpec.Numeric spec, double mean, double std, double[] edges) {
        this.spec = spec;
        this.mean = mean;
        this.std = std;
        this.edges = edges;
    }

    static NumericField fit(FieldSpec.Numeric spec, RawTable train) {
        float[] v = train.floatColumn(spec.column()).values();
        double mean = 0, std = 1;
        double[] edges = spec.edges();
        if (spec.transform() == FieldSpec.Transform.STANDARDIZE) {
            double s = 0, s2 = 0;
            long n = 0;
            for (float x : v) if (!Float.isNaN(x)) { s += x; s2 += (double) x * x; n++; }
            if (n > 0) {
                mean = s / n;
                double var = s2 / n - mean * mean;
                std = var > 1e-12 ? Math.sqrt(var) : 1; // a constant column stays finite
            }
        } else if (spec.transform() == FieldSpec.Transform.BUCKETIZE && spec.quantiles() > 0) {
            edges = quantileEdges(v, spec.quantiles());
        }
        return new NumericField(spec, mean, std, edges);
    }

    /** Edges at the k/q quantiles (k = 1..q-1) of the non-missing values, duplicates removed. */
    static double[] quantileEdges(float[] v, int q) {
        float[] x = new float[v.length];
        int n = 0;
        for (float f : v) if (!Float.isNaN(f)) x[n++] = f;
        Arrays.sort(x, 0, n);
        double[] e = new double[q - 1];
        int m = 0;
        if (n == 0) return new double[0];
        for (int k = 1; k < q; k++) {
            double val = x[(int) Math.min(n - 1, (long) k * n / q)];
            if (m == 0 || val > e[m - 1]) e[m++] = val;
        }
        return Arrays.copyOf(e, m);
    }

    double[] edges() { return edges.clone(); }

    @Override public String name() { return spec.name(); }

    @Override
    public int width() { return spec.transform() == FieldSpec.Transform.BUCKETIZE ? edges.length + 2 : 1; }

    /** Bucket of x: the number of edges <= x; NaN → the missing bucket. */
    int bucket(float x) {
        if (Float.isNaN(x)) return edges.length + 1;
        int lo = 0, hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    @Override
    public RowEncoder bind(RawTable table) {
        float[] v = table.floatColumn(spec.column()).values();
        switch (spec.transform()) {
            case BUCKETIZE:
                return (row, sink) -> sink.add(bucket(v[row]), 1f);
            case LOG:
                return (row, sink) -> {
                    float x = v[row];
                    if (x > -1f) sink.add(0, (float) Math.log1p(x));
                };
            case STANDARDIZE:
                return (row, sink) -> {
                    float x = v[row];
                    if (!Float.isNaN(x)) sink.add(0, (float) ((x - mean) / std));
                };
            default:
                return (row, sink) -> {
                    float x = v[row];
                    if (!Float.isNaN(x)) sink.add(0, x);
                };
        }
    }
}
