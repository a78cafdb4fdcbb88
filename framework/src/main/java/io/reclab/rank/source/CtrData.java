package io.reclab.rank.source;

import io.reclab.data.DatasetInfo;
import io.reclab.data.IdMap;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FittedFeaturePipeline;

import java.util.Locale;
import java.util.Map;

/**
 * CTR benchmark files read for the rank stage: encoded train / valid / test samples (features fitted on train only)
 * and their provenance for run.json.
 *
 * @param source          the files by role with each file's sha256, e.g. {@code train=/d/train.csv (sha256 ab..); ...}
 * @param sha256          sha256 of the files' concatenated bytes in {@link CtrSourceConfig#files()} order
 *                        ({@code cat train valid test | sha256sum})
 * @param protocol        how the parts were made: {@code predefined files} or the random split with its seed
 * @param features        the fitted pipeline, null for libSVM files (already encoded)
 * @param users           external ids of the user column (csv {@code user-column}), empty when the data has none
 * @param trainUserCounts training samples per user id
 * @param extras          positive rates and row counts by part ({@code data.train_positive_rate}, ...)
 */
public record CtrData(String name, String source, String sha256, String protocol, Samples train, Samples valid,
                      Samples test, FittedFeaturePipeline features, IdMap users, int[] trainUserCounts,
                      Map<String, Double> extras, double loadSeconds, double featureSeconds) {

    /**
     * Provenance in the dataset shape of run.json: users = distinct ids of the user column (0 without one),
     * items = 0 (CTR rows have no item catalogue), interactions = rows over all three parts.
     */
    public DatasetInfo info() {
        return new DatasetInfo(name, source, sha256, users.size(), 0, train.size() + valid.size() + test.size());
    }

    /** One console line: part sizes, positive rates, feature space. */
    public String summary() {
        return String.format(Locale.ROOT, "ctr %s: train %d (%.2f%% positive), valid %d, test %d (%.2f%% positive); "
                        + "%d features in %d fields (%.2fs read, %.2fs features)", name, train.size(),
                100 * extras.get("data.train_positive_rate"), valid.size(), test.size(),
                100 * extras.get("data.test_positive_rate"), train.numFeatures(), train.numFields(), loadSeconds, featureSeconds);
    }
}
