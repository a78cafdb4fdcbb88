package io.reclab.run;

import io.reclab.data.IdMap;
import io.reclab.eval.rank.ScoreContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a ranker's test predictions ({@code user,label,score}) for ROC, precision-recall and calibration plots. */
public final class PredictionsCsv {
    private PredictionsCsv() {}

    public static void write(Path file, ScoreContext ctx, IdMap users) throws IOException {
        float[] s = ctx.scores(), l = ctx.labels();
        int[] u = ctx.users();
        StringBuilder sb = new StringBuilder(32 + s.length * 24);
        sb.append("user,label,score\n");
        for (int i = 0; i < s.length; i++) {
            sb.append(u[i] < 0 ? "" : PerUserCsv.csv(users.external(u[i]))).append(',')
                    .append(l[i] > 0.5f ? '1' : '0').append(',')
                    .append(String.format(Locale.ROOT, "%.6g", s[i])).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
