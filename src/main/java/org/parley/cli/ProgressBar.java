package org.parley.cli;

import java.io.PrintStream;
import org.parley.index.IndexBuilder;

/** A one-line progress bar on stderr for index builds, redrawn at most ten times a second. */
final class ProgressBar implements IndexBuilder.Listener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(int toProcess, int unchanged, int removed) {
        out.printf("parley: indexing %d file(s) (%d unchanged, %d removed)%n", toProcess, unchanged, removed);
    }

    @Override
    public void fileDone(int done, int total, String file) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        out.printf("\r[%s%s] %d/%d files %3d%%", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total,
                total == 0 ? 100 : done * 100L / total);
        if (done == total) out.println();
        out.flush();
    }
}
