package io.github.rerun4j.viewer.colour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.RgbdFixtures;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code EncodedImage} (PNG) colours a registered cloud as the raw Image would (the scene pairs it, the hover
 * names its texel's colour); one that does not decode leaves the colormap with a note, and the scene still loads.
 */
class EncodedRgbSourceApiTest {

    @TempDir
    Path dir;

    @Test
    void aPngColourSourceIsPairedAndItsTexelsShown() throws Exception {
        Map<?, ?> source = rgbSource(EncodedImage.png(png()), "/cam/depth", "&x=1&y=0", "Colour:   0, 255,   0, #00FF00 (/cam/rgb texel 1, 0)");
        assertThat(source.get("status")).isEqualTo("PAIRED");
        assertThat(source.get("fit")).isEqualTo("SAME_SIZE");
        assertThat(source.get("entity")).isEqualTo("/cam/rgb");
    }

    @Test
    void aBrokenPngLeavesTheColormapWithANote() throws Exception {
        EncodedImage broken = EncodedImage.png(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        Map<?, ?> source = rgbSource(broken, "/cam/depth", "&x=1&y=0", null);
        assertThat(source.get("status")).isEqualTo("UNDECODABLE");
        assertThat(source.get("imageUrl")).isNull();
        assertThat((String) source.get("note")).contains("does not decode").contains("EncodedImage.blob");
    }

    /** Logs the worked example with {@code colour} at /cam/rgb; checks the hover's last line ({@code null}: none). */
    private Map<?, ?> rgbSource(EncodedImage colour, String depth, String pixel, String colourLine) throws Exception {
        Path file = dir.resolve("encoded.rrd");
        try (RecordingStream rec = RecordingStream.builder("encoded_rgb_source").saveTo(file)) {
            rec.logStatic("cam", RgbdFixtures.pinhole());
            rec.setTimeSequence("frame", 0);
            rec.log("cam/rgb", colour);
            rec.log("cam/depth", DepthImage.fromU16(RgbdFixtures.depthMillimetres(), RgbdFixtures.W, RgbdFixtures.H)
                    .withMeter(1000));
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String api = "/api/recordings/" + viewer.hub().recordings().get(0).key();
            Map<?, ?> scene = json(viewer, api + "/scene?timeline=frame&time=0");
            Map<?, ?> source = (Map<?, ?>) ((Map<?, ?>) ((List<?>) scene.get("depthImages")).get(0)).get("rgbSource");
            List<?> lines = (List<?>) json(viewer, api + "/hover?entity=" + depth + "&timeline=frame&time=0&rgb=1" + pixel)
                    .get("lines");
            if (colourLine == null) {
                assertThat(lines).noneMatch(l -> l.toString().startsWith("Colour"));
            } else {
                assertThat(lines).last().isEqualTo(colourLine);
            }
            return source;
        }
    }

    private static byte[] png() throws Exception {
        byte[] rgb = RgbdFixtures.rgb();
        BufferedImage image = new BufferedImage(RgbdFixtures.W, RgbdFixtures.H, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < RgbdFixtures.W * RgbdFixtures.H; i++) {
            image.setRGB(i % RgbdFixtures.W, i / RgbdFixtures.W,
                    (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | rgb[3 * i + 2] & 0xFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Map<?, ?> json(Viewer viewer, String path) throws Exception {
        RawHttp.Response r = RawHttp.get(viewer.url().resolve(path).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readValue(r.body(), Map.class);
    }
}
