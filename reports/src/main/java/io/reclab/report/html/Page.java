package io.reclab.report.html;

import io.reclab.report.chart.ChartSet;
import io.reclab.report.chart.EChartsAsset;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained report page: inline CSS, a navigation bar, banners, sections, the chart data (JSON in a
 * {@code type="application/json"} script) and the inline ECharts library plus a small script that renders the
 * charts and makes tables sortable. Nothing is fetched from the network.
 */
public final class Page {
    private record Section(String id, String title, String body) {}

    private final String title;
    private final List<String> banners = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final ChartSet charts = new ChartSet();

    public Page(String title) { this.title = title; }

    public ChartSet charts() { return charts; }

    /** Adds a warning banner shown above all sections; {@code html} must already be escaped. */
    public void banner(String html) { banners.add(html); }

    /** Adds a section; {@code bodyHtml} must already be escaped. */
    public void section(String id, String title, String bodyHtml) { sections.add(new Section(id, title, bodyHtml)); }

    public String render() {
        StringBuilder b = new StringBuilder(64 * 1024 + (charts.size() > 0 ? 1_100_000 : 0));
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(CSS)
                .append("</style>\n</head>\n<body>\n<header><h1>").append(Html.escape(title)).append("</h1>\n<nav>");
        for (Section s : sections) {
            b.append("<a href=\"#").append(Html.escape(s.id)).append("\">").append(Html.escape(s.title)).append("</a>");
        }
        b.append("</nav></header>\n<main>\n");
        for (String banner : banners) b.append("<div class=\"banner\" role=\"alert\">").append(banner).append("</div>\n");
        for (Section s : sections) {
            b.append("<section id=\"").append(Html.escape(s.id)).append("\"><h2>").append(Html.escape(s.title))
                    .append("</h2>\n").append(s.body).append("\n</section>\n");
        }
        b.append("</main>\n");
        b.append("<script type=\"application/json\" id=\"reclab-chart-data\">").append(charts.json()).append("</script>\n");
        if (charts.size() > 0) b.append("<script>").append(EChartsAsset.script()).append("</script>\n");
        b.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static final String CSS = String.join("\n",
            "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}",
            "header{background:#1f3a5f;color:#fff;padding:10px 20px;position:sticky;top:0;z-index:10}",
            "header h1{font-size:18px;margin:0 0 4px}",
            "nav a{color:#cfe0ff;margin-right:14px;text-decoration:none;font-size:13px}",
            "main{padding:10px 20px 40px;max-width:1500px}",
            "section{scroll-margin-top:70px;background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:8px 16px 14px;margin:14px 0}",
            "h2{font-size:17px;margin:8px 0}h3{font-size:15px;margin:12px 0 6px}",
            ".banner{background:#fff4d6;border:1px solid #e0b040;border-left:6px solid #d08a00;padding:10px 14px;margin:12px 0;border-radius:4px}",
            ".note{color:#5a6272;font-size:13px}",
            ".table-wrap{max-height:70vh;overflow:auto;border:1px solid #dde1e7;max-width:100%}",
            "table{border-collapse:separate;border-spacing:0;font-size:13px}",
            "th,td{padding:4px 8px;border-bottom:1px solid #eceef2;text-align:right;white-space:nowrap}",
            "thead th{position:sticky;top:0;background:#eef1f6;z-index:2;cursor:pointer;user-select:none}",
            "th.rowh,td.rowh{position:sticky;left:0;background:#fafbfc;text-align:left;z-index:1;max-width:340px;overflow:hidden;text-overflow:ellipsis}",
            "thead th.rowh{z-index:3;background:#e4e8ef}",
            "td.best{font-weight:700;background:#e3f4e1}",
            "td.sig{font-weight:600}td.sig-better{background:#dff3dc}td.sig-worse{background:#fde2e2}td.nsig{color:#7a8190}",
            "table.kv th{text-align:left;background:none;position:static;cursor:default}table.kv td{text-align:left;white-space:normal}",
            "th.sorted-asc::after{content:' \\25B2'}th.sorted-desc::after{content:' \\25BC'}",
            ".chart{width:100%;min-height:200px;margin:6px 0}",
            ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:10px}",
            "code{background:#eef1f6;border-radius:3px;padding:0 3px;font-size:12.5px}",
            "pre{background:#f3f4f7;border:1px solid #e2e5ea;padding:8px;overflow:auto;max-height:60vh;font-size:12px}",
            ".diff-add{background:#e6ffec}.diff-del{background:#ffebe9}",
            ".status-failed{color:#b42318;font-weight:600}.status-running{color:#a15c00;font-weight:600}");

    /** Renders every chart container from the JSON data and makes {@code table.sortable} sortable by header click. */
    private static final String JS = String.join("\n",
            "(function(){",
            "var data=JSON.parse(document.getElementById('reclab-chart-data').textContent);",
            "var charts=window.reclabCharts={};",
            "if(window.echarts){document.querySelectorAll('div.chart[data-chart]').forEach(function(el){",
            " var id=el.getAttribute('data-chart');var opt=data[id];if(!opt)return;",
            " var c=echarts.init(el,null,{renderer:'canvas'});c.setOption(opt);charts[id]=c;el.setAttribute('data-rendered','1');});",
            " window.addEventListener('resize',function(){Object.keys(charts).forEach(function(k){charts[k].resize();});});}",
            "function key(td,num){if(!td)return num?NaN:'';var v=td.getAttribute('data-v');",
            " if(num){var x=parseFloat(v===null?td.textContent:v);return isNaN(x)?NaN:x;}return (v===null?td.textContent:v).toLowerCase();}",
            "document.querySelectorAll('table.sortable').forEach(function(t){",
            " var ths=t.tHead.rows[0].cells;",
            " Array.prototype.forEach.call(ths,function(th,col){th.addEventListener('click',function(){",
            "  var num=th.getAttribute('data-type')==='num';var asc=!th.classList.contains('sorted-asc');",
            "  Array.prototype.forEach.call(ths,function(h){h.classList.remove('sorted-asc','sorted-desc');});",
            "  th.classList.add(asc?'sorted-asc':'sorted-desc');",
            "  var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);",
            "  rows.sort(function(a,b){var x=key(a.cells[col],num),y=key(b.cells[col],num);",
            "   if(num){if(isNaN(x))return isNaN(y)?0:1;if(isNaN(y))return -1;return asc?x-y:y-x;}",
            "   return asc?(x<y?-1:x>y?1:0):(x<y?1:x>y?-1:0);});",
            "  rows.forEach(function(r){body.appendChild(r);});});});});",
            "})();");
}
