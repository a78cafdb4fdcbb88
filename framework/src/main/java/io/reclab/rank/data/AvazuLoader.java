package io.reclab.rank.data;

import io.reclab.data.DataFormatException;
import io.reclab.rank.features.FieldSpec;
import io.reclab.rank.features.RawTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the Avazu click-through CSV (Kaggle 2014): a header, {@code click} as the label, {@code hour} as YYMMDDHH,
 * every other column categorical. The per-row {@code id} is dropped (unique, so useless as a feature); {@code hour}
 * becomes two columns, {@code hour} = hour of day "00".."23" and {@code weekday} = 1 (Monday) .. 7 (Sunday), as
 * FuxiCTR's Avazu preprocessing does. {@link #defaultFields} = every column categorical with min-count 2 (FuxiCTR
 * Avazu_x4).
 */
public final class AvazuLoader {

    public RawTable load(Path file) {
        try (BufferedReader r = TextFiles.open(file)) {
            String header = TextFiles.readLine(r, file);
            if (header == null) throw new DataFormatException(file, 1, "empty file, expected a header line");
            String[] names = TextFiles.split(header, ',', 24);
            int click = -1, hour = -1;
            List<Integer> keep = new ArrayList<>();
            List<String> outNames = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String c = names[i].trim();
                if (c.equals("click")) click = i;
                else if (c.equals("hour")) hour = i;
                else if (!c.equals("id")) { keep.add(i); outNames.add(c); }
            }
            if (click < 0) throw new DataFormatException(file, 1, "no `click` column in the header (Avazu test files have no labels)");
            if (hour < 0) throw new DataFormatException(file, 1, "no `hour` column in the header");
            RawTable.StringColumnBuilder hourCol = new RawTable.StringColumnBuilder("hour");
            RawTable.StringColumnBuilder weekday = new RawTable.StringColumnBuilder("weekday");
            RawTable.StringColumnBuilder[] cols = new RawTable.StringColumnBuilder[keep.size()];
            for (int i = 0; i < cols.length; i++) cols[i] = new RawTable.StringColumnBuilder(outNames.get(i));
            float[] labels = new float[1024];
            int n = 0;
            long lineNo = 1;
            for (String line; (line = TextFiles.readLine(r, file)) != null; ) {
                lineNo++;
                if (line.isEmpty()) continue;
                String[] f = TextFiles.split(line, ',', names.length);
                if (f.length != names.length)
                    throw new DataFormatException(file, lineNo, "expected " + names.length + " fields as in the header, found " + f.length);
                if (n == labels.length) labels = Arrays.copyOf(labels, n * 2);
                labels[n++] = TextFiles.parseLabel(f[click], file, lineNo);
                String h = f[hour];
                if (h.length() != 8) throw new DataFormatException(file, lineNo, "hour `" + h + "`: expected YYMMDDHH");
                try {
                    int hh = Integer.parseInt(h.substring(6, 8));
                    if (hh > 23) throw new NumberFormatException();
                    LocalDate d = LocalDate.of(2000 + Integer.parseInt(h.substring(0, 2)), Integer.parseInt(h.substring(2, 4)),
                            Integer.parseInt(h.substring(4, 6)));
                    hourCol.add(h.substring(6, 8));
                    weekday.add(Integer.toString(d.getDayOfWeek().getValue()));
                } catch (NumberFormatException | DateTimeException e) {
                    throw new DataFormatException(file, lineNo, "hour `" + h + "`: expected YYMMDDHH");
                }
                for (int i = 0; i < cols.length; i++) cols[i].add(f[keep.get(i)]);
            }
            List<RawTable.Column> out = new ArrayList<>();
            out.add(hourCol.build());
            out.add(weekday.build());
            for (RawTable.StringColumnBuilder c : cols) out.add(c.build());
            return new RawTable(out, Arrays.copyOf(labels, n), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every column of {@code table} categorical with min-count 2. */
    public static List<FieldSpec> defaultFields(RawTable table) {
        List<FieldSpec> out = new ArrayList<>();
        for (RawTable.Column c : table.columns()) out.add(new FieldSpec.Categorical(c.name(), c.name(), 2, 0, 0));
        return out;
    }
}
