package io.reclab.run;

import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.IdMap;
import io.reclab.rank.source.CtrData;
import io.reclab.split.SplitResult;

/**
 * What a trial reads: an interaction log with its split (recall, rank samples built from the log, pipelines), or
 * CTR benchmark files whose train / valid / test files are the parts (rank stage only).
 */
public sealed interface DataSource {
    DatasetInfo info();

    RunRecord.SplitInfo splitInfo();

    /** External user ids, for per-user files. */
    IdMap users();

    /** Training rows per user, for per-user files. */
    int[] trainUserCounts();

    double loadSeconds();

    double splitSeconds();

    /** A loaded, preprocessed dataset and its split. */
    record Log(Dataset dataset, SplitResult split, double loadSeconds, double splitSeconds) implements DataSource {
        @Override public DatasetInfo info() { return dataset.info(); }

        @Override
        public RunRecord.SplitInfo splitInfo() {
            return new RunRecord.SplitInfo(split.protocol(), split.train().size(), split.valid().size(), split.test().size());
        }

        @Override public IdMap users() { return split.train().users(); }

        @Override public int[] trainUserCounts() { return split.train().userCounts(); }
    }

    /** CTR benchmark files, encoded (features fitted on the training file). */
    record CtrFiles(CtrData ctr) implements DataSource {
        @Override public DatasetInfo info() { return ctr.info(); }

        @Override
        public RunRecord.SplitInfo splitInfo() {
            return new RunRecord.SplitInfo(ctr.protocol(), ctr.train().size(), ctr.valid().size(), ctr.test().size());
        }

        @Override public IdMap users() { return ctr.users(); }

        @Override public int[] trainUserCounts() { return ctr.trainUserCounts(); }

        @Override public double loadSeconds() { return ctr.loadSeconds(); }

        @Override public double splitSeconds() { return 0; }
    }
}
