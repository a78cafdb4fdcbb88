package io.reclab.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A run folder loaded for reporting: its trials, the resolved {@code config.conf} text (empty if absent) and the
 * problems met while reading it (unreadable or malformed files), which the report lists instead of failing.
 */
public record RunFolder(Path dir, String label, String configText, List<Trial> trials, List<String> problems) {
}
