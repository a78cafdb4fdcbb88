package io.reclab.rank.gbdt;

import io.reclab.rank.Samples;

import java.util.Arrays;

/**
 * Training samples as a sparse matrix (rows = samples, columns = global feature ids, absent = 0) with every value
 * mapped to a histogram bin. Each row's nonzeros are sorted by feature with duplicates summed. Per feature, bins
 * cover the distinct training values (zero included when some row lacks the feature) — one bin per distinct value
 * when there are at most {@code maxBins}, equal-frequency bins otherwise. Histograms only touch nonzeros; the
 * bin holding 0 receives the node total minus the rest (the sparsity trick of XGBoost / LightGBM).
 */
final class BinnedData {
    final int rows;
    final int numFeatures;
    final int[] ptr;
    final int[] ids;
    /** Flat bin (binOffset[f] + local bin) of every nonzero. */
    final int[] nzBin;
    /** Features' first flat bin; binOffset[numFeatures] = total bins. */
    final int[] binOffset;
    /** Local bin of value 0 per feature. */
    final int[] zeroBin;
    /** thresholds[f][b]: split "x <= thresholds[f][b]" separates bins 0..b from b+1.. */
    final float[][] thresholds;

    BinnedData(Samples s, int maxBins) {
        rows = s.size();
        numFeatures = s.numFeatures();
        // 1. rows sorted by feature, duplicates summed
        int[] sptr = s.rowPtr();
        ptr = new int[rows + 1];
        int[] tmpIds = new int[sptr[rows]];
        float[] tmpVals = new float[sptr[rows]];
        int out = 0;
        for (int r = 0; r < rows; r++) {
            int start = out;
            for (int p = sptr[r]; p < sptr[r + 1]; p++) {
                int f = s.featIds()[p];
                float v = s.featVals()[p];
                int q = out - 1;
                while (q >= start && tmpIds[q] > f) { tmpIds[q + 1] = tmpIds[q]; tmpVals[q + 1] = tmpVals[q]; q--; }
                if (q >= start && tmpIds[q] == f) {
                    tmpVals[q] += v; // duplicate: sum, then close the gap opened by the shift
                    for (int k = q + 1; k < out; k++) { tmpIds[k] = tmpIds[k + 1]; tmpVals[k] = tmpVals[k + 1]; }
                } else {
                    tmpIds[q + 1] = f;
                    tmpVals[q + 1] = v;
                    out++;
                }
            }
            ptr[r + 1] = out;
        }
        ids = Arrays.copyOf(tmpIds, out);
        float[] vals = Arrays.copyOf(tmpVals, out);

        // 2. values grouped by feature
        int[] start = new int[numFeatures + 1];
        for (int p = 0; p < out; p++) start[ids[p] + 1]++;
        for (int f = 0; f < numFeatures; f++) start[f + 1] += start[f];
        float[] byFeat = new float[out];
        int[] fill = Arrays.copyOf(start, numFeatures);
        for (int p = 0; p < out; p++) byFeat[fill[ids[p]]++] = vals[p];

        // 3. bins per feature
        binOffset = new int[numFeatures + 1];
        zeroBin = new int[numFeatures];
        thresholds = new float[numFeatures][];
        float[][] uppers = new float[numFeatures][];
        for (int f = 0; f < numFeatures; f++) {
            int a = start[f], b = start[f + 1];
            Arrays.sort(byFeat, a, b);
            int absent = rows - (b - a);
            float[][] ul = bins(byFeat, a, b, absent, maxBins);
            float[] upper = ul[0], lower = ul[1];
            uppers[f] = upper;
            int nb = upper.length;
            binOffset[f + 1] = binOffset[f] + nb;
            zeroBin[f] = Math.min(nb - 1, Math.max(0, binOf(upper, 0f)));
            float[] thr = new float[Math.max(0, nb - 1)];
            for (int k = 0; k + 1 < nb; k++) {
                float mid = (float) ((upper[k] + (double) lower[k + 1]) / 2);
                thr[k] = mid >= lower[k + 1] || mid < upper[k] ? upper[k] : mid;
            }
            thresholds[f] = thr;
        }
        nzBin = new int[out];
        for (int p = 0; p < out; p++) {
            int f = ids[p];
            nzBin[p] = binOffset[f] + binOf(uppers[f], vals[p]);
        }
    }

    int totalBins() { return binOffset[numFeatures]; }

    int numBins(int f) { return binOffset[f + 1] - binOffset[f]; }

    /** Local bin of feature f in row r. */
    int localBin(int r, int f) {
        int p = Arrays.binarySearch(ids, ptr[r], ptr[r + 1], f);
        return p >= 0 ? nzBin[p] - binOffset[f] : zeroBin[f];
    }

    /** First bin whose upper bound is >= v (the last bin for larger values). */
    private static int binOf(float[] upper, float v) {
        int lo = 0, hi = upper.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (upper[mid] >= v) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** {upper bounds, lower bounds} of the bins of sorted values v[a..b) plus {@code zeros} implicit zeros. */
    private static float[][] bins(float[] v, int a, int b, int zeros, int maxBins) {
        // distinct values with counts, the implicit zeros merged in
        int n = b - a;
        float[] dv = new float[n + 1];
        long[] dc = new long[n + 1];
        int d = 0;
        boolean zeroDone = zeros == 0;
        for (int i = a; i <= b; i++) {
            if (!zeroDone && (i == b || v[i] >= 0f)) {
                if (d > 0 && dv[d - 1] == 0f) dc[d - 1] += zeros;
                else { dv[d] = 0f; dc[d] = zeros; d++; }
                zeroDone = true;
            }
            if (i == b) break;
            float x = v[i] == 0f ? 0f : v[i];
            if (d > 0 && dv[d - 1] == x) dc[d - 1]++;
            else { dv[d] = x; dc[d] = 1; d++; }
        }
        if (d == 0) return new float[][]{{0f}, {0f}};
        if (d <= maxBins) {
            float[] u = Arrays.copyOf(dv, d);
            return new float[][]{u, u.clone()};
        }
        // equal-frequency bins: close a bin once it holds its share of the remaining count
        float[] upper = new float[maxBins], lower = new float[maxBins];
        long total = 0;
        for (int i = 0; i < d; i++) total += dc[i];
        int nb = 0;
        long inBin = 0, left = total;
        lower[0] = dv[0];
        for (int i = 0; i < d; i++) {
            if (inBin == 0) lower[nb] = dv[i];
            inBin += dc[i];
            int binsLeft = maxBins - nb;
            boolean last = i == d - 1;
            if (last || (binsLeft > 1 && inBin >= (double) left / binsLeft)) {
                upper[nb++] = dv[i];
                left -= inBin;
                inBin = 0;
            }
        }
        return new float[][]{Arrays.copyOf(upper, nb), Arrays.copyOf(lower, nb)};
    }
}
