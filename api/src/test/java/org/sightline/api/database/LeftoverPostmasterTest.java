package org.sightline.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mock.env.MockEnvironment;

/**
 * After a crash, the embedded PostgreSQL left behind - still running, or only its
 * {@code postmaster.pid} - no longer blocks the next start, and the embedded database starts with
 * durable settings. Uses its own SIGHTLINE_HOME and no Spring context: it starts the embedded
 * database the way {@link EmbeddedDatabaseConfiguration} does.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LeftoverPostmasterTest {

    static final Path HOME = Path.of("target/leftover-postmaster-home").toAbsolutePath();
    static final Path DATA = HOME.resolve("postgres");
    static final Path PID_FILE = DATA.resolve("postmaster.pid");
    static Path postgresBinary;

    @BeforeAll
    static void aDataDirectoryFromAPreviousRun() throws IOException {
        deleteRecursively(HOME);
        // initdb, start and a clean stop: the state a previous run leaves after a normal shutdown.
        try (EmbeddedPostgres postgres = start(new MockEnvironment())) {
            // zonky unpacks its binaries once per JVM (perhaps under another test's home): take the
            // postgres binary from the running postmaster.
            postgresBinary = Path.of(ProcessHandle.of(LeftoverPostmaster.pidOf(PID_FILE).orElseThrow()).orElseThrow()
                    .info().command().orElseThrow());
        }
        assertThat(PID_FILE).doesNotExist();
    }

    @AfterAll
    static void stopAnythingLeft() {
        LeftoverPostmaster.clear(DATA, HOME.resolve("postgres-binaries"));
    }

    @Test
    void aPostmasterLeftRunningByAKilledJvmIsStoppedAndTheNextStartSucceeds() throws Exception {
        // What a JVM killed with SIGKILL leaves: a postmaster on the data directory that nobody will stop.
        long leftover = startPostmasterWithoutAnOwner();
        assertThat(ProcessHandle.of(leftover)).isPresent();
        assertThat(LeftoverPostmaster.pidOf(PID_FILE)).contains(leftover);

        try (EmbeddedPostgres postgres = start(new MockEnvironment())) {
            assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(LeftoverPostmaster.pidOf(PID_FILE)).isPresent().get().isNotEqualTo(leftover);
            assertThat(selectOne(postgres)).isEqualTo(1);
        }
    }

    @Test
    void aStaleLockFileOfAProcessThatIsGoneOrIsNotPostgresIsRemovedWithoutSignallingAnything() throws Exception {
        // The pid of a live process that is not a postgres on this directory (this JVM): it must survive.
        Files.writeString(PID_FILE, ProcessHandle.current().pid() + "\n" + DATA + "\n");
        try (EmbeddedPostgres postgres = start(new MockEnvironment())) {
            assertThat(selectOne(postgres)).isEqualTo(1);
        }
        // The pid of a process that is gone.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(PID_FILE, gone.pid() + "\n" + DATA + "\n");
        try (EmbeddedPostgres postgres = start(new MockEnvironment())) {
            assertThat(selectOne(postgres)).isEqualTo(1);
        }
    }

    @Test
    void theEmbeddedDatabaseIsDurableUnlessTheOperatorSaysOtherwise() throws Exception {
        try (EmbeddedPostgres postgres = start(new MockEnvironment())) {
            assertThat(settings(postgres)).containsExactly("on", "on", "on");
        }
        try (EmbeddedPostgres postgres = start(new MockEnvironment().withProperty("sightline.embedded.durable", "false"))) {
            assertThat(settings(postgres)).containsExactly("off", "off", "off");
        }
    }

    private static EmbeddedPostgres start(MockEnvironment environment) throws IOException {
        return new EmbeddedDatabaseConfiguration().embeddedPostgres(new SightlineProperties(HOME, false), environment);
    }

    /** Starts the postgres binary zonky unpacked directly on the data directory, as a process this test does not own. */
    private static long startPostmasterWithoutAnOwner() throws Exception {
        Path postgres = postgresBinary;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(LeftoverPostmaster.asUnprivileged());
        command.addAll(List.of(postgres.toString(), "-D", DATA.toString(), "-p", Integer.toString(port)));
        new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(HOME.resolve("leftover.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            // The fourth line onwards of postmaster.pid is written once it listens; "ready" is its last state.
            if (Files.exists(PID_FILE) && Files.readAllLines(PID_FILE).stream().anyMatch(l -> l.strip().equals("ready"))) {
                return LeftoverPostmaster.pidOf(PID_FILE).orElseThrow();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the leftover postmaster did not start: " + Files.readString(HOME.resolve("leftover.log")));
    }

    private static int selectOne(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); ResultSet r = c.createStatement().executeQuery("SELECT 1")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static List<String> settings(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            r.next();
            return List.of(r.getString(1), r.getString(2), r.getString(3));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
