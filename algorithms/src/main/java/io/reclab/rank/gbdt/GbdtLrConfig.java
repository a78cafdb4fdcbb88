package io.reclab.rank.gbdt;

import io.reclab.config.ConfigBlock;
import io.reclab.rank.lr.LrConfig;

/**
 * GBDT+LR settings: the trees' keys at the top level of the block ({@link GbdtConfig}), the linear model's in a
 * nested {@code lr} block ({@link LrConfig}, FTRL by default), and {@code original-features} (default true):
 * whether the LR also sees the original sparse features next to the leaf indicators. He et al. feed the boosted
 * features to the linear model; keeping the originals lets it still use ids (user, item) the shallow trees ignore.
 */
public record GbdtLrConfig(GbdtConfig gbdt, LrConfig lr, boolean originalFeatures) {
    public static GbdtLrConfig defaults() { return new GbdtLrConfig(GbdtConfig.defaults(), LrConfig.defaults(), true); }

    public static GbdtLrConfig from(ConfigBlock b) {
        GbdtConfig g = GbdtConfig.from(b);
        ConfigBlock lrBlock = b.child("lr");
        LrConfig lr = LrConfig.from(lrBlock);
        lrBlock.finish();
        return new GbdtLrConfig(g, lr, b.getBoolean("original-features", true));
    }
}
