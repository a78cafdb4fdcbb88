package io.reclab.recall.usercf;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link UserCfRecaller} from block {@code recall.usercf} (keys: neighbors, shrinkage). */
public final class UserCfFactory implements Factory<Recaller> {
    public static final String NAME = "usercf";
    public static final String DESCRIPTION = "User-based CF, top-k cosine user neighbours with shrinkage (Resnick et al. 1994; Herlocker et al. 1999)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new UserCfRecaller(UserCfConfig.from(block));
    }
}
