package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as users run it: a separate JVM ({@code java ... Main view FILE}), which prints the address, answers
 * the API, and on SIGTERM (what Ctrl-C's cousin {@code kill} sends) stops cleanly: "stopped", no stack trace,
 * no Jetty INFO noise.
 */
class ViewProcessTest {

    @TempDir
    Path tmp;

    @Test
    void aRealProcessServesAndStopsCleanlyOnSigterm() throws Exception {
        assertThat(CliRun.of("demo", "--no-serve", "--out", tmp.toString()).exitCode()).isZero();
        Path file = tmp.resolve(DemoCommand.THREE_D_FILE);
        Path err = tmp.resolve("stderr.txt");
        Path stdout = tmp.resolve("stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "view", file.toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")
                .redirectOutput(stdout.toFile()).redirectError(err.toFile()).start();
        try {
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (url == null && process.isAlive() && System.nanoTime() < deadline) {
                url = Files.readAllLines(stdout).stream().filter(l -> l.startsWith("rerun4j viewer: "))
                        .map(l -> l.substring("rerun4j viewer: ".length())).findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertThat(url).as("address line in %s; stderr %s", Files.readString(stdout), Files.readString(err)).isNotNull();
            System.out.printf("view process printed its address after %d ms%n", (System.nanoTime() - start) / 1_000_000);

            HttpResponse<String> recordings = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url).resolve("/api/recordings")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(recordings.statusCode()).isEqualTo(200);
            assertThat(recordings.body()).contains("rerun_example_depth_image_3d");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> out = Files.readAllLines(stdout);
        // 143 = 128 + SIGTERM: the JVM's own exit status after running the shutdown hooks.
        assertThat(process.exitValue()).isIn(0, 143);
        assertThat(out).anySatisfy(line -> assertThat(line).startsWith("Open http://127.0.0.1:").endsWith(" in a browser"));
        assertThat(out.get(out.size() - 1)).isEqualTo("rerun4j viewer stopped");
        String stderr = Files.readString(err);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("INFO").isEmpty();
    }

    @Test
    void aStdoutClosedWhileServingCostsNoStackTraceAtStop() throws Exception {
        assertThat(CliRun.of("demo", "--no-serve", "--out", tmp.toString()).exitCode()).isZero();
        Path err = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "view", tmp.resolve(DemoCommand.THREE_D_FILE).toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")
                .redirectError(err.toFile()).start();
        try {
            // Read up to "Serving...", then close our end, as `| head -3` would.
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("Serving"));
            assertThat(line).as("stderr: %s", Files.readString(err)).isNotNull();
            reader.close();

            process.destroy(); // SIGTERM: the shutdown hook stops the viewer and tries to say so
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(err)).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
