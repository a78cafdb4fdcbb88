package io.reclab.report.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The ECharts library from the {@code org.webjars.npm:echarts} webjar, read once from the classpath and inlined
 * into every report so reports open offline with no CDN.
 */
public final class EChartsAsset {
    public static final String VERSION = "5.3.1";
    public static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";

    private static volatile String cached;

    private EChartsAsset() {}

    public static String script() {
        String s = cached;
        if (s == null) {
            try (InputStream in = EChartsAsset.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("ECharts " + VERSION + " not found on the classpath at " + RESOURCE
                            + "; the reports module needs org.webjars.npm:echarts:" + VERSION);
                }
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            // A literal "</script" inside the library would end the inline element early.
            s = s.replace("</script", "<\\/script");
            cached = s;
        }
        return s;
    }
}
