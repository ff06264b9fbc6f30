package org.encounter.base.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded MariaDB that `./mvnw spring-boot:run` starts is closed to everyone but the app. */
class EmbeddedDatabaseTest {

    private static final Path DATA = Path.of("target/test-db/embedded-" + UUID.randomUUID()).toAbsolutePath();
    private static EmbeddedMariaDb db;

    @BeforeAll
    static void start() {
        db = EmbeddedMariaDb.start(DATA, 0, "encounter");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void nobody_gets_in_without_the_password() {
        String url = db.jdbcUrl();
        for (String[] attempt : new String[][] {
                {"root", ""}, {"nobody", "wrong"}, {"nobody", ""}, {"encounter", ""}, {"encounter", "wrong"},
                {"mysql", ""}, {"", ""}}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, attempt[0], attempt[1]).close())
                    .as("user '%s' with password '%s'", attempt[0], attempt[1])
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void the_app_signs_in_with_the_generated_password_and_the_server_listens_on_loopback_only() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT CURRENT_USER(), @@bind_address, @@skip_grant_tables")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("encounter@127.0.0.1");
            assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
            assertThat(rs.getBoolean(3)).isFalse();
        }
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), db.port()), 2000))
                        .as("connecting through %s", outside.get())
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void the_password_is_kept_in_the_data_directory_for_its_owner_only() throws Exception {
        Path file = DATA.resolve(EmbeddedCredentials.PASSWORD_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
        assertThat(DATA.resolve("encounter-init.sql")).doesNotExist();
    }

    @Test
    void a_restart_keeps_the_password_and_a_lost_password_file_gets_a_new_working_one() throws Exception {
        Path dir = Path.of("target/test-db/embedded-restart-" + UUID.randomUUID()).toAbsolutePath();
        String first;
        try (EmbeddedMariaDb one = EmbeddedMariaDb.start(dir, 0, "encounter")) {
            first = one.password();
            try (Connection c = DriverManager.getConnection(one.jdbcUrl(), one.username(), first)) {
                c.createStatement().execute("CREATE TABLE kept (id INT)");
            }
        }
        try (EmbeddedMariaDb two = EmbeddedMariaDb.start(dir, 0, "encounter")) {
            assertThat(two.password()).isEqualTo(first);
        }
        Files.delete(dir.resolve(EmbeddedCredentials.PASSWORD_FILE));
        try (EmbeddedMariaDb three = EmbeddedMariaDb.start(dir, 0, "encounter")) {
            assertThat(three.password()).isNotEqualTo(first);
            assertThatThrownBy(() -> DriverManager.getConnection(three.jdbcUrl(), "encounter", first).close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(three.jdbcUrl(), three.username(), three.password());
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM kept")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void the_apps_data_source_uses_the_apps_own_account() {
        Path dir = Path.of("target/test-db/embedded-app-" + UUID.randomUUID()).toAbsolutePath();
        new ApplicationContextRunner()
                .withPropertyValues("encounter.embedded-db.data-dir=" + dir)
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
                .run(context -> {
                    try (Connection c = context.getBean(DataSource.class).getConnection();
                         ResultSet rs = c.createStatement().executeQuery("SELECT CURRENT_USER()")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("encounter@127.0.0.1");
                    }
                });
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces()
                .filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (Exception e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
    }
}
