package io.reclab.data;

/**
 * Provenance of a loaded dataset: its name, where it came from, a sha256 over the source files (in a fixed order),
 * the counts after preprocessing, and what the log held as loaded ({@link DataQuality}: duplicates, odd ids, the
 * dedupe applied), null until the runner has counted it.
 */
public record DatasetInfo(String name, String source, String sha256, int users, int items, int interactions,
                          DataQuality quality) {
    public DatasetInfo(String name, String source, String sha256, int users, int items, int interactions) {
        this(name, source, sha256, users, items, interactions, null);
    }

    public DatasetInfo withCounts(Interactions x) {
        return new DatasetInfo(name, source, sha256, x.numUsers(), x.numItems(), x.size(), quality);
    }

    public DatasetInfo withQuality(DataQuality q) {
        return new DatasetInfo(name, source, sha256, users, items, interactions, q);
    }
}
