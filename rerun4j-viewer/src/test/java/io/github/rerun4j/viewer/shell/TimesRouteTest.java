package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.Viewer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/recordings/{id}/times}: the distinct times with data, exact, and clear errors. */
class TimesRouteTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryTimeWithDataExactlyAndRejectsUnknownTimelines() throws Exception {
        Path file = dir.resolve("frames.rrd");
        FrameRecording.write(file);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String base = viewer.url() + "api/recordings/" + viewer.hub().recordings().get(0).key() + "/times";

            String frames = IntStream.range(0, FrameRecording.FRAMES).mapToObj(i -> "\"" + i + "\"")
                    .collect(Collectors.joining(","));
            assertThat(get(base + "?timeline=frame")).isEqualTo(
                    "200 {\"timeline\":\"frame\",\"type\":\"sequence\",\"times\":[" + frames + "],\"total\":20}");
            assertThat(get(base + "?timeline=frame&after=17")).isEqualTo(
                    "200 {\"timeline\":\"frame\",\"type\":\"sequence\",\"times\":[\"18\",\"19\"],\"total\":20}");
            assertThat(get(base + "?timeline=frame&after=soon"))
                    .isEqualTo("400 {\"error\":\"invalid after 'soon': expected a 64-bit integer "
                            + "(sequence number, or nanoseconds for time and duration timelines)\"}");
            assertThat(get(base + "?timeline=wall")).startsWith("200 {\"timeline\":\"wall\",\"type\":\"timestamp\",\"times\":[\""
                    + FrameRecording.wallTime(0) + "\",\"" + FrameRecording.wallTime(1) + "\",");
            assertThat(get(base + "?timeline=" + URLEncoder.encode("no such", StandardCharsets.UTF_8)))
                    .isEqualTo("400 {\"error\":\"invalid timeline 'no such': expected one of [elapsed, frame, wall]\"}");
            assertThat(get(base)).isEqualTo("400 {\"error\":\"missing parameter timeline\"}");
            assertThat(get(viewer.url() + "api/recordings/nope/times?timeline=frame"))
                    .isEqualTo("404 {\"error\":\"no recording nope\"}");
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
