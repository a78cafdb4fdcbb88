package io.reclab.report;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads {@code predictions_rank.csv} (header {@code user,label,score}) into primitive label/score arrays. */
public final class PredictionsReader {
    /** Labels (0/1) and predicted probabilities, aligned. */
    public record Predictions(int[] labels, double[] scores) {}

    private PredictionsReader() {}

    public static Predictions read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            String[] header = csv.readNext();
            if (header == null || header.length < 3) {
                throw new IOException(file + " line 1: expected header `user,label,score`");
            }
            int li = -1, si = -1;
            for (int i = 0; i < header.length; i++) {
                if (header[i].trim().equals("label")) li = i;
                if (header[i].trim().equals("score")) si = i;
            }
            if (li < 0 || si < 0) {
                throw new IOException(file + " line 1: expected columns `label` and `score`, got `"
                        + String.join(",", header) + "`");
            }
            int[] labels = new int[1024];
            double[] scores = new double[1024];
            int n = 0;
            long line = 1;
            String[] row;
            while ((row = csv.readNext()) != null) {
                line++;
                if (row.length == 1 && row[0].isEmpty()) continue;
                if (row.length <= Math.max(li, si)) {
                    throw new IOException(file + " line " + line + ": expected " + header.length + " columns, got " + row.length);
                }
                if (n == labels.length) {
                    labels = Arrays.copyOf(labels, n * 2);
                    scores = Arrays.copyOf(scores, n * 2);
                }
                try {
                    double y = Double.parseDouble(row[li].trim());
                    if (y != 0 && y != 1) throw new NumberFormatException();
                    labels[n] = (int) y;
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + line + ": label must be 0 or 1, got `" + row[li] + "`");
                }
                try {
                    scores[n] = Double.parseDouble(row[si].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + line + ": score must be a number, got `" + row[si] + "`");
                }
                n++;
            }
            return new Predictions(Arrays.copyOf(labels, n), Arrays.copyOf(scores, n));
        } catch (CsvValidationException e) {
            throw new IOException(file + ": malformed CSV: " + e.getMessage(), e);
        }
    }
}
