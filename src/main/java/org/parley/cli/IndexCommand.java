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
    public Integer call() {
        try {
            BuildReport report = IndexSupport.build(folders.index, folders.corpus, System.err);
            System.out.println(IndexSupport.summary(report));
            return 0;
        } catch (Exception e) {
            System.err.println("parley: index build failed, the previous index (if any) is unchanged: " + e.getMessage());
            return 1;
        }
    }
}
