package org.parley.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code parley test}: listed here so that {@code --help} shows it; the {@code ./parley} launcher runs it itself
 * (Maven's test phase needs the sources, not this jar), so reaching this class means the jar was started directly.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run every test (unit, contract on Lucene and SolrCloud, headless-Chromium browser tests) with "
                + "Maven; extra arguments go to Maven, e.g. -Dtest=ClassName. Run from the source folder via ./parley.")
public final class TestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("parley test: run it from the source folder as './parley test' (the launcher starts Maven; "
                + "this jar holds no tests)");
        return CliErrors.FAILED;
    }
}
