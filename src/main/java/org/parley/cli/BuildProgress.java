package org.parley.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.parley.index.IndexBuilder;

/**
 * Progress of an index build on stderr: files, paragraphs per second, elapsed time and an estimate of what is left.
 * On a terminal it is one bar redrawn in place at most ten times a second; otherwise (a log file, a pipe, CI) it is a
 * plain line every few seconds, since carriage-return frames would pile up on one line there.
 */
final class BuildProgress implements IndexBuilder.Listener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long startedAt;
    private long lastShown;
    private long paragraphs;

    BuildProgress(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
    }

    /** For the console: a bar when stderr is a terminal (as far as Java can tell), lines otherwise. */
    static BuildProgress forConsole(PrintStream err) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new BuildProgress(err, terminal, System::nanoTime);
    }

    @Override
    public void started(int toProcess, int unchanged, int removed) {
        startedAt = clock.getAsLong();
        lastShown = startedAt;
        out.printf("parley: indexing %,d file(s) (%,d unchanged, %,d removed)%n", toProcess, unchanged, removed);
    }

    @Override
    public void fileDone(int done, int total, String file, int fileParagraphs) {
        paragraphs += fileParagraphs;
        long now = clock.getAsLong();
        boolean last = done >= total;
        if (!last && now - lastShown < (terminal ? REDRAW_NANOS : LINE_NANOS)) return;
        lastShown = now;
        String status = status(done, total, now - startedAt);
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            // padded so that a shorter line fully covers the one before it
            out.printf("\r[%s%s] %-70s", "#".repeat(filled), " ".repeat(WIDTH - filled), status);
            if (last) out.println();
        } else {
            out.println("parley: " + status);
        }
        out.flush();
    }

    /** "1,234/4,461 files 27%, 56,000 paragraphs (12,300/s), 4s elapsed, about 12s left". */
    String status(int done, int total, long elapsedNanos) {
        StringBuilder sb = new StringBuilder(String.format("%,d/%,d files %d%%", done, total,
                total == 0 ? 100 : done * 100L / total));
        double seconds = elapsedNanos / 1e9;
        if (paragraphs > 0) {
            sb.append(String.format(", %,d paragraphs", paragraphs));
            if (seconds >= 0.5) sb.append(String.format(" (%,d/s)", Math.round(paragraphs / seconds)));
        }
        sb.append(", ").append(clock(Duration.ofNanos(elapsedNanos))).append(" elapsed");
        if (done > 0 && done < total && seconds >= 1) {
            // files are the unit of work the builder schedules; their mean time so far predicts the rest
            long leftNanos = (long) (elapsedNanos / (double) done * (total - done));
            sb.append(", about ").append(clock(Duration.ofNanos(leftNanos))).append(" left");
        }
        return sb.toString();
    }

    /** 42s, 3m05s, 1h02m. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return String.format("%dm%02ds", s / 60, s % 60);
        return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
    }
}
