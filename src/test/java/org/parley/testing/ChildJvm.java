package org.parley.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the parley command line in a separate JVM, as a user (or a kill -9) would meet it. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code parley ARGS...} with the test's own classpath; output goes to {@code log}. */
    public static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.parley.cli.ParleyCommand");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The classpath separator-joined entries, for diagnostics. */
    public static String classpath() {
        return String.join(File.pathSeparator, System.getProperty("java.class.path").split(File.pathSeparator));
    }
}
