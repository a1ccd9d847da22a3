package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.index.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parley index}: builds or updates the index, atomically and incrementally. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the paragraph index from the corpus (only changed files are re-processed; "
                + "a failed build leaves the previous index in place).")
public final class IndexCommand implements Callable<Integer> {

    @Mixin
    IndexFolders folders;

    @Override
    public Integer call() throws Exception {
        try {
            BuildReport report = IndexSupport.build(folders.index, folders.corpus, System.err);
            System.out.println(IndexSupport.summary(report));
            return 0;
        } catch (Exception e) {
            throw new java.io.IOException("the build failed and the previous index (if any) is unchanged: "
                    + CliErrors.describe(e), e);
        }
    }
}
