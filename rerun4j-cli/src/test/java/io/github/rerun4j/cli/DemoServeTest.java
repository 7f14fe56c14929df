package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.LogMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rerun4j demo} opens the snippets in the viewer; {@code --live} streams a scene into it. */
class DemoServeTest {

    @TempDir
    Path tmp;

    @Test
    void withoutOutTheFilesGoToATemporaryDirectoryRemovedAtStop() throws Exception {
        try (ServingRun serving = ServingRun.start("demo", "--port", "0", "--web-viewer-port", "0", "--no-browser")) {
            assertThat(serving.get("/api/recordings")).contains("rerun_example_depth_image_simple")
                    .contains("rerun_example_depth_image_3d");
            CliRun run = serving.stop();
            String wrote = run.out().lines().filter(l -> l.startsWith("Wrote ")).findFirst().orElseThrow();
            Path simple = Path.of(wrote.substring("Wrote ".length(), wrote.indexOf(", ")));
            assertThat(simple.getFileName().toString()).isEqualTo(DemoCommand.SIMPLE_FILE);
            assertThat(simple).doesNotExist();
            assertThat(simple.getParent()).doesNotExist();
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void aTakenPortFailsBeforeWritingAnythingWithOneLine() throws Exception {
        Path tmpdir = Files.createDirectories(tmp.resolve("java-tmpdir"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ChildRun run = ChildRun.of(tmp.resolve("stdout.txt").toFile(), null, Map.of(),
                    List.of("-Djava.io.tmpdir=" + tmpdir), "demo", "--web-viewer-port", Integer.toString(port), "--port", "0", "--no-browser");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            // No logger line from the server library before ours.
            assertThat(run.errLines()).containsExactly("rerun4j: port " + port + " is already in use (another viewer?);"
                    + " choose another with --web-viewer-port M, or --web-viewer-port 0 for any free port");
        }
        try (Stream<Path> left = Files.list(tmpdir)) {
            assertThat(left).as("temporary demo directories left behind").noneMatch(p -> p.getFileName().toString().startsWith("rerun4j-demo-"));
        }
    }

    @Test
    void withOutTheFilesStay() throws Exception {
        try (ServingRun serving = ServingRun.start("demo", "--out", tmp.toString(), "--port", "0", "--web-viewer-port", "0", "--no-browser")) {
            serving.stop();
        }
        assertThat(tmp.resolve(DemoCommand.SIMPLE_FILE)).isRegularFile();
        assertThat(tmp.resolve(DemoCommand.THREE_D_FILE)).isRegularFile();
    }

    @Test
    void liveStreamsFramesIntoTheViewerAndOverGrpc() throws Exception {
        int grpcPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            grpcPort = free.getLocalPort();
        }
        try (ServingRun serving = ServingRun.start("demo", "--live", "--out", tmp.toString(), "--web-viewer-port", "0", "--no-browser",
                "--port", String.valueOf(grpcPort))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String live = null;
            while (System.nanoTime() < deadline) {
                live = serving.session().viewer().hub().recordings().stream()
                        .filter(r -> r.id().applicationId().equals(LiveDemo.APPLICATION_ID)).map(r -> r.key()).findFirst().orElse(null);
                if (live != null && serving.session().viewer().hub().get(live).orElseThrow().store().timelines().containsKey("frame")
                        && serving.session().viewer().hub().get(live).orElseThrow().store().timelines().get("frame").max() >= 3) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(live).isNotNull();
            String scene = serving.get("/api/recordings/" + live + "/scene?timeline=frame");
            assertThat(scene).contains("\"entity\":\"/world/camera/depth\"").contains("\"camera\":{");
            // Rerun's viewers get the same stream from the proxy: store info, pinhole, then depth frames.
            // (after the two demo files, which the viewer offers there too)
            List<LogMessage> offered = GrpcRead.messages(grpcPort, 10);
            LogMessage.StoreInfoMessage liveInfo = offered.stream().filter(LogMessage.StoreInfoMessage.class::isInstance)
                    .map(LogMessage.StoreInfoMessage.class::cast)
                    .filter(m -> m.info().storeId().applicationId().equals(LiveDemo.APPLICATION_ID)).findFirst().orElseThrow();
            assertThat(offered).filteredOn(m -> m.storeId().equals(liveInfo.storeId()))
                    .filteredOn(LogMessage.ChunkMessage.class::isInstance)
                    .extracting(m -> ((LogMessage.ChunkMessage) m).chunk().entityPath())
                    .contains("/world/camera", "/world/camera/depth");
            CliRun finished = serving.stop();
            assertThat(finished.exitCode()).isZero();
            assertThat(finished.out()).contains("rerun --connect rerun+http://127.0.0.1:" + grpcPort + "/proxy");
        }
    }

    @Test
    void aTakenGrpcPortIsAUsageErrorNamingTheFlag() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("demo", "--live", "--out", tmp.toString(), "--web-viewer-port", "0", "--no-browser",
                    "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("port " + taken.getLocalPort()).contains("is taken")
                    .contains("choose another with --port N").doesNotContain("Exception");
        }
    }

    @Test
    void liveWithNoServeIsAUsageError() {
        CliRun run = CliRun.of("demo", "--live", "--no-serve", "--out", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--live needs the viewer");
    }

    @Test
    void theLiveSceneHasTheWallAndTheBall() {
        short[] depth = LiveDemo.depthFrame(0);
        assertThat(depth[0]).isEqualTo((short) 4000);
        // frame 0: ball centre straight ahead at 2 m, radius 0.5 m, nearest point 1.5 m away
        int centre = (LiveDemo.HEIGHT / 2 + 12) * LiveDemo.WIDTH + LiveDemo.WIDTH / 2;
        assertThat(depth[centre]).isBetween((short) 1490, (short) 1700);
        assertThat(Files.exists(tmp)).isTrue();
    }
}
