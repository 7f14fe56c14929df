package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rerun4j serve}: the files' recordings to any Rerun viewer over gRPC; bad arguments in one line. */
@Timeout(60)
class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void servesTheFilesToAReaderUntilStopped() throws Exception {
        Path threeD = TestFiles.threeD(tmp);
        SynchronousQueue<ServeCommand.Running> serving = new SynchronousQueue<>();
        ServeCommand.onServing = serving::offer;
        try {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() ->
                    CliRun.of("serve", threeD.toString(), "--port", "0", "--memory-limit", "64MiB"));
            ServeCommand.Running running = serving.poll(30, TimeUnit.SECONDS);
            assertThat(running).as("serving").isNotNull();
            int port = running.proxy().port();
            // store info, pinhole, depth image: the reader gets them from the history
            assertThat(GrpcRead.entities(port, 3)).containsExactly("/world/camera", "/world/camera/depth");
            running.stop().run();
            CliRun finished = run.get(30, TimeUnit.SECONDS);
            assertThat(finished.exitCode()).as(finished.err()).isZero();
            assertThat(finished.out()).contains("Serving 3 messages from 1 file(s) on rerun+http://127.0.0.1:" + port + "/proxy")
                    .contains("rerun --connect rerun+http://127.0.0.1:" + port + "/proxy");
        } finally {
            ServeCommand.onServing = r -> { };
        }
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() throws Exception {
        Path threeD = TestFiles.threeD(tmp);
        CliRun size = CliRun.of("serve", threeD.toString(), "--port", "0", "--memory-limit", "lots");
        assertThat(size.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(size.err()).contains("invalid --memory-limit lots: expected a size such as 0, 512MiB, 1GiB or 2GB");
        CliRun missing = CliRun.of("serve", tmp.resolve("nope.rrd").toString(), "--port", "0");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such file");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun busy = CliRun.of("serve", threeD.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(busy.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(busy.err()).contains("is taken").contains("rerun --connect rerun+http://127.0.0.1:" + taken.getLocalPort())
                    .contains("--port N").doesNotContain("Exception");
        }
    }

    @Test
    void aDamagedFileIsBadData() throws Exception {
        Path damaged = tmp.resolve("damaged.rrd");
        byte[] good = Files.readAllBytes(TestFiles.threeD(tmp));
        Files.write(damaged, java.util.Arrays.copyOf(good, good.length - 10));
        CliRun run = CliRun.of("serve", damaged.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.err()).contains(damaged.toString()).doesNotContain("\tat ");
    }

    @Test
    void sizesParseAsRerunWritesThem() {
        assertThat(ByteSize.parse("--memory-limit", "0")).isZero();
        assertThat(ByteSize.parse("--memory-limit", "1GiB")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("--memory-limit", "512mib")).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("--memory-limit", "2GB")).isEqualTo(2_000_000_000L);
    }
}
