package io.reclab.report.chart;

import io.reclab.report.html.Html;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The charts of one page: each chart is an ECharts option tree (plain maps/lists/numbers/strings, no functions)
 * keyed by a generated id. The page emits an empty container per chart and all options once, as JSON data, for
 * the page script to render.
 */
public final class ChartSet {
    private final Map<String, Object> options = new LinkedHashMap<>();

    /** Registers a chart and returns its container element. */
    public String add(Map<String, Object> option, int heightPx) {
        String id = "chart-" + (options.size() + 1);
        options.put(id, option);
        return "<div class=\"chart\" id=\"" + id + "\" data-chart=\"" + id + "\" style=\"height:" + heightPx
                + "px\"></div>";
    }

    public int size() { return options.size(); }

    public Map<String, Object> options() { return options; }

    /** The options as JSON safe to embed in a script element. */
    public String json() { return Html.scriptJson(options); }
}
