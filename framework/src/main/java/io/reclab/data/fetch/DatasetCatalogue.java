package io.reclab.data.fetch;

import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;
import io.reclab.data.fetch.DatasetEntry.Download;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public datasets {@code reclab data} knows, by name. {@link #builtIn()} lists the official download addresses
 * with the SHA-256 values published for them; a test (or an offline mirror) builds its own catalogue from entries
 * that point elsewhere.
 *
 * <p>Every pinned value below was found in a published source, named beside it; none was computed from a download
 * made for this project (the build machine reaches no dataset site). Where no SHA-256 was found the download's hash
 * is null, and {@code fetch} refuses it unless the user accepts unchecked data with {@code --insecure-no-checksum}.
 */
public final class DatasetCatalogue {
    private final Map<String, DatasetEntry> entries = new LinkedHashMap<>();

    /** A catalogue of these entries, listed in this order; names must be distinct. */
    public DatasetCatalogue(List<DatasetEntry> list) {
        for (DatasetEntry e : list)
            if (entries.put(e.name(), e) != null) throw new IllegalArgumentException("dataset `" + e.name() + "` listed twice");
    }

    public List<DatasetEntry> entries() { return List.copyOf(entries.values()); }

    /** The entry named {@code name}, or a configuration error listing the known names (with a suggestion). */
    public DatasetEntry get(String name) {
        DatasetEntry e = entries.get(name);
        if (e != null) return e;
        String close = Suggest.closest(name, entries.keySet());
        throw new ConfigError("unknown dataset `" + name + "`" + (close == null ? "" : "; did you mean `" + close + "`?")
                + " (known: " + String.join(", ", entries.keySet()) + "; see `reclab data list`)");
    }

    public boolean contains(String name) { return entries.containsKey(name); }

    // TensorFlow Datasets' checksum file for its MovieLens builder: url, size in bytes, SHA-256 per archive.
    private static final String TFDS = "tensorflow/datasets @ 1c076ac3c19c8ea83e1d1a75e0623c9a699e0d7c, "
            + "tensorflow_datasets/url_checksums/movielens.txt";
    private static final String GROUPLENS = "https://files.grouplens.org/datasets/";
    private static final String LIGHTGCN = "https://raw.githubusercontent.com/kuandeng/LightGCN/master/Data/";

    /** The datasets users start with, at their official addresses. */
    public static DatasetCatalogue builtIn() {
        List<DatasetEntry> l = new ArrayList<>();
        // archive: TFDS (above); the same value is pinned in several independent projects' download scripts.
        // Files: hashed from the development copy of the original release (../shared/data/ml-100k); u.data and
        // u.item also match values published independently. Files of the release not listed here (u2-u5, ub,
        // allbut.pl, mku.sh) are not checked by `verify`.
        l.add(new DatasetEntry("ml-100k", "MovieLens 100K (GroupLens, 1998): 100,000 ratings 1-5, 943 users, 1,682 movies",
                "research use only; no redistribution; cite Harper & Konstan 2015",
                List.of(Download.zip(GROUPLENS + "movielens/ml-100k.zip",
                        "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229", 4_924_029L)),
                files(
                        "README", "f99cc05b85b45dee26b45e1f54efd39652f30824714e3634f1ff60a35112b50b",
                        "u.data", "06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490",
                        "u.genre", "9757e0d3e6b298159a80dd48eaf938114690e911e39af97a76949ef1663610bb",
                        "u.info", "5b0a40b2e47a729ee6203063f6dcf8790c2e63f5a18663e6ee318a72c5f3c27b",
                        "u.item", "553841ebc7de3a0fd0d6b62a204ea30c1e651aacfb2814c7a6584ac52f2c5701",
                        "u.occupation", "cd5fbec9afe345d993a62fc7817df1a4a9079c4feb267b3118763b8fd942137d",
                        "u.user", "f120e114da2e8cf314fd28f99417c94ae9ddf1cb6db8ce0e4b5995d40e90e62c",
                        "u1.base", "ce253ec86c448b44fb3ba9a30d12dcfc2e9210cbde71efada3730c22e9ac212a",
                        "u1.test", "18c6014a4b2c7324f250a63f8904a7b16b2b19f911129e346141507b0cbac950",
                        "ua.base", "67b5bcdb380c29f85d56a012ecd88612ae020f30a6730d117a334ee8203b91f2",
                        "ua.test", "d0497e202417720f57a184ec8c66be2d1afa4ff41bb53787c57b28d6bf79bc42"),
                "archive: " + TFDS + "; files: hashed from a copy of the original release"));
        l.add(new DatasetEntry("ml-1m", "MovieLens 1M (GroupLens, 2003): 1,000,209 ratings 1-5, 6,040 users, 3,883 movies (3,706 rated)",
                "research use only; no redistribution; cite Harper & Konstan 2015",
                List.of(Download.zip(GROUPLENS + "movielens/ml-1m.zip",
                        "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20", 5_917_549L)),
                Map.of(), "archive: " + TFDS));
        l.add(new DatasetEntry("ml-20m", "MovieLens 20M (GroupLens, 2015/2016): 20,000,263 ratings 0.5-5, 138,493 users, 27,278 movies",
                "research use only; no redistribution; cite Harper & Konstan 2015",
                List.of(Download.zip(GROUPLENS + "movielens/ml-20m.zip",
                        "96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3", 198_702_078L)),
                Map.of(), "archive: " + TFDS));
        l.add(new DatasetEntry("ml-25m", "MovieLens 25M (GroupLens, 2019): 25,000,095 ratings 0.5-5, 162,541 users, 62,423 movies",
                "research use only; no redistribution; cite Harper & Konstan 2015",
                List.of(Download.zip(GROUPLENS + "movielens/ml-25m.zip",
                        "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa", 261_978_986L)),
                Map.of(), "archive: " + TFDS));
        // Files: the unchanged members of the official zip, sha256 listed in ../shared/data/README.md.
        l.add(new DatasetEntry("ml-latest-small", "MovieLens latest-small (GroupLens, 2018-09-26): 100,836 ratings 0.5-5, 610 users, 9,742 movies (9,724 rated)",
                "research use only; no commercial use; redistribution only under the same terms",
                List.of(Download.zip(GROUPLENS + "movielens/ml-latest-small.zip",
                        "696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436", 978_202L)),
                files(
                        "README.txt", "63d22ac138e80fae37021797ed8e1b9424b5239dc576a137422adf783ae3f404",
                        "links.csv", "97ad18e4e56a09363c65676b6cb3482ce3e2cea2372a24620c1599c843325f31",
                        "movies.csv", "5a5f32dd9bb3797b8e728a1b98958789d2b13f294a69fdfbc5727f8a9611aa07",
                        "ratings.csv", "aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646",
                        "tags.csv", "92a9f8bb7916dceef6151209845788c3643f794dfa79d1feaec7121b5960399d"),
                "archive: " + TFDS + "; files: members of the official zip"));
        // Archive: ISG-Siegen/OmniRec @ 79cb11648d108a19116a2dcb5f0985d7b505462f,
        // src/omnirec/data_loaders/hetrec_lastfm.py; the same value appears in two further unrelated projects.
        // Files: ../shared/data/README.md; user_taggedartists-timestamps.dat has no known hash and is not checked.
        l.add(new DatasetEntry("lastfm-2k", "Last.fm HetRec 2011 2K: 92,834 user-artist play counts, 1,892 users, 17,632 artists, tags, friends",
                "non-commercial use only; cite the Last.fm website (and HetRec'11)",
                List.of(Download.zip(GROUPLENS + "hetrec2011/hetrec2011-lastfm-2k.zip",
                        "6738f48195667ff03caaab4d32ca9a3133d8cc026b7c3cdaf6ce1010e913c59c", -1)),
                files(
                        "artists.dat", "c173881362c6b28551368fecb3c0be5a6a30a6cd859e1f5775413dfe46d48648",
                        "readme.txt", "6fe5d1e6f67b025fc50cd70883dd1a1ff16c5ff37b5b7abfb33644b83468b209",
                        "tags.dat", "e95175f259be4c0c47644ae23d66131cd6d5767142a1405000e79f5584691d70",
                        "user_artists.dat", "001400dc3c7d2667fca6e4ea6dc6acc31a9dd28ad5cd0f74cea988c019934d3b",
                        "user_friends.dat", "9a3a8f7fa5f5ec832335e5b58ed69a4cf27c6f6f6afcde62134810eea46445a7",
                        "user_taggedartists.dat", "d31fe938fcfeed6f0059f37a36b156f63674d073fc2553e5cc9dc1595e365bc7"),
                "archive: ISG-Siegen/OmniRec @ 79cb116, src/omnirec/data_loaders/hetrec_lastfm.py; files: members of the official zip"));
        // The LightGCN authors' splits (He et al. 2020), as raw files from their repository's master branch. No
        // SHA-256 of these files was found published (RecZoo lists MD5 sums of its own copies only).
        String[][] lightgcn = {
                {"gowalla", "LightGCN split of Gowalla check-ins: 29,858 users, 40,981 items, 810,128 train / 217,242 test",
                        "those of the SNAP Gowalla data (cite Cho et al. 2011)"},
                {"yelp2018", "LightGCN split of Yelp 2018: 31,668 users, 38,048 items, 1,237,259 train / 324,147 test",
                        "those of the Yelp dataset (academic, non-commercial use)"},
                {"amazon-book", "LightGCN split of Amazon-Book: 52,643 users, 91,599 items, 2,380,730 train / 603,378 test",
                        "those of the Amazon review data (McAuley et al.)"}};
        for (String[] g : lightgcn)
            l.add(new DatasetEntry("lightgcn-" + g[0], g[1], g[2],
                    List.of(Download.file(LIGHTGCN + g[0] + "/train.txt", null, -1), Download.file(LIGHTGCN + g[0] + "/test.txt", null, -1)),
                    Map.of(), ""));
        // BARS CTR benchmark files (FuxiCTR): the download links of github.com/reczoo/Datasets. No SHA-256 found
        // published (BARS lists MD5 sums of the extracted CSV files only).
        l.add(new DatasetEntry("frappe-x1", "BARS Frappe_x1 (CTR): train/valid/test.csv, 288,609 rows, 10 fields; use with ctr=frappe ctr.dir=<folder>",
                "as Frappe (Baltrunas et al. 2015)",
                List.of(Download.zip("https://huggingface.co/datasets/reczoo/Frappe_x1/resolve/main/Frappe_x1.zip", null, -1)),
                Map.of(), ""));
        l.add(new DatasetEntry("movielenslatest-x1", "BARS MovielensLatest_x1 (CTR): train/valid/test.csv, 2,006,859 rows, 3 fields; use with ctr=movielens-tag ctr.dir=<folder>",
                "as MovieLens (GroupLens): research use only",
                List.of(Download.zip("https://huggingface.co/datasets/reczoo/MovielensLatest_x1/resolve/main/MovielensLatest_x1.zip", null, -1)),
                Map.of(), ""));
        return new DatasetCatalogue(l);
    }

    private static Map<String, String> files(String... pathThenHash) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathThenHash.length; i += 2) m.put(pathThenHash[i], pathThenHash[i + 1]);
        return m;
    }
}
