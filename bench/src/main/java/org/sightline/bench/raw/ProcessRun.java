package org.sightline.bench.raw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external program (psql, pgbench) to completion: its exit status and what it wrote,
 * and how long it took from start to exit. Output goes through temporary files, so a program that
 * writes a lot to both streams cannot block on a full pipe.
 *
 * @param exitCode     the program's exit status
 * @param stdout       what it wrote on standard output
 * @param stderr       what it wrote on standard error
 * @param elapsedNanos wall-clock time from starting the process to its exit
 */
public record ProcessRun(int exitCode, String stdout, String stderr, long elapsedNanos) {

    /** Runs {@code command} and waits for it, at most {@code timeout}; a program that cannot start or overruns is an IOException. */
    public static ProcessRun of(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sightline-bench-", ".out");
        Path err = Files.createTempFile("sightline-bench-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("PGAPPNAME", "sightline-bench");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            long elapsed = System.nanoTime() - start;
            return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Why it failed, in one line: the exit status and the first lines of standard error. */
    public String why(String program) {
        String message = stderr.isBlank() ? stdout : stderr;
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return program + " exited " + exitCode + ": " + (oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...");
    }
}
