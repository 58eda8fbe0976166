package org.sightline.cli;

import java.io.PrintStream;

/**
 * Progress of a transfer on the error output. On a terminal the line is redrawn in place at most
 * every 200 ms - a bar when the total is known ({@code [#####-----]  50%  sent 1.2 MB of 2.4 MB}),
 * otherwise what has arrived so far - and, with {@code delayMillis}, only once the transfer has taken
 * that long, so short ones stay quiet. When the error output is not a terminal (a log, a pipe) only
 * the final line is written, and only by transfers that ask for it.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean interactive;
    private final String verb;
    private final long started = System.nanoTime();
    private final long delayNanos;
    private long lastDrawn;
    private boolean shown;
    private long lastBytes;
    private long lastTotal = -1;
    private String lastExtra;

    Progress(PrintStream err, boolean enabled, boolean interactive, String verb, long delayMillis) {
        this.err = err;
        this.enabled = enabled;
        this.interactive = interactive;
        this.verb = verb;
        this.delayNanos = delayMillis * 1_000_000;
    }

    synchronized void update(long bytes, long total, String extra) {
        lastBytes = bytes;
        lastTotal = total;
        lastExtra = extra;
        if (!enabled || !interactive) {
            return;
        }
        long now = System.nanoTime();
        boolean complete = total > 0 && bytes >= total;
        if (now - started < delayNanos || (!complete && shown && now - lastDrawn < 200_000_000L)) {
            return;
        }
        lastDrawn = now;
        shown = true;
        err.print("\r" + describe(bytes, total, extra) + "   ");
        err.flush();
    }

    /**
     * Ends the progress line: on a terminal, if one was drawn; otherwise with the final line when
     * {@code finalLineWhenNotInteractive}. Call it before printing anything else, also on failure.
     */
    synchronized void done(boolean finalLineWhenNotInteractive) {
        if (!enabled) {
            return;
        }
        if (interactive ? shown : finalLineWhenNotInteractive && lastBytes > 0) {
            err.println((interactive ? "\r" : "") + describe(lastBytes, lastTotal, lastExtra) + (interactive ? "   " : ""));
            err.flush();
        }
        shown = false;
    }

    private String describe(long bytes, long total, String extra) {
        String text;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, bytes * WIDTH / total);
            long percent = Math.min(100, bytes * 100 / total);
            text = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent) + "  "
                    + verb + " " + Text.bytes(bytes) + " of " + Text.bytes(total);
        } else {
            text = verb + " " + Text.bytes(bytes);
        }
        return extra == null ? text : text + extra;
    }
}
