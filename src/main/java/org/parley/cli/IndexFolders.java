package org.parley.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folder options shared by every command that builds or reads the index. */
final class IndexFolders {
    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--corpus", defaultValue = "corpus",
            description = "Corpus folder (default: ${DEFAULT-VALUE}); serve and search index it first when there is no index.")
    Path corpus;
}
