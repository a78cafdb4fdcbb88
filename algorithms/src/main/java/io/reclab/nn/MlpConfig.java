package io.reclab.nn;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;

import java.util.List;

/**
 * Typed settings of an {@link Mlp}, read from a model's block: {@code hidden} (layer widths), {@code activation}
 * (relu | sigmoid | tanh | identity, default relu), {@code dropout} (rate in [0,1), default 0) and {@code norm}
 * (none | batch | layer, default none — FuxiCTR's defaults for its DNN blocks).
 */
public record MlpConfig(List<Integer> hidden, Activation activation, double dropout, String norm) {
    public static final List<String> NORMS = List.of("none", "batch", "layer");

    public MlpConfig {
        hidden = List.copyOf(hidden);
        for (int h : hidden) if (h <= 0) throw new IllegalArgumentException("hidden layer widths must be > 0: " + hidden);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (!NORMS.contains(norm)) throw new IllegalArgumentException("norm must be one of " + NORMS + ": " + norm);
    }

    public static MlpConfig from(ConfigBlock b, List<Integer> defHidden, double defDropout) {
        List<Integer> hidden = b.getIntList("hidden", defHidden);
        for (int h : hidden)
            if (h <= 0) throw new ConfigError("`" + b.path() + ".hidden` = " + hidden + ": expected positive layer widths");
        String act = b.getEnum("activation", "relu", Activation.NAMES);
        double dropout = b.getDouble("dropout", defDropout);
        if (!(dropout >= 0 && dropout < 1))
            throw new ConfigError("`" + b.path() + ".dropout` = " + dropout + ": expected a rate in [0, 1)");
        String norm = b.getEnum("norm", "none", NORMS);
        return new MlpConfig(hidden, Activation.parse(act), dropout, norm);
    }
}
