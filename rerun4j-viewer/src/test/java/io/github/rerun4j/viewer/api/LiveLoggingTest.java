package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.viewer.TestRecordings;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.ViewerSink;
import io.github.rerun4j.viewer.http.RawHttp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Data logged live through a {@link ViewerSink} reaches the API and is announced on the event stream. */
class LiveLoggingTest {

    @Test
    void framesLoggedLiveAppearInTheSceneAndAreAnnouncedWithinASecond() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            ViewerSink sink = viewer.sink();
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            InputStream stream = openEvents(viewer.url(), events);
            try (RecordingStream rec = TestRecordings.stream(sink)) {
                assertThat(events.poll(5, TimeUnit.SECONDS)).as("first event").isNotNull();
                for (int i = 0; i < 5; i++) {
                    TestRecordings.logFrame(rec, i);
                    rec.flush();
                    long sent = System.nanoTime();
                    assertThat(announcedWithinASecond(viewer, events, i))
                            .as("frame %d announced and in the scene within 1 s", i).isTrue();
                    System.out.printf("frame %d: data event and scene after %d ms%n", i, (System.nanoTime() - sent) / 1_000_000);
                }
                RawHttp.Response list = RawHttp.get(viewer.url().resolve("/api/recordings").toString());
                assertThat(list.body()).contains("\"source\":\"live\"");
            } finally {
                stream.close();
            }
        }
    }

    @Test
    void theEventStreamNeedsTheEventStreamAcceptHeader() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            RawHttp.Response response = RawHttp.get(viewer.url().resolve("/api/events").toString());
            assertThat(response.status()).isEqualTo(406);
            assertThat(response.body()).contains("expected text/event-stream");
        }
    }

    @Test
    void aClosedSinkRefusesMoreButTheViewerKeepsItsData() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            ViewerSink sink = viewer.sink();
            try (RecordingStream rec = TestRecordings.stream(sink)) {
                TestRecordings.logFrame(rec, 0);
            }
            assertThat(viewer.hub().recordings()).singleElement()
                    .satisfies(r -> assertThat(r.store().timelines().get("frame").rowCount()).isEqualTo(1));
        }
    }

    /**
     * True if within 1 s a {@code data} event names the recording and the scene it points to then holds
     * {@code frame} (an earlier event may be about the recording's store info only).
     */
    private static boolean announcedWithinASecond(Viewer viewer, BlockingQueue<String> events, int frame)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (true) {
            String event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                return false;
            }
            if (!event.startsWith("data ")) {
                continue;
            }
            String key = event.replaceAll(".*\"recording\":\"([^\"]+)\".*", "$1");
            String scene = RawHttp.get(viewer.url().resolve("/api/recordings/" + key + "/scene?timeline=frame").toString()).body();
            if (scene.contains("\"time\":" + frame + ",") && scene.contains("\"entity\":\"/cam/depth\"")) {
                return true;
            }
        }
    }

    /** Reads SSE lines in a thread; each event goes on the queue as "name data". */
    private static InputStream openEvents(URI base, BlockingQueue<String> events) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/events")).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        InputStream body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:") && name != null) {
                        events.add(name.equals("hello") ? "hello" : name + " " + line.substring(5).trim());
                        name = null;
                    }
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return body;
    }
}
