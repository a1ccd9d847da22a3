package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A failed command says what went wrong in one line; no Java stack trace reaches a user. */
class CliErrorsTest {
    @TempDir
    Path tmp;

    record Run(int exit, String err) {
    }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = ParleyCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, err.toString());
    }

    static void noTrace(Run r) {
        assertThat(r.err()).doesNotContain("\tat ", "Exception in thread", ".java:");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void aMissingPathIsOneLine() {
        Run r = run("extract", tmp.resolve("nonexistent").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("nonexistent");
        noTrace(r);
    }

    @Test
    void aPortInUseAndAForeignAddressSayWhatIsWrong() throws Exception {
        Path corpus = Path.of("corpus");
        String index = tmp.resolve("index").toString();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run busy = run("serve", "--port", Integer.toString(taken.getLocalPort()), "--index", index, "--corpus", corpus.toString());
            assertThat(busy.exit()).isEqualTo(CliErrors.FAILED);
            assertThat(busy.err()).contains("cannot listen there");
            noTrace(busy);
        }
        Run foreign = run("serve", "--host", "8.8.8.8", "--port", "0", "--index", index, "--corpus", corpus.toString());
        assertThat(foreign.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(foreign.err()).contains("cannot listen there").contains("does not belong to this machine");
        noTrace(foreign);
    }

    @Test
    void aPortOutOfRangeIsABadArgumentFoundBeforeIndexing() {
        Path index = tmp.resolve("index");
        for (String port : new String[] {"65536", "-1"}) {
            Run r = run("serve", "--port", port, "--index", index.toString(), "--corpus", "corpus");
            assertThat(r.exit()).as(port).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(r.err()).contains("--port must be between 0 and 65535").doesNotContain("unexpected error");
            assertThat(r.err().lines().findFirst()).contains("--port must be between 0 and 65535 (0 picks a free one), not " + port);
        }
        assertThat(index).doesNotExist(); // refused before the corpus was indexed
    }

    @Test
    void aBadQueryIsExitCodeTwo() {
        Run r = run("search", "\"unclosed", "--index", tmp.resolve("index").toString(), "--corpus", "corpus");
        assertThat(r.exit()).isEqualTo(CliErrors.BAD_INPUT);
        noTrace(r);
    }
}
