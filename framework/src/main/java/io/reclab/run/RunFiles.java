package io.reclab.run;

/**
 * Names of the files in a run folder. Layout:
 * <pre>
 * runs/&lt;experiment&gt;/&lt;yyyy-MM-dd_HH-mm-ss&gt;/
 *   config.conf            resolved configuration, written before training
 *   overrides.txt          the command-line overrides, one per line
 *   report.html            the report over all trials
 *   &lt;trial&gt;/run.json       one {@link RunRecord} per trial (a model, or a model × sweep point)
 *   &lt;trial&gt;/per_user_&lt;stage&gt;.csv   header {@code user,<metric id>,...}; one row per evaluated user
 *                          (external user id), for significance tests; stage = recall | rank
 *   &lt;trial&gt;/predictions_rank.csv    header {@code user,label,score}: test-set predictions of a ranker (ROC, PR, calibration)
 * </pre>
 */
public final class RunFiles {
    public static final String CONFIG = "config.conf";
    public static final String OVERRIDES = "overrides.txt";
    public static final String REPORT = "report.html";
    public static final String RUN_JSON = "run.json";
    public static final String PREDICTIONS_RANK = "predictions_rank.csv";

    public static final String STATUS_RUNNING = "running";
    public static final String STATUS_COMPLETED = "completed";
    public static final String STATUS_FAILED = "failed";
    /** A tune trial stopped early by successive halving: its validation curve was not promising. */
    public static final String STATUS_PRUNED = "pruned";

    private RunFiles() {}

    public static String perUser(String stage) { return "per_user_" + stage + ".csv"; }
}
