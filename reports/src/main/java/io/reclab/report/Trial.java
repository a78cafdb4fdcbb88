package io.reclab.report;

import io.reclab.run.RunRecord;

import java.nio.file.Path;
import java.util.Map;

/**
 * One trial folder as the reports see it: its run record, the per-user tables by stage and, for rankers, the path
 * of the test predictions file (read on demand because it can be large).
 *
 * @param runLabel    short name of the run folder the trial belongs to (distinguishes runs in a comparison)
 * @param predictions {@code predictions_rank.csv} if present, else null
 */
public record Trial(String runLabel, Path dir, RunRecord record, Map<String, PerUserTable> perUser, Path predictions) {
}
