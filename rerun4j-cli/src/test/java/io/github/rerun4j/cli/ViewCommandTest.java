package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rerun4j view}: serves files (following them), clear errors before serving, clean stop. */
class ViewCommandTest {

    @TempDir
    Path tmp;

    @Test
    void servesTheFilesPrintsTheAddressAndStopsCleanly() throws Exception {
        Path[] files = demoFiles();
        try (ServingRun serving = ServingRun.start("view", files[0].toString(), files[1].toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")) {
            String recordings = serving.get("/api/recordings");
            assertThat(recordings).contains("rerun_example_depth_image_simple").contains("rerun_example_depth_image_3d");
            assertThat(serving.session().viewer().server().boundAddress().getAddress().isLoopbackAddress()).isTrue();

            CliRun run = serving.stop();

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("rerun4j viewer: " + serving.url())
                    .contains("Open " + serving.url() + " in a browser")
                    .contains("Ctrl-C")
                    .endsWith("rerun4j viewer stopped" + System.lineSeparator());
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void aFileStillBeingWrittenIsFollowed() throws Exception {
        Path file = tmp.resolve("growing.rrd");
        Path whole = tmp.resolve("whole.rrd");
        io.github.rerun4j.examples.DepthImage3d.write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(file, java.util.Arrays.copyOf(bytes, 12)); // just the stream header so far
        try (ServingRun serving = ServingRun.start("view", file.toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")) {
            assertThat(serving.get("/api/recordings")).isEqualTo("[]");

            Files.write(file, java.util.Arrays.copyOfRange(bytes, 12, bytes.length), java.nio.file.StandardOpenOption.APPEND);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!serving.get("/api/recordings").contains("rerun_example_depth_image_3d") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(serving.get("/api/recordings")).contains("rerun_example_depth_image_3d");
        }
    }

    @Test
    void aDamagedFileIsServedWithItsProblems() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.rrd"), "not a recording at all");
        try (ServingRun serving = ServingRun.start("view", file.toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!serving.get("/api/recordings").contains("RRF2") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(serving.get("/api/recordings")).contains("expected FourCC RRF2");
            assertThat(serving.stop().exitCode()).isZero();
        }
    }

    @Test
    void aMissingFileIsAUsageErrorBeforeServing() {
        CliRun run = CliRun.of("view", tmp.resolve("nope.rrd").toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("rerun4j: no such file: " + tmp.resolve("nope.rrd") + System.lineSeparator());
        assertThat(run.out()).doesNotContain("http://");
    }

    @Test
    void aTakenPortIsAUsageErrorNamingItsFlag() throws Exception {
        Path[] files = demoFiles();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            CliRun page = CliRun.of("view", files[0].toString(), "--web-viewer-port", port, "--port", "0", "--no-browser");
            CliRun grpc = CliRun.of("view", files[0].toString(), "--web-viewer-port", "0", "--port", port, "--no-browser");

            assertThat(page.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(page.err()).startsWith("rerun4j: port " + port + " is already in use")
                    .contains("--web-viewer-port 0");
            assertThat(grpc.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(grpc.err()).startsWith("rerun4j: cannot host Rerun's gRPC proxy for the viewer: port " + port)
                    .contains("--port 0").doesNotContain("Exception");
        }
    }

    @Test
    void badPortAndBindAreUsageErrors() throws Exception {
        Path[] files = demoFiles();
        CliRun port = CliRun.of("view", files[0].toString(), "--port", "70000", "--no-browser");
        CliRun page = CliRun.of("view", files[0].toString(), "--web-viewer-port", "-1", "--no-browser");
        CliRun bind = CliRun.of("view", files[0].toString(), "--port", "0", "--web-viewer-port", "0", "--bind", "no.such.host.invalid", "--no-browser");

        assertThat(port.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(port.err()).startsWith("rerun4j: invalid --port 70000: expected 0..65535");
        assertThat(page.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(page.err()).startsWith("rerun4j: invalid --web-viewer-port -1: expected 0..65535");
        assertThat(bind.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bind.err()).startsWith("rerun4j: invalid --bind no.such.host.invalid: unknown host; expected an IP address");
    }

    @Test
    void aBracketedIpv6LiteralIsAccepted() throws Exception {
        assumeIpv6Loopback();
        Path[] files = demoFiles();
        try (ServingRun serving = ServingRun.start("view", files[0].toString(), "--port", "0", "--web-viewer-port", "0", "--bind", "[::1]", "--no-browser")) {
            assertThat(serving.url().toString()).startsWith("http://[::1]:");
            assertThat(serving.get("/api/recordings")).contains("rerun_example_depth_image_simple");
            CliRun run = serving.stop();
            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty(); // loopback: no warning
        }
    }

    @Test
    void anAddressThatCannotBeBoundOrParsedIsAUsageError() throws Exception {
        Path[] files = demoFiles();
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): an address no machine here has.
        CliRun notHere = CliRun.of("view", files[0].toString(), "--port", "0", "--web-viewer-port", "0", "--bind", "192.0.2.1", "--no-browser");
        CliRun malformed = CliRun.of("view", files[0].toString(), "--port", "0", "--web-viewer-port", "0", "--bind", "[::1", "--no-browser");

        assertThat(notHere.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notHere.errLines()).singleElement().asString().startsWith("rerun4j: cannot serve on 192.0.2.1:0: ");
        assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(malformed.err()).startsWith("rerun4j: invalid --bind [::1: expected an IP address");
    }

    private static void assumeIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
            org.assertj.core.api.Assumptions.assumeThat(probe.getLocalPort()).isPositive();
        } catch (java.io.IOException e) {
            org.assertj.core.api.Assumptions.assumeThat(e).as("no IPv6 loopback here").isNull();
        }
    }

    @Test
    void aNonLoopbackBindWarnsThatTheNetworkCanRead() throws Exception {
        Path[] files = demoFiles();
        try (ServingRun serving = ServingRun.start("view", files[0].toString(), "--port", "0", "--web-viewer-port", "0", "--bind", "0.0.0.0", "--no-browser")) {
            CliRun run = serving.stop();
            assertThat(run.err()).startsWith("rerun4j: warning: listening on 0.0.0.0:")
                    .contains("anyone who can reach this machine can read the recordings");
        }
    }

    @Test
    void theBrowserCommandFitsTheSystem() {
        URI url = URI.create("http://127.0.0.1:9876/");
        assertThat(BrowserLauncher.command("Linux", Map.of(), url)).isEmpty();
        assertThat(BrowserLauncher.command("Linux", Map.of("DISPLAY", ":0"), url)).contains(java.util.List.of("xdg-open", url.toString()));
        assertThat(BrowserLauncher.command("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), url)).isPresent();
        assertThat(BrowserLauncher.command("Mac OS X", Map.of(), url)).contains(java.util.List.of("open", url.toString()));
        assertThat(BrowserLauncher.command("Windows 11", Map.of(), url))
                .contains(java.util.List.of("rundll32", "url.dll,FileProtocolHandler", url.toString()));
    }

    private Path[] demoFiles() {
        assertThat(CliRun.of("demo", "--no-serve", "--out", tmp.toString()).exitCode()).isZero();
        return new Path[] {tmp.resolve(DemoCommand.SIMPLE_FILE), tmp.resolve(DemoCommand.THREE_D_FILE)};
    }
}
