package org.parley.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code parley} command line: one subcommand per job. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        description = "Full-text faceted search over news about foreign relations.",
        subcommands = {IndexCommand.class, ServeCommand.class, SearchCommand.class, ExtractCommand.class, BenchCommand.class,
                ClusterCommand.class, SolrCommand.class, TestCommand.class})
public final class ParleyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Held so the level sticks: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        // Lucene warns on every start that the optional Vector API module is absent; parley does not use vectors.
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for main and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new ParleyCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrors());
    }
}
