package io.reclab.rank.data;

import io.reclab.data.DataFormatException;
import io.reclab.rank.Samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads already-encoded libSVM / libFM files ({@code label idx:val idx:val ...}, label -1/0/1) straight into
 * {@link Samples}. Several files (train, valid, test) are read together so they share one feature space:
 * numFeatures = max index + 1 over all of them. Field assignment:
 * <ul>
 *   <li>{@link Fields#POSITION}: field = position of the token in the line, and every line of every file must have
 *       the same number of tokens (the Frappe and MovieLens-tag libFM files of Xiao et al. / He &amp; Chua are built
 *       this way);</li>
 *   <li>{@link Fields#SINGLE}: one field holding all features (generic libSVM);</li>
 *   <li>{@link Fields#EXPLICIT}: libFFM tokens {@code field:idx:val}.</li>
 * </ul>
 */
public final class LibSvmLoader {
    /** How nonzeros get their field. */
    public enum Fields { POSITION, SINGLE, EXPLICIT }

    private final Fields fields;

    public LibSvmLoader(Fields fields) { this.fields = fields; }

    /** One Samples per file, in order, all with the same numFeatures and numFields. */
    public List<Samples> load(List<Path> files) {
        List<Parsed> parsed = new ArrayList<>();
        int maxId = -1, numFields = fields == Fields.SINGLE ? 1 : -1;
        Path firstFile = null;
        for (Path f : files) {
            Parsed p = parse(f);
            parsed.add(p);
            maxId = Math.max(maxId, p.maxId);
            if (fields == Fields.POSITION && p.width >= 0) {
                if (numFields >= 0 && numFields != p.width)
                    throw new DataFormatException(f, p.firstLine, "expected " + numFields + " features per line as in " + firstFile
                            + ", found " + p.width);
                numFields = p.width;
                firstFile = f;
            } else if (fields == Fields.EXPLICIT) {
                numFields = Math.max(numFields, p.maxField + 1);
            }
        }
        numFields = Math.max(numFields, 1);
        String[] names = new String[numFields];
        for (int i = 0; i < numFields; i++) names[i] = "f" + i;
        List<Samples> out = new ArrayList<>();
        for (Parsed p : parsed) {
            int n = p.n, nnz = p.ptr[n];
            int[] users = new int[n];
            Arrays.fill(users, -1);
            out.add(new Samples(numFields, maxId + 1, Arrays.copyOf(p.ptr, n + 1), Arrays.copyOf(p.ids, nnz),
                    Arrays.copyOf(p.vals, nnz), Arrays.copyOf(p.fields, nnz), Arrays.copyOf(p.labels, n), users, names));
        }
        return out;
    }

    private static final class Parsed {
        int n, maxId = -1, maxField = -1, width = -1;
        long firstLine;
        int[] ptr = new int[1025];
        int[] ids = new int[4096], fields = new int[4096];
        float[] vals = new float[4096];
        float[] labels = new float[1024];
    }

    private Parsed parse(Path file) {
        Parsed p = new Parsed();
        try (BufferedReader r = TextFiles.open(file)) {
            long lineNo = 0;
            for (String line; (line = TextFiles.readLine(r, file)) != null; ) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty()) continue;
                String[] tok = t.split("\\s+");
                int width = tok.length - 1;
                if (fields == Fields.POSITION) {
                    if (p.width < 0) { p.width = width; p.firstLine = lineNo; }
                    else if (width != p.width)
                        throw new DataFormatException(file, lineNo, "expected " + p.width + " features (as on line " + p.firstLine
                                + "; fields are positions), found " + width);
                }
                if (p.n + 1 == p.ptr.length) {
                    p.ptr = Arrays.copyOf(p.ptr, p.ptr.length * 2);
                    p.labels = Arrays.copyOf(p.labels, p.labels.length * 2);
                }
                p.labels[p.n] = TextFiles.parseLabel(tok[0], file, lineNo);
                int base = p.ptr[p.n];
                if (base + width > p.ids.length) {
                    int cap = Math.max(p.ids.length * 2, base + width);
                    p.ids = Arrays.copyOf(p.ids, cap);
                    p.fields = Arrays.copyOf(p.fields, cap);
                    p.vals = Arrays.copyOf(p.vals, cap);
                }
                for (int k = 1; k <= width; k++) {
                    String[] parts = tok[k].split(":");
                    int expected = fields == Fields.EXPLICIT ? 3 : 2;
                    if (parts.length != expected)
                        throw new DataFormatException(file, lineNo, "token `" + tok[k] + "`: expected "
                                + (expected == 3 ? "field:index:value" : "index:value"));
                    int field, id;
                    float val;
                    try {
                        field = expected == 3 ? Integer.parseInt(parts[0]) : fields == Fields.POSITION ? k - 1 : 0;
                        id = Integer.parseInt(parts[expected - 2]);
                        val = Float.parseFloat(parts[expected - 1]);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file, lineNo, "token `" + tok[k] + "`: not a number");
                    }
                    if (id < 0 || field < 0) throw new DataFormatException(file, lineNo, "token `" + tok[k] + "`: negative index");
                    int q = base + k - 1;
                    p.ids[q] = id;
                    p.fields[q] = field;
                    p.vals[q] = val;
                    p.maxId = Math.max(p.maxId, id);
                    p.maxField = Math.max(p.maxField, field);
                }
                if (fields == Fields.EXPLICIT) sortByField(p, base, base + width);
                p.ptr[p.n + 1] = base + width;
                p.n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    /** Stable insertion sort of one row's nonzeros by field (Samples wants field order). */
    private static void sortByField(Parsed p, int a, int b) {
        for (int i = a + 1; i < b; i++) {
            int f = p.fields[i], id = p.ids[i];
            float v = p.vals[i];
            int j = i - 1;
            while (j >= a && p.fields[j] > f) {
                p.fields[j + 1] = p.fields[j]; p.ids[j + 1] = p.ids[j]; p.vals[j + 1] = p.vals[j];
                j--;
            }
            p.fields[j + 1] = f; p.ids[j + 1] = id; p.vals[j + 1] = v;
        }
    }
}
