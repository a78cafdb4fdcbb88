package io.reclab.data.loader;

import io.reclab.data.DataFormatException;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureField;
import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RecBole atomic files (Zhao et al., 2021, "RecBole: Towards a Unified, Comprehensive and Efficient Framework for
 * Recommendation Algorithms", CIKM) from {@code <path>/<name>.inter} plus optional {@code .user} and {@code .item}:
 * tab-separated with a {@code field:type} header, types {@code token}, {@code token_seq} (space-separated),
 * {@code float}, {@code float_seq}. The log takes the user and item token fields, the optional rating field
 * (value 1 when absent) and the optional time field (seconds, fractional part dropped; the row index when absent).
 * When RecBole's benchmark files {@code <name>.train.inter}, {@code <name>.test.inter} (and optionally
 * {@code <name>.valid.inter}) exist they are read instead, in that order, and define {@code predefinedParts}.
 * Side files give token → categorical, token_seq → multi-valued, float → numeric; float_seq fields are skipped
 * (no feature kind for them). Rows may omit trailing empty fields.
 */
public final class RecBoleLoader implements DatasetLoader {
    /** @param userField name of the user id field (without {@code :token}); likewise the others */
    public record Config(String name, Path path, String userField, String itemField, String ratingField,
                         String timeField, Charset encoding) {}

    private enum Type { TOKEN, TOKEN_SEQ, FLOAT, FLOAT_SEQ }

    private record Header(String[] names, Type[] types) {
        int index(String field) {
            for (int i = 0; i < names.length; i++) if (names[i].equals(field)) return i;
            return -1;
        }

        String describe() {
            List<String> s = new ArrayList<>();
            for (int i = 0; i < names.length; i++) s.add(names[i] + ":" + types[i].name().toLowerCase());
            return String.join(" ", s);
        }
    }

    private final Config config;

    public RecBoleLoader(Config config) { this.config = config; }

    @Override
    public Dataset load() throws IOException {
        Path dir = config.path();
        String n = config.name();
        Sources src = new Sources();
        IdIndexer users = new IdIndexer(), items = new IdIndexer();
        LogBuilder log = new LogBuilder();
        Path whole = dir.resolve(n + ".inter");
        Path train = dir.resolve(n + ".train.inter");
        boolean split = Files.isRegularFile(train);
        if (split) {
            readInter(src, train, users, items, log, Dataset.TRAIN);
            Path valid = dir.resolve(n + ".valid.inter");
            if (Files.isRegularFile(valid)) readInter(src, valid, users, items, log, Dataset.VALID);
            readInter(src, dir.resolve(n + ".test.inter"), users, items, log, Dataset.TEST);
        } else {
            if (!Files.isRegularFile(whole))
                throw new FileNotFoundException(whole + ": file not found (expected RecBole atomic interactions `"
                        + n + ".inter`, or benchmark files `" + n + ".train.inter`/`" + n + ".test.inter`, in " + dir + ")");
            readInter(src, whole, users, items, log, (byte) -1);
        }
        Path userFile = dir.resolve(n + ".user");
        FeatureTable uf = Files.isRegularFile(userFile)
                ? readSide(src, userFile, config.userField(), users) : FeatureTable.empty(users.size());
        Path itemFile = dir.resolve(n + ".item");
        FeatureTable itf = Files.isRegularFile(itemFile)
                ? readSide(src, itemFile, config.itemField(), items) : FeatureTable.empty(items.size());
        Interactions x = log.build(users.build(), items.build());
        DatasetInfo info = new DatasetInfo(n, dir.toString(), src.sha256(), x.numUsers(), x.numItems(), x.size());
        return new Dataset(info, x, uf, itf, split ? log.parts() : null);
    }

    private Header header(LineReader r, Path file) throws IOException {
        if (!r.next()) throw new DataFormatException(file, 1, "expected a `field:type` header, got an empty file");
        Fields f = new Fields("\t");
        int k = f.split(r);
        String[] names = new String[k];
        Type[] types = new Type[k];
        for (int i = 0; i < k; i++) {
            String tok = f.string(i, config.encoding());
            int colon = tok.lastIndexOf(':');
            Type t = colon < 0 ? null : switch (tok.substring(colon + 1)) {
                case "token" -> Type.TOKEN;
                case "token_seq" -> Type.TOKEN_SEQ;
                case "float" -> Type.FLOAT;
                case "float_seq" -> Type.FLOAT_SEQ;
                default -> null;
            };
            if (t == null)
                throw new DataFormatException(file, 1, "header field " + (i + 1) + " `" + tok
                        + "`: expected `name:type` with type token, token_seq, float or float_seq");
            names[i] = tok.substring(0, colon);
            types[i] = t;
        }
        return new Header(names, types);
    }

    private int column(Header h, Path file, String field, Type type, boolean required) {
        int c = h.index(field);
        if (c < 0) {
            if (required) throw new DataFormatException(file, 1, "expected a `" + field + ":" + type.name().toLowerCase()
                    + "` field in the header, got `" + h.describe() + "`");
            return -1;
        }
        if (h.types()[c] != type)
            throw new DataFormatException(file, 1, "field `" + field + "` has type " + h.types()[c].name().toLowerCase()
                    + ", expected " + type.name().toLowerCase());
        return c;
    }

    private void readInter(Sources src, Path file, IdIndexer users, IdIndexer items, LogBuilder log, byte part) throws IOException {
        Charset cs = config.encoding();
        try (LineReader r = new LineReader(src.open(file, "RecBole atomic interactions with a `field:type` header"))) {
            Header h = header(r, file);
            int cu = column(h, file, config.userField(), Type.TOKEN, true);
            int ci = column(h, file, config.itemField(), Type.TOKEN, true);
            int cr = column(h, file, config.ratingField(), Type.FLOAT, false);
            int ct = column(h, file, config.timeField(), Type.FLOAT, false);
            int need = Math.max(Math.max(cu, ci), Math.max(cr, ct)) + 1;
            String expected = h.describe().replace(" ", "<TAB>");
            Fields f = new Fields("\t");
            while (r.next()) {
                if (r.isBlank()) continue;
                int k = f.split(r);
                if (k < need || k > h.names().length || f.isEmpty(cu) || f.isEmpty(ci))
                    throw RatingLogReader.bad(file, r, expected);
                float v = 1f;
                if (cr >= 0) {
                    v = f.parseFloat(cr);
                    if (f.bad()) throw RatingLogReader.bad(file, r, expected);
                }
                long t = log.size();
                if (ct >= 0) {
                    t = f.parseSeconds(ct);
                    if (f.bad()) throw RatingLogReader.bad(file, r, expected);
                }
                int u = users.add(f, cu, cs);
                int i = items.add(f, ci, cs);
                if (part >= 0) log.add(u, i, v, t, part);
                else log.add(u, i, v, t);
            }
        }
    }

    private FeatureTable readSide(Sources src, Path file, String idField, IdIndexer ids) throws IOException {
        Charset cs = config.encoding();
        int n = ids.size();
        try (LineReader r = new LineReader(src.open(file, "RecBole atomic side features with a `field:type` header"))) {
            Header h = header(r, file);
            int cid = column(h, file, idField, Type.TOKEN, true);
            int m = h.names().length;
            Object[] cols = new Object[m];
            for (int c = 0; c < m; c++) {
                if (c == cid) continue;
                String name = h.names()[c];
                switch (h.types()[c]) {
                    case TOKEN -> cols[c] = new FeatureColumns.Categorical(name, n);
                    case TOKEN_SEQ -> cols[c] = new FeatureColumns.MultiValued(name, n);
                    case FLOAT -> cols[c] = new FeatureColumns.Numeric(name, n);
                    case FLOAT_SEQ -> cols[c] = null;
                }
            }
            String expected = h.describe().replace(" ", "<TAB>");
            Fields f = new Fields("\t");
            while (r.next()) {
                if (r.isBlank()) continue;
                int k = f.split(r);
                if (k <= cid || k > m || f.isEmpty(cid)) throw RatingLogReader.bad(file, r, expected);
                int e = ids.find(f, cid, cs);
                for (int c = 0; c < m; c++) {
                    Object col = cols[c];
                    if (col == null) continue;
                    boolean empty = c >= k || f.isEmpty(c);
                    if (col instanceof FeatureColumns.Numeric num) {
                        float v = Float.NaN;
                        if (!empty) {
                            v = f.parseFloat(c);
                            if (f.bad()) throw RatingLogReader.bad(file, r, expected);
                        }
                        if (e >= 0) num.set(e, v);
                    } else if (e < 0) {
                        continue;
                    } else if (col instanceof FeatureColumns.Categorical cat) {
                        cat.set(e, empty ? null : f.string(c, cs));
                    } else if (col instanceof FeatureColumns.MultiValued mv) {
                        mv.set(e, empty ? List.of() : Arrays.asList(f.string(c, cs).split(" +")));
                    }
                }
            }
            List<FeatureField> fields = new ArrayList<>();
            for (Object col : cols) {
                if (col instanceof FeatureColumns.Numeric num) fields.add(num.build());
                else if (col instanceof FeatureColumns.Categorical cat) fields.add(cat.build());
                else if (col instanceof FeatureColumns.MultiValued mv) fields.add(mv.build());
            }
            return new FeatureTable(n, fields);
        }
    }
}
