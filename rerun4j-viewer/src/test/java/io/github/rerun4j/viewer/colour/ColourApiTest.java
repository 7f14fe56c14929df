package io.github.rerun4j.viewer.colour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rerun4j.render.image.ColorTexels;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoded depth and colour images through the API: decoded on the server with render's code, served as the
 * depth routes serve a DepthImage, and a blob that does not decode is a 422 naming the problem, and an entry in
 * the scene's {@code imageErrors}, never a 500.
 */
class ColourApiTest {

    @TempDir
    static Path dir;

    static Viewer viewer;
    static String rec;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        viewer = Viewer.start(Viewer.LOOPBACK, 0);
        viewer.load(ColourRecording.write(dir));
        rec = viewer.hub().recordings().get(0).key();
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    static RawHttp.Response get(String route, String entity) {
        return RawHttp.get(viewer.url().resolve("/api/recordings/" + rec + "/" + route + "?entity=" + entity
                + "&timeline=frame&time=0").toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> scene() throws Exception {
        RawHttp.Response r = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec + "/scene?timeline=frame&time=0").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readValue(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> entry(List<?> list, String entity) {
        return (Map<String, Object>) list.stream().filter(m -> entity.equals(((Map<?, ?>) m).get("entity")))
                .findFirst().orElseThrow(() -> new AssertionError(entity + " not in " + list));
    }

    @Test
    void rvlDecodesToTheDepthImagesValues() {
        RawHttp.Response r = get("image", "/rvl/depth");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("X-Datatype")).isEqualTo("F32"); // RVL decodes to f32, as in Rerun
        ByteBuffer b = ByteBuffer.wrap(r.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.remaining()).isEqualTo(ColourRecording.W * ColourRecording.H * 4);
        for (int i = 0; i < ColourRecording.DEPTH.length; i++) {
            assertThat(b.getFloat(4 * i)).as("pixel " + i).isEqualTo((float) Short.toUnsignedInt(ColourRecording.DEPTH[i]));
        }
    }

    @Test
    void png16DecodesToTheSameBytesAsTheDepthImage() {
        RawHttp.Response png = get("image", "/png/depth");
        RawHttp.Response plain = get("image", "/plain/depth");
        assertThat(png.status()).as(png.body()).isEqualTo(200);
        assertThat(png.header("X-Datatype")).isEqualTo("U16");
        assertThat(png.bytes()).isEqualTo(plain.bytes());
    }

    @Test
    void encodedDepthIsListedLikeADepthImageWithTheEncodedFallbacks() throws Exception {
        List<?> depth = (List<?>) scene().get("depthImages");
        Map<String, Object> rvl = entry(depth, "/rvl/depth");
        Map<String, Object> plain = entry(depth, "/plain/depth");
        assertThat(rvl.get("encoding")).isEqualTo("application/rvl");
        assertThat(plain.get("encoding")).isNull();
        for (String field : List.of("effectiveMeter", "effectiveRange", "effectiveColormap", "width", "height", "effectiveDrawOrder")) {
            assertThat(rvl.get(field)).as(field).isEqualTo(plain.get(field));
        }
        assertThat((String) rvl.get("imageUrl")).contains("/image?entity=%2Frvl%2Fdepth");
    }

    @Test
    void hoverOfEncodedDepthReadsTheDecodedPixel() throws Exception {
        RawHttp.Response rvl = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec
                + "/hover?entity=/rvl/depth&timeline=frame&time=0&x=5&y=7").toString());
        RawHttp.Response plain = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec
                + "/hover?entity=/plain/depth&timeline=frame&time=0&x=5&y=7").toString());
        assertThat(rvl.status()).as(rvl.body()).isEqualTo(200);
        List<?> rvlLines = (List<?>) JSON.readValue(rvl.body(), Map.class).get("lines");
        List<?> plainLines = (List<?>) JSON.readValue(plain.body(), Map.class).get("lines");
        assertThat(rvlLines.subList(0, 2)).isEqualTo(plainLines.subList(0, 2)); // Position and Depth
        assertThat(rvlLines).hasSize(3);
    }

    @Test
    void aBlobThatDoesNotDecodeIsADamagedEntityNotAServerError() throws Exception {
        for (String entity : List.of("/broken/depth", "/mislabelled/depth")) {
            for (String route : List.of("image", "hover")) {
                RawHttp.Response r = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec + "/" + route
                        + "?entity=" + entity + "&timeline=frame&time=0&x=0&y=0").toString());
                assertThat(r.status()).as(entity + " " + route + ": " + r.body()).isEqualTo(422);
                assertThat((String) JSON.readValue(r.body(), Map.class).get("error")).contains("blob");
            }
        }
        RawHttp.Response color = get("color", "/badpng/image");
        assertThat(color.status()).as(color.body()).isEqualTo(422);
        assertThat((String) JSON.readValue(color.body(), Map.class).get("error")).contains("EncodedImage.blob");
        Map<String, Object> scene = scene();
        List<?> errors = (List<?>) scene.get("imageErrors");
        assertThat(errors).hasSize(3);
        assertThat((String) entry(errors, "/broken/depth").get("error")).contains("RVL blob", "truncated");
        assertThat(entry(errors, "/badpng/image").get("archetype")).isEqualTo("EncodedImage");
        // The rest of the scene is all there.
        assertThat((List<?>) scene.get("depthImages")).hasSize(4);
        assertThat((List<?>) scene.get("colorImages")).hasSize(3);
    }

    @Test
    void colourTexelsAreRendersColorTexelsAsRgba() throws Exception {
        RawHttp.Response r = get("color", "/rgb/image");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        int[] argb = ColorTexels.of(Image.fromRgb8(ColourRecording.RGB, 4, 3));
        byte[] expected = new byte[argb.length * 4];
        for (int i = 0; i < argb.length; i++) {
            expected[4 * i] = (byte) (argb[i] >> 16);
            expected[4 * i + 1] = (byte) (argb[i] >> 8);
            expected[4 * i + 2] = (byte) argb[i];
            expected[4 * i + 3] = (byte) (argb[i] >>> 24);
        }
        assertThat(r.bytes()).isEqualTo(expected);
        assertThat(r.header("X-Width")).isEqualTo("4");
        RawHttp.Response png = get("color", "/pngfile/image");
        assertThat(png.status()).as(png.body()).isEqualTo(200);
        ByteBuffer b = ByteBuffer.wrap(png.bytes());
        for (int i = 0; i < ColourRecording.ARGB.length; i++) {
            int rgba = b.getInt(4 * i);
            assertThat((rgba >>> 8) | (rgba << 24)).as("texel " + i).isEqualTo(ColourRecording.ARGB[i]);
        }
        Map<String, Object> image = entry((List<?>) scene().get("colorImages"), "/pngfile/image");
        assertThat(image.get("encoding")).isEqualTo("image/png");
        assertThat(image.get("effectiveDrawOrder")).isEqualTo(-10.0);
        assertThat(image.get("width")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void hoverOfAColourImageNamesTheTexelsColour() throws Exception {
        RawHttp.Response r = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec
                + "/hover?entity=/rgb/image&timeline=frame&time=0&x=1&y=2").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat((List<Object>) JSON.readValue(r.body(), Map.class).get("lines"))
                .containsExactly("Position: 1, 2", "RGB:  10,  20,  30, #0A141E");
        RawHttp.Response outside = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec
                + "/hover?entity=/rgb/image&timeline=frame&time=0&x=4&y=0").toString());
        assertThat((List<?>) JSON.readValue(outside.body(), Map.class).get("lines")).isEmpty();
    }
}
