package io.github.rerun4j.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The worked example's table (next-archetypes §5.5): registered columns A (same size) and B (auto-fitted 8x6), and
 * column C (unregistered: a colour camera with the same Pinhole, 0.4 m to the right).
 */
class RgbCloudTest {

    static final short[] MM = {0, 1000, 1000, 2000, 1500, 0, 0, 1500, 500, 999, 1001, 0};
    static final byte[] RGB = HexFormat.of().parseHex("ff000000ff000000ffffffff000000808080ffff0000ffffff00ff0a141ec86432010203");
    static final PinholeCamera CAMERA = new PinholeCamera("/world/camera", Pinhole.fromFocalLengthAndResolution(2, 4, 3),
            ViewCoordinates.RDF, Affine3.IDENTITY);

    private static DepthCloud cloud() {
        DepthImage depth = EncodedDepth.asDepthImage(EncodedDepthImage.rvl(MM, 4, 3));
        return DepthCloud.of(depth, CAMERA, RenderOverrides.NONE);
    }

    private static String[] colours(int[] argb) {
        return Arrays.stream(argb).mapToObj(Argb::toHex).toArray(String[]::new);
    }

    @Test
    void offByDefaultTheCloudKeepsItsColormap() {
        DepthCloud plain = cloud();
        assertThat(colours(plain.argb())).contains("#3D2970").doesNotContain("#00FF00");
    }

    @Test
    void registeredSameSizeTakesTexelXY() {
        RgbCloud.Result r = RgbCloud.registered(cloud(), Image.fromRgb8(RGB, 4, 3));
        assertThat(r.fit()).isEqualTo(RgbCloud.Fit.SAME_SIZE);
        assertThat(r.coloured()).isEqualTo(8);
        // pixels (1,0) (2,0) (3,0) (0,1) (3,1) (0,2) (1,2) (2,2)
        assertThat(colours(r.cloud().argb())).containsExactly("#00FF00", "#0000FF", "#FFFFFF", "#000000", "#00FFFF",
                "#FF00FF", "#0A141E", "#C86432");
        assertThat(r.cloud().points()).isSameAs(r.cloud().points());
        assertThat(Arrays.stream(r.cloud().argb()).allMatch(p -> Argb.alpha(p) == 255)).isTrue();
    }

    @Test
    void registeredOtherSizeSameAspectIsAutoFitted() {
        byte[] rgb = new byte[8 * 6 * 3];
        for (int v = 0; v < 6; v++) {
            for (int u = 0; u < 8; u++) {
                int i = 3 * (v * 8 + u);
                rgb[i] = (byte) (30 * u);
                rgb[i + 1] = (byte) (40 * v);
                rgb[i + 2] = 100;
            }
        }
        RgbCloud.Result r = RgbCloud.registered(cloud(), Image.fromRgb8(rgb, 8, 6));
        assertThat(r.fit()).isEqualTo(RgbCloud.Fit.AUTO_FITTED);
        int[][] expected = {{90, 40}, {150, 40}, {210, 40}, {30, 120}, {210, 120}, {30, 200}, {90, 200}, {150, 200}};
        for (int i = 0; i < 8; i++) {
            int p = r.cloud().argb()[i];
            assertThat(new int[] {Argb.red(p), Argb.green(p), Argb.blue(p)}).as("point %d", i)
                    .containsExactly(expected[i][0], expected[i][1], 100);
        }
    }

    @Test
    void otherAspectIsTopLeftAlignedAndPointsOutsideKeepTheColormap() {
        DepthCloud plain = cloud();
        RgbCloud.Result r = RgbCloud.registered(plain, Image.fromRgb8(new byte[2 * 3 * 3], 2, 3)); // black, 2 columns
        assertThat(r.fit()).isEqualTo(RgbCloud.Fit.TOP_LEFT);
        assertThat(r.coloured()).as("x < 2 only: (1,0) (0,1) (0,2) (1,2)").isEqualTo(4);
        assertThat(r.cloud().argb()[1]).as("(2,0) outside: colormap").isEqualTo(plain.argb()[1]);
        assertThat(Argb.toHex(r.cloud().argb()[0])).isEqualTo("#000000");
    }

    private static final PinholeCamera COLOUR_CAMERA = new PinholeCamera("/world/rgb_cam",
            Pinhole.fromFocalLengthAndResolution(2, 4, 3), ViewCoordinates.RDF, Affine3.translation(0.4, 0, 0));

    @Test
    void unregisteredProjectsEachPointIntoTheColourCamera() {
        DepthCloud plain = cloud();
        RgbCloud.Result r = RgbCloud.unregistered(plain, Image.fromRgb8(RGB, 4, 3), COLOUR_CAMERA, false);
        assertThat(r.fit()).isEqualTo(RgbCloud.Fit.UNREGISTERED);
        assertThat(r.coloured()).as("(0,1) and (0,2) project left of the colour image").isEqualTo(6);
        String[] c = colours(r.cloud().argb());
        // pixels (1,0) (2,0) (3,0) (0,1) (3,1) (0,2) (1,2) (2,2) -> texels (0,0) (1,0) (3,0) out (2,1) out (0,2) (1,2)
        assertThat(c).containsExactly("#FF0000", "#00FF00", "#FFFFFF", Argb.toHex(plain.argb()[3]), "#FFFF00",
                Argb.toHex(plain.argb()[5]), "#FF00FF", "#0A141E");
        assertThat(r.cloud().points()).isSameAs(plain.points());
    }

    @Test
    void unregisteredWithTheDepthCamerasOwnPoseIsTheRegisteredResult() {
        RgbCloud.Result same = RgbCloud.unregistered(cloud(), Image.fromRgb8(RGB, 4, 3), CAMERA, false);
        RgbCloud.Result registered = RgbCloud.registered(cloud(), Image.fromRgb8(RGB, 4, 3));
        assertThat(same.cloud().argb()).containsExactly(registered.cloud().argb());
    }

    @Test
    void behindTheColourCameraAndOccludedPointsKeepTheColormap() {
        DepthCloud plain = cloud();
        PinholeCamera facingAway = new PinholeCamera("/world/back", Pinhole.fromFocalLengthAndResolution(2, 4, 3),
                ViewCoordinates.RDF, Affine3.translation(0, 0, 5));  // in front of every point, looking away
        assertThat(RgbCloud.unregistered(plain, Image.fromRgb8(RGB, 4, 3), facingAway, false).coloured()).isZero();

        // A camera far away with a tiny image: every point lands on one texel; only the nearest ones (z 0.5) keep it.
        PinholeCamera far = new PinholeCamera("/world/far", Pinhole.fromIntrinsics(0.001, 0.001, 0, 0, 1, 1),
                ViewCoordinates.RDF, Affine3.IDENTITY);
        byte[] red = {(byte) 255, 0, 0};
        RgbCloud.Result all = RgbCloud.unregistered(plain, Image.fromRgb8(red, 1, 1), far, false);
        RgbCloud.Result visible = RgbCloud.unregistered(plain, Image.fromRgb8(red, 1, 1), far, true);
        assertThat(all.coloured()).isEqualTo(8);
        assertThat(visible.coloured()).as("only pixel (0,2) at 0.5 m").isEqualTo(1);
        assertThat(Argb.toHex(visible.cloud().argb()[5])).isEqualTo("#FF0000");
        assertThat(visible.cloud().argb()[0]).isEqualTo(plain.argb()[0]);
    }
}
