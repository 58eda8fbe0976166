package org.sightline.api.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed Sightline leaves in the embedded database's data directory, so the next
 * start succeeds. When the JVM is killed, the PostgreSQL it started keeps running (or, after a
 * power cut, only its {@code postmaster.pid} remains) and every restart failed with
 * "lock file postmaster.pid already exists". A postmaster still running on this data directory is
 * stopped the way PostgreSQL intends ({@code pg_ctl stop -m fast} with the binaries zonky unpacked,
 * else SIGINT, which is PostgreSQL's fast shutdown: open transactions roll back, nothing committed
 * is lost); a lock file whose process is gone, or belongs to something else that reused the pid,
 * is removed. A process is only signalled after checking it is a postgres whose command line names
 * this data directory.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private LeftoverPostmaster() {
    }

    /** Stops or clears whatever a previous run left behind in {@code dataDirectory}; does nothing after a clean stop. */
    static void clear(Path dataDirectory, Path binaries) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pidOf(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOn(process, dataDirectory, pidFile));
        if (postmaster.isEmpty()) {
            log.warn("Removing the stale {} left by a PostgreSQL that is no longer running", pidFile);
            deleteQuietly(pidFile);
            return;
        }
        ProcessHandle process = postmaster.get();
        if (ownedByARunningSightline(dataDirectory)) {
            throw new IllegalStateException("the embedded PostgreSQL on " + dataDirectory + " (pid " + process.pid()
                    + ") belongs to another Sightline that is still running on this SIGHTLINE_HOME; stop it first");
        }
        log.warn("A PostgreSQL left running by a previous run (pid {}) holds {}; stopping it", process.pid(), dataDirectory);
        if (!pgCtlStop(dataDirectory, binaries)) {
            signal("INT", process.pid());
        }
        if (!waitForExit(process, STOP_WAIT)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", process.pid(), STOP_WAIT);
            signal("QUIT", process.pid());
            waitForExit(process, Duration.ofSeconds(10));
        }
        if (process.isAlive()) {
            throw new IllegalStateException("the PostgreSQL left running by a previous run (pid " + process.pid()
                    + ") on " + dataDirectory + " could not be stopped; stop it and start again");
        }
        deleteQuietly(pidFile);
    }

    /**
     * Whether a live JVM holds zonky's lock on the data directory ({@code epg-lock}): then the
     * postmaster is not left over but in use. The operating system drops the lock when the JVM
     * holding it dies, however it dies.
     */
    private static boolean ownedByARunningSightline(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid on the first line of {@code postmaster.pid}, if it has one. */
    static Optional<Long> pidOf(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process is a postgres server on this data directory (not another program that
     * reused its pid): its command line names postgres, and names the directory or the lock file
     * (whose second line is the data directory as PostgreSQL resolved it) does.
     */
    static boolean isPostgresOn(ProcessHandle process, Path dataDirectory, Path pidFile) {
        String commandLine = commandLine(process);
        if (!commandLine.contains("postgres")) {
            return false;
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (commandLine.contains(directory.toString())) {
            return true;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(directory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String commandLine(ProcessHandle process) {
        // /proc gives the full command line on Linux; ProcessHandle.Info is the portable fallback.
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.exists(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall through
        }
        return process.info().commandLine().orElse("");
    }

    private static boolean pgCtlStop(Path dataDirectory, Path binaries) {
        Optional<Path> pgCtl = findPgCtl(binaries);
        if (pgCtl.isEmpty()) {
            return false;
        }
        try {
            List<String> command = new java.util.ArrayList<>(asUnprivileged());
            command.addAll(List.of(pgCtl.get().toString(), "stop", "-D", dataDirectory.toString(), "-m", "fast",
                    "-w", "-t", Long.toString(STOP_WAIT.toSeconds())));
            Process stop = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return stop.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS) && stop.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * PostgreSQL's tools refuse to run as root; zonky runs them in a new user namespace
     * ({@code unshare -U}) then, and so does this.
     */
    static List<String> asUnprivileged() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root && Files.isExecutable(Path.of("/usr/bin/unshare")) ? List.of("/usr/bin/unshare", "-U") : List.of();
    }

    /** zonky unpacks the binaries to {@code <binaries>/PG-<hash>/bin}. */
    private static Optional<Path> findPgCtl(Path binaries) {
        if (!Files.isDirectory(binaries)) {
            return Optional.empty();
        }
        try (Stream<Path> unpacked = Files.list(binaries)) {
            return unpacked.map(dir -> dir.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not signal PostgreSQL (pid {}): {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }
}
