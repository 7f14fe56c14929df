package io.github.rerun4j.viewer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.viewer.HeapInUse;
import io.github.rerun4j.viewer.Viewer;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that cost a whole frame: pixels are sent from the stored buffer (no copy per request), and beyond
 * the bound on heavy requests the answer is 503 at once, while cheap requests are still answered. The clients
 * here stop reading, as a hostile script does, so their requests stay in flight.
 */
class HeavyRequestsTest {

    static final int SIDE = 4000; // u16: 32 MB, far more than the loopback socket buffers hold
    static final long FRAME_BYTES = (long) SIDE * SIDE * 2;

    @TempDir
    static Path dir;

    static Path file;

    @BeforeAll
    static void writeBigFrame() {
        file = dir.resolve("big.rrd");
        try (RecordingStream rec = RecordingStream.builder("big").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("/cam/depth", DepthImage.fromU16(new short[SIDE * SIDE], SIDE, SIDE));
        }
    }

    @AfterAll
    static void forget() {
        file = null;
    }

    static String imageUrl(Viewer viewer) {
        return "/api/recordings/" + viewer.hub().recordings().get(0).key()
                + "/image?entity=/cam/depth&timeline=frame&time=0";
    }

    @Test
    void imagesInFlightDoNotCopyTheFrame() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            long before = HeapInUse.afterGc();
            List<Socket> inFlight = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inFlight.add(RawHttp.stall(viewer.port(), imageUrl(viewer), 1 << 16));
            }

            long held = HeapInUse.afterGc() - before;

            // A copy per request would hold 3 x 32 MB here.
            assertThat(held).as("heap held by 3 image requests in flight").isLessThan(FRAME_BYTES / 2);
            for (Socket s : inFlight) {
                s.setSoLinger(true, 0);
                s.close();
            }
        }
    }

    @Test
    void beyondTheBoundHeavyRequestsAre503AndCheapOnesAreStillAnswered() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0, ServerLimits.defaults().withMaxHeavyRequests(1))) {
            viewer.load(file);
            String scene = viewer.url() + "api/recordings/" + viewer.hub().recordings().get(0).key()
                    + "/scene?timeline=frame";
            Socket slow = RawHttp.stall(viewer.port(), imageUrl(viewer), 1 << 16);

            RawHttp.Response refused = RawHttp.get(scene);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.body()).startsWith("{\"error\":\"busy: 1 scene, image or CSV requests");
            assertThat(RawHttp.get(viewer.url() + "api/recordings").status()).isEqualTo(200);

            slow.setSoLinger(true, 0);
            slow.close(); // the server's next write fails and frees the slot
            long deadline = System.nanoTime() + 10_000_000_000L;
            int status;
            do {
                Thread.sleep(20);
                status = RawHttp.get(scene).status();
            } while (status == 503 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void aRequestBeyondTheBoundWaitsBrieflyForASlot() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0, ServerLimits.defaults().withMaxHeavyRequests(1))) {
            viewer.load(file);
            String scene = viewer.url() + "api/recordings/" + viewer.hub().recordings().get(0).key()
                    + "/scene?timeline=frame";
            Socket slow = RawHttp.stall(viewer.port(), imageUrl(viewer), 1 << 16);
            java.util.concurrent.CompletableFuture<RawHttp.Response> waiting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> RawHttp.get(scene));

            Thread.sleep(200); // the scene request is waiting for the slot now
            slow.setSoLinger(true, 0);
            slow.close();

            assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }
}
