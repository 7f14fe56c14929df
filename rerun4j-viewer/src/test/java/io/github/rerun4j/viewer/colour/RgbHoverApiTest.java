package io.github.rerun4j.viewer.colour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.RgbdFixtures;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hover of a point of an RGB-coloured cloud ({@code rgb=1}, what the page asks when it draws the cloud in its
 * colour image's colours): the depth lines plus the colour line of the texel the point takes.
 */
class RgbHoverApiTest {

    @TempDir
    Path dir;

    @Test
    void aColouredPointsHoverNamesItsTexelAndColour() throws Exception {
        Path file = dir.resolve("rgbd.rrd");
        try (RecordingStream rec = RecordingStream.builder("rgb_hover").saveTo(file)) {
            rec.logStatic("cam", RgbdFixtures.pinhole());
            rec.setTimeSequence("frame", 0);
            rec.log("cam/rgb", RgbdFixtures.colour());
            rec.log("cam/depth", DepthImage.fromU16(RgbdFixtures.depthMillimetres(), RgbdFixtures.W, RgbdFixtures.H)
                    .withMeter(1000));
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String base = "/api/recordings/" + viewer.hub().recordings().get(0).key()
                    + "/hover?entity=/cam/depth&timeline=frame&time=0";

            List<?> coloured = lines(viewer, base + "&x=1&y=0&rgb=1");
            List<?> plain = lines(viewer, base + "&x=1&y=0");
            List<?> invalid = lines(viewer, base + "&x=0&y=0&rgb=1");  // depth 0: no point, no colour

            assertThat(coloured).last().isEqualTo("Colour:   0, 255,   0, #00FF00 (/cam/rgb texel 1, 0)");
            assertThat(coloured.subList(0, coloured.size() - 1)).isEqualTo(plain);
            assertThat(plain).noneMatch(l -> l.toString().startsWith("Colour"));
            assertThat(invalid).noneMatch(l -> l.toString().startsWith("Colour"));
        }
    }

    private static List<?> lines(Viewer viewer, String path) throws Exception {
        RawHttp.Response r = RawHttp.get(viewer.url().resolve(path).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (List<?>) new ObjectMapper().readValue(r.body(), Map.class).get("lines");
    }
}
