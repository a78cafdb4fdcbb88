package io.reclab.rank.train;

import io.reclab.config.ConfigBlock;
import io.reclab.optim.OptimizerConfig;

/**
 * Reads a ranker's optimizer keys so that an unset {@code epsilon} follows the chosen optimizer instead of one
 * number shared by all of them: Adam's 1e-8 (Kingma &amp; Ba 2015, also PyTorch's and TensorFlow's default) would
 * make Adagrad take huge first steps, and Adagrad's damping constant (libffm's 1.0 for FFM) keeps Adam from ever
 * moving. An explicit {@code epsilon} always wins.
 */
public final class RankOptimizers {
    /** Adam's epsilon (Kingma &amp; Ba 2015, Algorithm 1; PyTorch / TensorFlow default). */
    public static final double ADAM_EPSILON = 1e-8;
    /** Adagrad's epsilon in torch.optim.Adagrad, the implementation RecBole and FuxiCTR train with. */
    public static final double ADAGRAD_EPSILON = 1e-10;

    private RankOptimizers() {}

    /**
     * The default epsilon of {@code optimizer}: {@link #ADAM_EPSILON} for adam, {@code adagradEpsilon} for adagrad
     * (the model's reference implementation), and 0 for sgd, which has none.
     */
    public static double defaultEpsilon(String optimizer, double adagradEpsilon) {
        return switch (optimizer) {
            case "adam" -> ADAM_EPSILON;
            case "adagrad" -> adagradEpsilon;
            default -> 0.0; // sgd reads no epsilon; 0 keeps equal configs equal
        };
    }

    /**
     * The optimizer settings of block {@code b}: {@code nameKey} (optimizer name, default {@code defName}),
     * {@code learning-rate}, {@code l2}, {@code beta1} 0.9, {@code beta2} 0.999 and {@code epsilon}, whose default
     * is {@link #defaultEpsilon} of the optimizer actually chosen.
     */
    public static OptimizerConfig from(ConfigBlock b, String nameKey, String defName, double defLr, double defL2,
                                       double adagradEpsilon) {
        String name = b.getEnum(nameKey, defName, OptimizerConfig.NAMES);
        return new OptimizerConfig(name,
                b.positive("learning-rate", defLr),
                b.nonNegative("l2", defL2),
                b.inRange("beta1", 0.9, 0.0, 0.999999),
                b.inRange("beta2", 0.999, 0.0, 0.99999999),
                name.equals("sgd") ? b.nonNegative("epsilon", 0.0) : b.positive("epsilon", defaultEpsilon(name, adagradEpsilon)));
    }

    /** Like {@link #from(ConfigBlock, String, String, double, double, double)} with the key {@code optimizer}. */
    public static OptimizerConfig from(ConfigBlock b, String defName, double defLr, double defL2, double adagradEpsilon) {
        return from(b, "optimizer", defName, defLr, defL2, adagradEpsilon);
    }
}
