package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar ({@code target/rerun4j.jar}, what {@code ./rerun4j} runs) on its own: its commands find every
 * class they need in it. The unit tests run on Maven's classpath, where a dependency missing from the jar (say one
 * that a test-scoped declaration kept out of the shade) goes unnoticed.
 */
@Timeout(120)
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "rerun4j.jar");
    private static final Pattern PROXY = Pattern.compile("Rerun's gRPC proxy: rerun\\+http://127\\.0\\.0\\.1:(\\d+)/proxy");

    @TempDir
    Path tmp;

    @Test
    void writesFilesAndServesThemToRerunViewers() throws Exception {
        assertThat(JAR).isRegularFile();
        Process demo = java("demo", "--no-serve", "--out", tmp.toString());
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).as(new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        Path threeD = tmp.resolve(DemoCommand.THREE_D_FILE);
        assertThat(threeD).isRegularFile();

        Process view = java("view", threeD.toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser");
        try {
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(view.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            pump.setDaemon(true);
            pump.start();
            List<String> seen = new ArrayList<>();
            int port = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (port < 0) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    assertThat(view.isAlive() || !lines.isEmpty()).as("view ended: %s", seen).isTrue();
                    assertThat(System.nanoTime()).as("no proxy address within 60 s: %s", seen).isLessThan(deadline);
                    continue;
                }
                seen.add(line);
                Matcher m = PROXY.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(GrpcRead.entities(port, 3)).containsExactly("/world/camera", "/world/camera/depth");
        } finally {
            view.destroy();
            view.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(tmp);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
