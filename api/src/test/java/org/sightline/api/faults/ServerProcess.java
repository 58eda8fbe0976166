package org.sightline.api.faults;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Sightline server as an operating-system process of its own, started the way an operator
 * starts it ({@code java -Xmx... org.sightline.api.SightlineApplication --sightline.home=...}), so a
 * test can kill it without shutdown, bound its heap and watch it from outside. Its output and GC
 * log go to files under {@code target/server-processes/}. {@link #close} stops it gracefully, and
 * a PostgreSQL it left running is stopped too; a shutdown hook kills both if the test JVM exits first.
 */
final class ServerProcess implements AutoCloseable {

    static final Path LOGS = Path.of("target/server-processes");
    private static final Pattern GC_PAUSE = Pattern.compile("Pause (?:Young|Full)[^\\n]*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    private final String name;
    private final Process process;
    private final Path home;
    private final int port;
    private final Path log;
    private final Path gcLog;
    private final long maxHeapBytes;
    private final Thread killOnExit;
    /** The embedded PostgreSQL's pid, noted once the server is ready (its pid file may be gone by the time it is stopped). */
    private volatile Optional<Long> postmaster = Optional.empty();
    /** Every server started and not yet closed, so that a test class can stop whatever a failed start left. */
    private static final java.util.Set<ServerProcess> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(String name, Process process, Path home, int port, Path log, Path gcLog, long maxHeapBytes) {
        this.name = name;
        this.process = process;
        this.home = home;
        this.port = port;
        this.log = log;
        this.gcLog = gcLog;
        this.maxHeapBytes = maxHeapBytes;
        this.killOnExit = new Thread(() -> {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopLeftoverPostmaster();
        }, "kill " + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        STARTED.add(this);
    }

    /** Closes every server started and not closed yet (one whose start failed or timed out too). */
    static void closeAll() {
        for (ServerProcess server : List.copyOf(STARTED)) {
            server.close();
        }
    }

    /** The {@code java} of the JVM running the tests, if it has one. */
    static Optional<Path> javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
    }

    /**
     * The server's class path: the tests' own (surefire passes it as {@code surefire.test.class.path};
     * a manifest-only booter jar is expanded) without test classes, which component scanning would
     * otherwise pick up.
     */
    static String serverClassPath() {
        String classPath = System.getProperty("surefire.test.class.path");
        if (classPath == null || classPath.isBlank()) {
            classPath = System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            entries.addAll(expandBooterJar(entry));
        }
        return entries.stream().filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/") && !e.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> expandBooterJar(String entry) {
        if (!Path.of(entry).getFileName().toString().startsWith("surefirebooter") || !entry.endsWith(".jar")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            return Arrays.stream(manifestPath.split(" ")).filter(s -> !s.isBlank())
                    .map(url -> Path.of(URI.create(url)).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server on {@code home} with a heap of at most {@code maxHeapMb} MB (an
     * OutOfMemoryError ends the process) and waits until its readiness probe says UP.
     *
     * @param arguments further {@code --name=value} properties
     */
    static ServerProcess start(String name, Path home, int maxHeapMb, Duration readyWithin, List<String> arguments)
            throws IOException, InterruptedException {
        Path java = javaExecutable().orElseThrow(() -> new IllegalStateException("no java executable in " + System.getProperty("java.home")));
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log").toAbsolutePath();
        Path gcLog = LOGS.resolve(name + ".gc.log").toAbsolutePath();
        Files.deleteIfExists(log);
        Files.deleteIfExists(gcLog);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + maxHeapMb + "m", "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog, "-cp", serverClassPath(), "org.sightline.api.SightlineApplication",
                "--sightline.home=" + home.toAbsolutePath(), "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        ServerProcess server = new ServerProcess(name, process, home.toAbsolutePath(), port, log, gcLog, (long) maxHeapMb << 20);
        try {
            server.awaitReady(readyWithin);
        } catch (RuntimeException | InterruptedException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server " + name + " exited with code " + process.exitValue()
                        + " before it was ready; the end of its output:\n" + tail(40));
            }
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200 && readiness.body().contains("\"UP\"")) {
                    postmaster = postmasterPid();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server " + name + " was not ready within " + within + "; the end of its output:\n" + tail(40));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path home() {
        return home;
    }

    long maxHeapBytes() {
        return maxHeapBytes;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Everything the server has written so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of its output, for failure messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * The heap in use now: {@code jvm.memory.used} over the heap's pools, read from the server's
     * Prometheus endpoint with {@code apiKey} (ADMIN, or anyone in the demo).
     */
    long heapUsedBytes(String apiKey) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("X-API-Key", apiKey)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("metrics answered " + metrics.statusCode());
        }
        Matcher used = HEAP_USED.matcher(metrics.body());
        double bytes = 0;
        boolean found = false;
        while (used.find()) {
            bytes += Double.parseDouble(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no jvm_memory_used_bytes with area=\"heap\" in the metrics");
        }
        return (long) bytes;
    }

    /** What the GC log shows since the start: the fullest the heap was, the most a collection left, and full collections. */
    record GcPeaks(long fullestMb, long mostLeftMb, int fullCollections) {
        @Override
        public String toString() {
            return "GC log: heap at most " + fullestMb + " MB, at most " + mostLeftMb + " MB left after a collection, "
                    + fullCollections + " full collections";
        }
    }

    GcPeaks gcPeaks() throws IOException {
        String gc = Files.exists(gcLog) ? Files.readString(gcLog) : "";
        Matcher pause = GC_PAUSE.matcher(gc);
        long fullest = -1;
        long left = -1;
        while (pause.find()) {
            fullest = Math.max(fullest, Long.parseLong(pause.group(1)));
            left = Math.max(left, Long.parseLong(pause.group(2)));
        }
        return new GcPeaks(fullest, left, (int) gc.lines().filter(line -> line.contains("Pause Full")).count());
    }

    /** The pid in the embedded database's {@code postmaster.pid}, if the file is there. */
    Optional<Long> postmasterPid() {
        return postmasterLine(0).map(Long::parseLong);
    }

    /** The port the embedded PostgreSQL listens on (the fourth line of {@code postmaster.pid}). */
    int databasePort() {
        return postmasterLine(3).map(Integer::parseInt).orElseThrow(() -> new IllegalStateException("no postmaster.pid in " + home));
    }

    private Optional<String> postmasterLine(int index) {
        Path pidFile = home.resolve("postgres/postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.size() > index ? Optional.of(lines.get(index).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** SIGKILL: the JVM ends at once, no shutdown hook runs; its PostgreSQL is left running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server " + name + " (pid " + pid() + ") did not die");
        }
    }

    /**
     * SIGKILL to the JVM and to its PostgreSQL with every backend, as a power cut or a container's
     * OOM killer ends them: only the data directory and a stale {@code postmaster.pid} remain.
     */
    void killWithDatabase() throws InterruptedException {
        List<ProcessHandle> database = new ArrayList<>();
        postmaster.flatMap(ProcessHandle::of).ifPresent(p -> {
            database.add(p);
            p.descendants().forEach(database::add);
        });
        process.destroyForcibly();
        database.forEach(ProcessHandle::destroyForcibly);
        kill();
        for (ProcessHandle p : database) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("PostgreSQL process " + p.pid() + " did not die", e);
            }
        }
    }

    /** SIGTERM (graceful shutdown, which stops the embedded PostgreSQL), then whatever is left. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            stopLeftoverPostmaster();
            STARTED.remove(this);
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    /** A PostgreSQL still running on this home after its server died: SIGTERM, then SIGKILL. */
    private void stopLeftoverPostmaster() {
        Optional<ProcessHandle> running = postmaster.or(this::postmasterPid).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(home.resolve("postgres").toString()));
        if (running.isEmpty() || process.isAlive()) {
            return;
        }
        ProcessHandle handle = running.get();
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    /** What a raw HTTP exchange gave: the status and body, the body bytes the client managed to send, and how long it took. */
    record RawAnswer(int status, String body, long bytesSent, Duration took) {
    }

    /**
     * POSTs {@code body} over a plain socket, as curl does, reading the answer while the body is
     * still being written, so an early refusal is seen when it is sent: with a declared
     * {@code contentLength}, or chunked when it is negative. Nothing of the body is held.
     */
    RawAnswer post(String path, Map<String, String> headers, InputStream body, long contentLength, Duration timeout)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(contentLength >= 0 ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked").append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> writeBody(out, body, contentLength < 0, sent), "upload body");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            String statusLine = readLine(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            String answer = new String(chunked ? readChunked(in) : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes(),
                    StandardCharsets.UTF_8);
            Duration took = Duration.between(started, Instant.now());
            long bytesSent = sent.get();
            socket.close();
            writer.join(10_000);
            return new RawAnswer(status, answer, bytesSent, took);
        }
    }

    private static void writeBody(OutputStream out, InputStream body, boolean chunked, AtomicLong sent) {
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (n == 0) {
                    continue;
                }
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the server stopped reading (a refusal) or the exchange is over
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16); size > 0;
             size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) {
            answer.write(in.readNBytes(size));
            readLine(in);
        }
        return answer.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of the answer's head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
