package io.reclab.rank.dcn;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link Dcn} from its config block (keys in {@link DcnConfig}). */
public final class DcnFactory implements Factory<Ranker> {
    public static final String NAME = "dcn";
    public static final String DESCRIPTION = "Deep & Cross Network v1 (ADKDD 2017) / v2 (WWW 2021): explicit cross layers beside an MLP";

    @Override
    public Ranker create(ConfigBlock block) {
        return new Dcn(DcnConfig.from(block));
    }
}
