package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.grpc.GrpcConnectSink;
import io.github.rerun4j.grpc.ProxyServer;
import io.github.rerun4j.grpc.ProxyServerOptions;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code view} as a Rerun endpoint: what a Rerun SDK sends to {@code --port} is shown, the files are offered to
 * Rerun's viewers on the same port, and a {@code rerun+http://…/proxy} argument is read into the viewer.
 */
@Timeout(120)
class ViewGrpcTest {

    @TempDir
    Path tmp;

    @Test
    void whatASdkSendsToThePortIsShownAndOfferedToRerunViewers() throws Exception {
        int port = freePort();
        try (ServingRun serving = ServingRun.start("view", "--port", String.valueOf(port), "--web-viewer-port", "0",
                "--no-browser")) {
            assertThat(serving.get("/api/recordings")).isEqualTo("[]");
            try (RecordingStream rec = RecordingStream.builder("sent_over_grpc")
                    .sink(GrpcConnectSink.connect("rerun+http://127.0.0.1:" + port + "/proxy"))) {
                for (int frame = 0; frame < 3; frame++) {
                    rec.setTimeSequence("frame", frame);
                    rec.log("cam/depth", DepthImage.fromU16(new short[] {1, 2, 3, (short) frame}, 2, 2));
                }
            }

            waitFor(() -> serving.get("/api/recordings").contains("sent_over_grpc"));
            String recordings = serving.get("/api/recordings");
            assertThat(recordings).contains("\"source\":\"live\"");
            // and a Rerun viewer reading the same port gets it too
            assertThat(GrpcRead.entities(port, 2)).contains("/cam/depth");  // store info, one batched chunk
            CliRun run = serving.stop();
            assertThat(run.out()).contains("Rerun's gRPC proxy: rerun+http://127.0.0.1:" + port + "/proxy");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void theFilesAreOfferedToRerunViewersOnThePort() throws Exception {
        assertThat(CliRun.of("demo", "--no-serve", "--out", tmp.toString()).exitCode()).isZero();
        Path threeD = tmp.resolve(DemoCommand.THREE_D_FILE);
        int port = freePort();
        try (ServingRun serving = ServingRun.start("view", threeD.toString(), "--port", String.valueOf(port),
                "--web-viewer-port", "0", "--no-browser")) {
            // store info, pinhole, depth image (the End message is not offered)
            assertThat(GrpcRead.entities(port, 3)).containsExactly("/world/camera", "/world/camera/depth");
        }
    }

    @Test
    void aProxyUrlIsReadIntoTheViewer() throws Exception {
        assertThat(CliRun.of("demo", "--no-serve", "--out", tmp.toString()).exitCode()).isZero();
        try (ProxyServer elsewhere = ProxyServer.start(ProxyServerOptions.defaults().withPort(0))) {
            try (RrdReader reader = RrdReader.open(tmp.resolve(DemoCommand.SIMPLE_FILE))) {
                elsewhere.publishAll(reader);
            }
            try (ServingRun serving = ServingRun.start("view", elsewhere.url(), "--port", "0", "--web-viewer-port", "0",
                    "--no-browser")) {
                waitFor(() -> serving.get("/api/recordings").contains("rerun_example_depth_image_simple"));
                // what arrives later arrives too
                try (RecordingStream rec = RecordingStream.builder("later").sink(elsewhere.publisher(false))) {
                    rec.log("depth", DepthImage.fromU16(new short[] {1, 2, 3, 4}, 2, 2));
                }
                waitFor(() -> serving.get("/api/recordings").contains("\"later\""));
                CliRun run = serving.stop();
                assertThat(run.err()).contains("rerun4j: reading " + elsewhere.url());
            }
        }
    }

    @Test
    void aMalformedProxyUrlIsAUsageError() {
        CliRun run = CliRun.of("view", "rerun+http://127.0.0.1:99999/proxy", "--port", "0", "--web-viewer-port", "0",
                "--no-browser");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("rerun4j: invalid proxy URL: ").contains("99999").doesNotContain("Exception");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("within 20 s").isTrue();
    }
}
