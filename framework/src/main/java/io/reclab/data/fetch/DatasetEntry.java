package io.reclab.data.fetch;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One public dataset that {@code reclab data fetch} can download: where its files come from, the SHA-256 each
 * download must have (when one is published), and the SHA-256 of the files it extracts to (when known), which
 * {@code reclab data verify} checks against a local copy.
 *
 * @param name     the name experiments and the command line use ({@code ml-100k}); also the cache folder's name
 * @param title    one line for {@code data list}: what it is, its size
 * @param terms    the licence terms in a few words (every dataset here forbids redistribution or commercial use)
 * @param downloads what to download, in order; zip archives are extracted, plain files are copied as they are
 * @param files    SHA-256 of extracted files by path relative to the dataset folder (forward slashes), may be empty
 * @param pinnedFrom where the pinned checksums were published, shown by {@code data list} so a user can audit them
 */
public record DatasetEntry(String name, String title, String terms, List<Download> downloads, Map<String, String> files,
                           String pinnedFrom) {

    public DatasetEntry {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]*"))
            throw new IllegalArgumentException("dataset name `" + name + "`: expected lower-case letters, digits, '.', '_' or '-'");
        if (downloads == null || downloads.isEmpty()) throw new IllegalArgumentException(name + ": no downloads");
        downloads = List.copyOf(downloads);
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files == null ? Map.of() : files));
        for (Map.Entry<String, String> f : files.entrySet()) Sha256Hex.require(f.getValue(), name + " file " + f.getKey());
        if (pinnedFrom == null) pinnedFrom = "";
    }

    /** True when every download has a pinned SHA-256, so fetching needs no {@code --insecure-no-checksum}. */
    public boolean fullyPinned() {
        return downloads.stream().allMatch(d -> d.sha256() != null);
    }

    /**
     * One file to download.
     *
     * @param url      where it is published
     * @param fileName the name it is saved under (the archive's name, or the extracted file's name for plain files)
     * @param sha256   its published SHA-256 (lower-case hex), or null when none was found
     * @param bytes    its size in bytes when published (for the progress line and a truncation check), or -1
     * @param unzip    true for a zip archive to extract, false for a file copied into the dataset folder as it is
     */
    public record Download(URI url, String fileName, String sha256, long bytes, boolean unzip) {
        public Download {
            Objects.requireNonNull(url, "url");
            if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
                    || fileName.startsWith("."))
                throw new IllegalArgumentException(url + ": file name `" + fileName + "`: expected a plain file name");
            if (sha256 != null) sha256 = Sha256Hex.require(sha256, url.toString());
        }

        /** A zip archive to download and extract. */
        public static Download zip(String url, String sha256, long bytes) {
            URI u = URI.create(url);
            return new Download(u, lastSegment(u), sha256, bytes, true);
        }

        /** A plain file, saved into the dataset folder under its own name. */
        public static Download file(String url, String sha256, long bytes) {
            URI u = URI.create(url);
            return new Download(u, lastSegment(u), sha256, bytes, false);
        }

        private static String lastSegment(URI u) {
            String p = u.getPath();
            return p.substring(p.lastIndexOf('/') + 1);
        }
    }

    /** Checks the form of a hex SHA-256 value. */
    static final class Sha256Hex {
        private Sha256Hex() {}

        static String require(String hex, String what) {
            if (hex == null || !hex.matches("[0-9a-fA-F]{64}"))
                throw new IllegalArgumentException(what + ": SHA-256 `" + hex + "`: expected 64 hex digits");
            return hex.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
