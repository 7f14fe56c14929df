package io.github.rerun4j.viewer.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.render.export.DataframeCsv;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.viewer.Viewer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/recordings/{id}/dataframe} and {@code dataframe.csv}: pages, filters, CSV bytes, errors. */
class DataframeRoutesTest {

    static final String BUFFER = "[255, 255, 255, 255, 255, 255, \u2026]";
    static final String FORMAT = "L U16 300\u00D7200";
    static final String METER = "10\u2009000";

    @TempDir
    static Path dir;
    static Path demo3d;
    static Path rows;
    static Viewer viewer;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        demo3d = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(demo3d);
        rows = dir.resolve("rows.rrd");
        DataframeRecording.write(rows);
        viewer = Viewer.start(Viewer.LOOPBACK, 0);
        viewer.load(demo3d);
        viewer.load(rows);
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    @Test
    void demo3dWithTheCellsRerunShows() throws Exception {
        // Rerun's pick between the two default timelines is log_time; the ticks are the deterministic ones to check.
        JsonNode byDefault = getJson(base(DepthImage3d.APPLICATION_ID) + "/dataframe");
        assertThat(byDefault.get("timeline").asText()).isEqualTo("log_time");
        JsonNode page = getJson(base(DepthImage3d.APPLICATION_ID) + "/dataframe?timeline=log_tick");
        assertThat(page.get("timeline").asText()).isEqualTo("log_tick");
        assertThat(page.get("timelineType").asText()).isEqualTo("sequence");
        assertThat(page.get("totalRows").asLong()).isEqualTo(2);
        assertThat(texts(page.get("columns"), "component")).containsExactly("Pinhole:image_from_camera",
                "Pinhole:resolution", "DepthImage:buffer", "DepthImage:colormap", "DepthImage:format", "DepthImage:meter");
        assertThat(texts(page.get("columns"), "archetype")).containsExactly("Pinhole", "Pinhole",
                "DepthImage", "DepthImage", "DepthImage", "DepthImage");
        JsonNode camera = page.get("rows").get(0);
        assertThat(camera.get("entity").asText()).isEqualTo("/world/camera");
        assertThat(camera.get("time").asText()).isEqualTo("0");
        assertThat(cells(camera)).containsExactly("[200, 0, 0, 0, 200, 0, \u2026]", "[300, 200]", "-", "-", "-", "-");
        JsonNode depth = page.get("rows").get(1);
        assertThat(depth.get("entity").asText()).isEqualTo("/world/camera/depth");
        assertThat(cells(depth)).containsExactly("-", "-", BUFFER, "Viridis", FORMAT, METER);
    }

    @Test
    void entityFilterTimelinesAndStaticOnly() throws Exception {
        JsonNode depth = getJson(base(DepthImage3d.APPLICATION_ID) + "/dataframe?entity=world/camera/depth");
        assertThat(depth.get("totalRows").asLong()).isEqualTo(1);
        assertThat(depth.get("rows").get(0).get("entity").asText()).isEqualTo("/world/camera/depth");
        assertThat(texts(depth.get("columns"), "archetype")).doesNotContain("Pinhole");
        // A prefix of whole parts.
        assertThat(getJson(base(DepthImage3d.APPLICATION_ID) + "/dataframe?entity=/world").get("totalRows").asLong()).isEqualTo(2);

        JsonNode logTime = getJson(base(DepthImage3d.APPLICATION_ID) + "/dataframe?timeline=log_time");
        assertThat(logTime.get("timelineType").asText()).isEqualTo("timestamp");
        assertThat(logTime.get("rows").get(1).get("timeText").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        // Two user timelines: Rerun's pick is the one with more rows; timeline= (empty): static rows only (none here).
        JsonNode frames = getJson(base("dataframe_rows") + "/dataframe");
        assertThat(frames.get("timeline").asText()).isEqualTo("frame");
        assertThat(frames.get("totalRows").asLong()).isEqualTo(DataframeRecording.FRAMES);
        JsonNode steps = getJson(base("dataframe_rows") + "/dataframe?timeline=step");
        assertThat(steps.get("totalRows").asLong()).isEqualTo(DataframeRecording.STEPS);
        JsonNode statics = getJson(base("dataframe_rows") + "/dataframe?timeline=");
        assertThat(statics.get("timeline").isNull()).isTrue();
        assertThat(statics.get("totalRows").asLong()).isZero();
    }

    @Test
    void pagesByOffsetAndLimit() throws Exception {
        JsonNode first = getJson(base("dataframe_rows") + "/dataframe?timeline=frame");
        assertThat(first.get("rows")).hasSize(100);
        JsonNode last = getJson(base("dataframe_rows") + "/dataframe?timeline=frame&offset=200&limit=100");
        assertThat(last.get("offset").asLong()).isEqualTo(200);
        assertThat(last.get("totalRows").asLong()).isEqualTo(250);
        assertThat(last.get("rows")).hasSize(50);
        assertThat(last.get("rows").get(0).get("time").asText()).isEqualTo("200");
        assertThat(cells(last.get("rows").get(49))).endsWith("1\u2009249");
        assertThat(getJson(base("dataframe_rows") + "/dataframe?timeline=frame&offset=999").get("rows")).isEmpty();
        assertThat(getJson(base("dataframe_rows") + "/dataframe?timeline=frame&limit=1000").get("rows")).hasSize(250);
    }

    @Test
    void csvIsTheWholeTableAsTheCliWritesIt() throws Exception {
        HttpResponse<byte[]> all = http.send(HttpRequest.newBuilder(URI.create(base("dataframe_rows") + "/dataframe.csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(all.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"dataframe_rows-frame.csv\"");
        // The bytes of `rerun4j dataframe rows.rrd --format csv` (the CLI writes DataframeCsv of the same query).
        assertThat(all.body()).isEqualTo(expectedCsv(rows, new DataframeQuery("frame", null)));
        assertThat(new String(all.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(1 + DataframeRecording.FRAMES);

        HttpResponse<byte[]> filtered = http.send(HttpRequest.newBuilder(URI.create(base(DepthImage3d.APPLICATION_ID)
                + "/dataframe.csv?timeline=log_tick&entity=/world/camera/depth")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(filtered.body()).isEqualTo(expectedCsv(demo3d, new DataframeQuery("log_tick", "/world/camera/depth")));
        assertThat(new String(filtered.body(), StandardCharsets.UTF_8)).isEqualTo(
                "entity,log_tick,DepthImage:buffer,DepthImage:colormap,DepthImage:format,DepthImage:meter\r\n"
                        + "/world/camera/depth,1,\"" + BUFFER + "\",Viridis," + FORMAT + "," + METER + "\r\n");
        assertThat(filtered.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rerun_example_depth_image_3d-log_tick.csv\"");
    }

    @Test
    void badParametersAreClearErrors() throws Exception {
        String page = base("dataframe_rows") + "/dataframe";
        assertThat(get(page + "?offset=-1")).isEqualTo("400 {\"error\":\"invalid offset '-1': expected an integer >= 0\"}");
        assertThat(get(page + "?offset=ten")).isEqualTo("400 {\"error\":\"invalid offset 'ten': expected an integer >= 0\"}");
        assertThat(get(page + "?limit=1001"))
                .isEqualTo("400 {\"error\":\"invalid limit '1001': expected an integer from 0 to 1000\"}");
        assertThat(get(page + "?limit=-5"))
                .isEqualTo("400 {\"error\":\"invalid limit '-5': expected an integer from 0 to 1000\"}");
        assertThat(get(page + "?timeline=log_tick")).isEqualTo(
                "400 {\"error\":\"invalid timeline 'log_tick': expected one of [frame, step] or empty for static rows only\"}");
        assertThat(get(base("dataframe_rows") + "/dataframe.csv?timeline=nope")).startsWith("400 ");
        assertThat(get(page + "?entity=/cam/dep"))
                .isEqualTo("404 {\"error\":\"no entity /cam/dep in the recording; entities: /cam/depth, /other/depth\"}");
        assertThat(get(viewer.url() + "api/recordings/nope/dataframe")).isEqualTo("404 {\"error\":\"no recording nope\"}");
    }

    private static byte[] expectedCsv(Path file, DataframeQuery query) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataframeCsv.write(DataframeTable.of(ChunkStore.load(file).dataframe(query)), out);
        return out.toByteArray();
    }

    private static String base(String applicationId) {
        String key = viewer.hub().recordings().stream().filter(r -> r.id().applicationId().equals(applicationId))
                .findFirst().orElseThrow().key();
        return viewer.url() + "api/recordings/" + key;
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static List<String> cells(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.get("cells").forEach(n -> out.add(n.asText()));
        return out;
    }
}
