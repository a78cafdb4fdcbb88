package io.reclab.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders of ECharts option trees for the chart types the reports use (lines over a numeric or category axis,
 * grouped bars, box plots). Options are plain data — no JS functions — so they serialise to JSON; NaN becomes
 * null (a gap), which JSON can carry and ECharts understands. Animation is off so charts appear at once.
 */
public final class Charts {
    /** A named series of (x, y) points. */
    public record XY(String name, double[] x, double[] y) {}

    /** A named series of values aligned with the category axis. */
    public record Values(String name, double[] values) {}

    private Charts() {}

    public static Object num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("animation", false);
        o.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 13)));
        o.put("legend", Map.of("type", "scroll", "bottom", 0));
        o.put("grid", Map.of("left", 50, "right", 24, "top", 40, "bottom", 80, "containLabel", true));
        return o;
    }

    private static Map<String, Object> axis(String type, String name) {
        return axis(type, name, false);
    }

    /** Value axes of line charts may start above zero ({@code scale}); bar and box axes start at zero. */
    private static Map<String, Object> axis(String type, String name, boolean vertical) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", type);
        a.put("name", name);
        a.put("nameLocation", "middle");
        a.put("nameGap", vertical ? 48 : 28);
        return a;
    }

    private static Map<String, Object> categoryLabels(int n) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("interval", 0);
        l.put("rotate", n > 3 ? 30 : 0);
        l.put("width", 130);
        l.put("overflow", "truncate");
        return l;
    }

    /** Lines over a numeric x axis; {@code diagonal} adds a dashed y = x reference (ROC, reliability). */
    public static Map<String, Object> lines(String title, String xName, String yName, List<XY> series,
                                            boolean unitSquare, boolean diagonal) {
        Map<String, Object> o = base(title);
        o.put("tooltip", Map.of("trigger", "axis"));
        Map<String, Object> x = axis("value", xName);
        Map<String, Object> y = axis("value", yName, true);
        x.put("scale", !unitSquare);
        y.put("scale", !unitSquare);
        if (unitSquare) {
            x.put("min", 0); x.put("max", 1); x.put("scale", false);
            y.put("min", 0); y.put("max", 1); y.put("scale", false);
        }
        o.put("xAxis", x);
        o.put("yAxis", y);
        List<Object> s = new ArrayList<>();
        for (XY xy : series) {
            Map<String, Object> line = xySeries(xy, "line");
            line.put("showSymbol", xy.x().length <= 30);
            s.add(line);
        }
        if (diagonal) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", "y = x");
            ref.put("type", "line");
            ref.put("showSymbol", false);
            ref.put("lineStyle", Map.of("type", "dashed", "color", "#999"));
            ref.put("data", List.of(new Object[]{0, 0}, new Object[]{1, 1}));
            s.add(ref);
        }
        o.put("series", s);
        return o;
    }

    /** Points over a numeric x axis (a log axis when {@code logX}), one colour per series. */
    public static Map<String, Object> scatter(String title, String xName, String yName, List<XY> series, boolean logX) {
        Map<String, Object> o = base(title);
        o.put("tooltip", Map.of("trigger", "item"));
        Map<String, Object> x = axis(logX ? "log" : "value", xName);
        Map<String, Object> y = axis("value", yName, true);
        x.put("scale", true);
        y.put("scale", true);
        o.put("xAxis", x);
        o.put("yAxis", y);
        List<Object> s = new ArrayList<>();
        for (XY xy : series) s.add(xySeries(xy, "scatter"));
        o.put("series", s);
        return o;
    }

    private static Map<String, Object> xySeries(XY xy, String type) {
        List<Object> data = new ArrayList<>(xy.x().length);
        for (int i = 0; i < xy.x().length; i++) data.add(new Object[]{num(xy.x()[i]), num(xy.y()[i])});
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", xy.name());
        m.put("type", type);
        m.put("data", data);
        return m;
    }

    /** Grouped bars (or lines when {@code asLines}) over a category axis. */
    public static Map<String, Object> categories(String title, String xName, String yName, List<String> cats,
                                                 List<Values> series, boolean asLines) {
        Map<String, Object> o = base(title);
        o.put("tooltip", Map.of("trigger", "axis"));
        Map<String, Object> x = axis("category", xName);
        x.put("data", cats);
        x.put("axisLabel", categoryLabels(cats.size()));
        x.put("nameGap", cats.size() > 3 ? 85 : 28);
        o.put("xAxis", x);
        Map<String, Object> y = axis("value", yName, true);
        y.put("scale", asLines);
        o.put("yAxis", y);
        List<Object> s = new ArrayList<>();
        for (Values v : series) {
            List<Object> data = new ArrayList<>(v.values().length);
            for (double d : v.values()) data.add(num(d));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("type", asLines ? "line" : "bar");
            m.put("data", data);
            if (asLines) m.put("connectNulls", false);
            s.add(m);
        }
        o.put("series", s);
        return o;
    }

    /** Box plots, one per category; each box is {@code [low, Q1, median, Q3, high]} (null = no data). */
    public static Map<String, Object> boxplot(String title, String yName, List<String> cats, List<double[]> boxes) {
        Map<String, Object> o = base(title);
        o.put("tooltip", Map.of("trigger", "item"));
        o.remove("legend");
        Map<String, Object> x = axis("category", "");
        x.put("data", cats);
        x.put("axisLabel", categoryLabels(cats.size()));
        o.put("xAxis", x);
        o.put("yAxis", axis("value", yName, true));
        List<Object> data = new ArrayList<>();
        for (double[] b : boxes) {
            if (b == null) {
                data.add(List.of());
                continue;
            }
            List<Object> five = new ArrayList<>();
            for (double v : b) five.add(num(v));
            data.add(five);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", yName);
        s.put("type", "boxplot");
        s.put("data", data);
        o.put("series", List.of(s));
        return o;
    }
}
