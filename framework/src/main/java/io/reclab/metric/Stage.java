package io.reclab.metric;

/** The pipeline stage a metric evaluates: candidate lists from recall models, or scores from rankers. */
public enum Stage {
    RECALL("recall"), RANK("rank");

    private final String key;

    Stage(String key) { this.key = key; }

    /** The key used in run.json ({@code "metrics": {"recall": {...}}}). */
    public String key() { return key; }
}
