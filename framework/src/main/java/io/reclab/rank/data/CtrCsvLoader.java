package io.reclab.rank.data;

import io.reclab.data.DataFormatException;
import io.reclab.rank.features.RawTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a FuxiCTR / BARS CSV ({@code train.csv}, {@code valid.csv}, {@code test.csv}: a header naming the columns,
 * one sample per line) into a {@link RawTable}, with column roles from a {@link CtrCsvFormat}. Categorical and
 * sequence columns become string columns, numeric ones float columns (empty = missing).
 */
public final class CtrCsvLoader {
    private final CtrCsvFormat format;

    public CtrCsvLoader(CtrCsvFormat format) { this.format = format; }

    public RawTable load(Path file) {
        try (BufferedReader r = TextFiles.open(file)) {
            String header = TextFiles.readLine(r, file);
            if (header == null) throw new DataFormatException(file, 1, "empty file, expected a header line");
            String[] names = TextFiles.splitCsv(header, format.separator(), file, 1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) index.put(names[i].trim(), i);
            int labelCol = column(index, format.label(), file, names);
            List<String> strings = new ArrayList<>(format.categorical());
            strings.addAll(format.sequence());
            int[] sIdx = new int[strings.size()], fIdx = new int[format.numeric().size()];
            RawTable.StringColumnBuilder[] sb = new RawTable.StringColumnBuilder[sIdx.length];
            RawTable.FloatColumnBuilder[] fb = new RawTable.FloatColumnBuilder[fIdx.length];
            for (int i = 0; i < sIdx.length; i++) {
                sIdx[i] = column(index, strings.get(i), file, names);
                sb[i] = new RawTable.StringColumnBuilder(strings.get(i));
            }
            for (int i = 0; i < fIdx.length; i++) {
                fIdx[i] = column(index, format.numeric().get(i), file, names);
                fb[i] = new RawTable.FloatColumnBuilder(format.numeric().get(i));
            }
            int userCol = format.userColumn().isEmpty() ? -1 : column(index, format.userColumn(), file, names);
            Map<String, Integer> userIds = new HashMap<>();
            float[] labels = new float[1024];
            int[] users = new int[1024];
            int n = 0;
            long lineNo = 1;
            for (String line; (line = TextFiles.readLine(r, file)) != null; ) {
                lineNo++;
                if (line.isEmpty()) continue;
                String[] f = TextFiles.splitCsv(line, format.separator(), file, lineNo);
                if (f.length != names.length)
                    throw new DataFormatException(file, lineNo, "expected " + names.length + " fields as in the header, found " + f.length);
                if (n == labels.length) {
                    labels = Arrays.copyOf(labels, n * 2);
                    users = Arrays.copyOf(users, n * 2);
                }
                labels[n] = TextFiles.parseLabel(f[labelCol], file, lineNo);
                for (int i = 0; i < sIdx.length; i++) sb[i].add(f[sIdx[i]]);
                for (int i = 0; i < fIdx.length; i++) fb[i].add(TextFiles.parseFloat(f[fIdx[i]], file, lineNo, names[fIdx[i]]));
                users[n] = userCol < 0 ? -1 : userIds.computeIfAbsent(f[userCol], k -> userIds.size());
                n++;
            }
            List<RawTable.Column> cols = new ArrayList<>();
            for (RawTable.StringColumnBuilder b : sb) cols.add(b.build());
            for (RawTable.FloatColumnBuilder b : fb) cols.add(b.build());
            return new RawTable(cols, Arrays.copyOf(labels, n), Arrays.copyOf(users, n), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int column(Map<String, Integer> index, String name, Path file, String[] header) {
        Integer i = index.get(name);
        if (i == null) throw new DataFormatException(file, 1, "no column `" + name + "` in the header; columns: " + String.join(", ", header));
        return i;
    }
}
