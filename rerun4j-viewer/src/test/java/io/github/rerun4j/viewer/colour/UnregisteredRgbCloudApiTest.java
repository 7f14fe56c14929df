package io.github.rerun4j.viewer.colour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.RgbdFixtures;
import io.github.rerun4j.sdk.archetypes.DepthCloudColor;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unregistered pair (the worked example's column C: the colour camera 0.4 m to the right, under its own
 * Pinhole): the scene names it UNREGISTERED, the {@code /rgb-cloud} map the page draws gives every depth pixel
 * exactly the colour of render's {@link RgbCloud#unregistered} (the CLI's {@code --rgb-clouds}), and the hover of a
 * coloured point names its texel.
 */
class UnregisteredRgbCloudApiTest {

    @TempDir
    Path dir;

    @Test
    void thePagesColourMapIsTheReferencesColours() throws Exception {
        Path file = dir.resolve("unregistered.rrd");
        try (RecordingStream rec = RecordingStream.builder("viewer_unregistered").saveTo(file)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            rec.logStatic("world/rgb_cam", Transform3D.fromTranslation(0.4f, 0, 0));
            rec.logStatic("world/rgb_cam", RgbdFixtures.pinhole());
            rec.logStatic("world/camera/depth", DepthCloudColor.source("world/rgb_cam/rgb"));
            rec.setTimeSequence("frame", 0);
            rec.log("world/rgb_cam/rgb", RgbdFixtures.colour());
            rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
        }
        DepthCloud plain = plainCloud();
        PinholeCamera colourCamera = new PinholeCamera("/world/rgb_cam", RgbdFixtures.pinhole(), ViewCoordinates.RDF,
                Affine3.translation(0.4, 0, 0));
        RgbCloud.Result reference = RgbCloud.unregistered(plain, RgbdFixtures.colour(), colourCamera, false);
        assertThat(reference.coloured()).as("the example colours some points, not all").isBetween(1, plain.argb().length - 1);

        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String api = "/api/recordings/" + viewer.hub().recordings().get(0).key();
            Map<?, ?> source = rgbSource(viewer, api);
            assertThat(source.get("status")).isEqualTo("HINT_UNDER_ANOTHER_PINHOLE");
            assertThat(source.get("fit")).isEqualTo("UNREGISTERED");
            assertThat(source.get("entity")).isEqualTo("/world/rgb_cam/rgb");
            assertThat((String) source.get("note")).contains("unregistered");

            byte[] rgba = get(viewer, (String) source.get("imageUrl"));
            assertThat(rgba).hasSize(4 * RgbdFixtures.W * RgbdFixtures.H);
            int[] pixel = plain.points().pixelIndex();
            int[] expected = reference.cloud().argb();
            for (int i = 0; i < pixel.length; i++) {
                int at = 4 * pixel[i];
                boolean coloured = expected[i] != plain.argb()[i];
                assertThat(rgba[at + 3] & 0xFF).as("point %d (pixel %d) coloured", i, pixel[i]).isEqualTo(coloured ? 255 : 0);
                if (coloured) {
                    int rgb = (rgba[at] & 0xFF) << 16 | (rgba[at + 1] & 0xFF) << 8 | rgba[at + 2] & 0xFF;
                    assertThat(rgb).as("point %d colour", i).isEqualTo(expected[i] & 0xFFFFFF);
                }
            }

            String hover = api + "/hover?entity=/world/camera/depth&timeline=frame&time=0&rgb=1";
            assertThat((List<?>) json(viewer, hover + "&x=1&y=0").get("lines")).last()
                    .isEqualTo("Colour: 255,   0,   0, #FF0000 (/world/rgb_cam/rgb texel 0, 0)");
            assertThat((List<?>) json(viewer, hover + "&x=0&y=1").get("lines")).last()
                    .as("(0,1) projects left of the colour image").isEqualTo("Colour: colormap (outside colour image)");
        }
    }

    /**
     * A colour camera far away with a one-texel image: every point lands on that texel. Without the occlusion test
     * all take its colour; with it ({@code occlusion=1}, the page's "occlusion" box) only the nearest do, the others
     * keep the colormap and their hover says why; both maps are render's own result point for point.
     */
    @Test
    void theOcclusionTestLeavesPointsHiddenFromTheColourCameraInTheColormap() throws Exception {
        Pinhole tiny = Pinhole.fromIntrinsics(0.001, 0.001, 0, 0, 1, 1);
        Image red = Image.fromRgb8(new byte[] {(byte) 255, 0, 0}, 1, 1);
        Path file = dir.resolve("occlusion.rrd");
        try (RecordingStream rec = RecordingStream.builder("viewer_occlusion").saveTo(file)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            rec.logStatic("world/far", tiny);
            rec.logStatic("world/camera/depth", DepthCloudColor.source("world/far/rgb"));
            rec.setTimeSequence("frame", 0);
            rec.log("world/far/rgb", red);
            rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
        }
        DepthCloud plain = plainCloud();
        PinholeCamera far = new PinholeCamera("/world/far", tiny, ViewCoordinates.RDF, Affine3.IDENTITY);
        RgbCloud.Result all = RgbCloud.unregistered(plain, red, far, false);
        RgbCloud.Result visible = RgbCloud.unregistered(plain, red, far, true);
        assertThat(visible.coloured()).as("the test hides some points").isBetween(1, all.coloured() - 1);

        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String api = "/api/recordings/" + viewer.hub().recordings().get(0).key();
            Map<?, ?> source = rgbSource(viewer, api);
            assertThat(source.get("fit")).isEqualTo("UNREGISTERED");
            String url = (String) source.get("imageUrl");
            byte[] without = get(viewer, url);
            byte[] with = get(viewer, url + "&occlusion=1");
            int hidden = -1;
            int[] pixel = plain.points().pixelIndex();
            for (int i = 0; i < pixel.length; i++) {
                int at = 4 * pixel[i];
                assertThat(without[at + 3] & 0xFF).as("point %d without the test", i).isEqualTo(255);
                boolean shown = visible.cloud().argb()[i] != plain.argb()[i];
                assertThat(with[at + 3] & 0xFF).as("point %d with the test", i).isEqualTo(shown ? 255 : 0);
                if (!shown) {
                    hidden = pixel[i];
                }
            }
            assertThat(RawHttp.get(viewer.url().resolve(url + "&occlusion=yes").toString()).status()).isEqualTo(400);

            String hover = api + "/hover?entity=/world/camera/depth&timeline=frame&time=0&rgb=1&x=" + hidden % RgbdFixtures.W
                    + "&y=" + hidden / RgbdFixtures.W;
            assertThat((List<?>) json(viewer, hover).get("lines")).last()
                    .isEqualTo("Colour: 255,   0,   0, #FF0000 (/world/far/rgb texel 0, 0)");
            assertThat((List<?>) json(viewer, hover + "&occlusion=1").get("lines")).last()
                    .isEqualTo("Colour: colormap (hidden from the colour camera by nearer points)");
        }
    }

    /** The depth camera's cloud of the fixture's RVL depth, in colormap colours: what colouring starts from. */
    private static DepthCloud plainCloud() {
        DepthImage depth = EncodedDepth.asDepthImage(RgbdFixtures.rvlDepth());
        return DepthCloud.of(depth, new PinholeCamera("/world/camera", RgbdFixtures.pinhole(), ViewCoordinates.RDF,
                Affine3.IDENTITY), RenderOverrides.NONE);
    }

    /** The {@code rgbSource} of the scene's only depth image at frame 0. */
    private static Map<?, ?> rgbSource(Viewer viewer, String api) throws Exception {
        Map<?, ?> scene = json(viewer, api + "/scene?timeline=frame&time=0");
        return (Map<?, ?>) ((Map<?, ?>) ((List<?>) scene.get("depthImages")).get(0)).get("rgbSource");
    }

    private static byte[] get(Viewer viewer, String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(viewer.url().resolve(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static Map<?, ?> json(Viewer viewer, String path) throws Exception {
        RawHttp.Response r = RawHttp.get(viewer.url().resolve(path).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readValue(r.body(), Map.class);
    }
}
