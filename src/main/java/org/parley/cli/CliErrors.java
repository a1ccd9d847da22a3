package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.NoSuchFileException;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchUnavailableException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * How a failed command ends, declared once for every subcommand: one line saying what went wrong and what to
 * do, never a stack trace. Exit codes: 2 for a bad query or argument, 1 for anything else.
 */
final class CliErrors implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;
    private static final System.Logger LOG = System.getLogger(CliErrors.class.getName());

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        var err = command.getErr();
        err.println("parley " + command.getCommandName() + ": " + describe(e));
        err.flush();
        LOG.log(System.Logger.Level.DEBUG, "command failed", e); // the trace, for whoever turns logging up
        return e instanceof InvalidQueryException ? BAD_INPUT : FAILED;
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return "cannot listen there (" + bind.getMessage()
                        + "): the port is in use, or the address does not belong to this machine";
            }
            if (t instanceof NoSuchFileException missing) return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) return describe(u.getCause());
        if (e instanceof IOException || e instanceof InvalidQueryException || e instanceof IllegalArgumentException
                || e instanceof SearchUnavailableException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return "unexpected error: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
