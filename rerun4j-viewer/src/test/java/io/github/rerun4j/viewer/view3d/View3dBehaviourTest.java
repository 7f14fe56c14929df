package io.github.rerun4j.viewer.view3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.viewer.view3d.View3dPage.Pixels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 3D view with recordings written for it: holes, a moving camera, overrides. */
class View3dBehaviourTest {

    static final int BAR_GREEN = 0x3DBB74;
    static final int FAR_YELLOW = 0xFCE721;
    /** Looking at the demo's bar head-on from 1 m in front of it, image-up as up. */
    static final double[] NEAR_BAR_EYE = {1.125, 1.125, 3.5};
    static final double[] BAR_POINT = {1.125, 1.125, 4.5}; // pixel (200, 150)
    static final double[] IMAGE_UP = {0, -1, 0};

    @TempDir
    Path dir;

    @Test
    void holesAreNotDrawnAndTheCountMatchesTheReference() throws Exception {
        int w = 64;
        int h = 48;
        float[] depth = new float[w * h];
        float[] specials = {0f, Float.NaN, -1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 1e-45f};
        for (int i = 0; i < depth.length; i++) {
            depth[i] = i % 5 == 0 ? specials[(i / 5) % specials.length] : 1f + (i % 7) * 0.25f;
        }
        Pinhole pinhole = Pinhole.fromFocalLengthAndResolution(50, w, h);
        DepthImage image = DepthImage.fromF32(depth, w, h).withMeter(1);
        Path file = dir.resolve("holes.rrd");
        try (RecordingStream rec = RecordingStream.builder("holes").saveTo(file)) {
            rec.log("cam", pinhole);
            rec.log("cam/depth", image);
        }
        int reference = BackProjection.project(image, pinhole, Affine3.IDENTITY).count();
        int subnormal = 0;
        for (float v : depth) {
            subnormal += v == 1e-45f ? 1 : 0;
        }
        // The one known difference: a subnormal depth (1e-45 m) is a point for the Java reference, but GPUs
        // may flush it to zero (SwiftShader does), so the view treats it as zero on every GPU.
        int expected = reference - subnormal;
        assertThat(subnormal).isPositive();
        assertThat(expected).isLessThan(w * h).isGreaterThan(w * h * 3 / 4);
        try (View3dPage page = View3dPage.open(file)) {
            assertThat(page.pointCount()).isEqualTo(expected);
            assertThat(page.gpuPointCount()).isEqualTo(expected);
            page.browser().screenshot("view3d-holes");
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    @Test
    void transformOnTheCameraMovesTheCloudAndKeepsTheUsersCamera() throws Exception {
        Path file = dir.resolve("moving.rrd");
        try (RecordingStream rec = RecordingStream.builder("moving").defaultTimelines(false).saveTo(file)) {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(200, 300, 200));
            rec.logStatic("world/camera/depth", demoDepth().withColormap(Colormap.VIRIDIS));
            rec.setTimeSequence("frame", 0);
            rec.log("world/camera", Transform3D.fromTranslation(0, 0, 0));
            rec.setTimeSequence("frame", 1);
            rec.log("world/camera", Transform3D.fromTranslation(2, 0, 0));
        }
        try (View3dPage page = View3dPage.open(file)) {
            page.setTime("frame", 0);
            page.lookAt(new double[] {3.125, 1.125, 1.5}, new double[] {2.125, 1.125, 4.5}, IMAGE_UP, 55);
            double[] before = page.canvasPositionOf(BAR_POINT[0], BAR_POINT[1], BAR_POINT[2]);
            assertPicked(page.pick(before[0], before[1]), 200, 150);
            Object eye = page.camera().get("position");

            page.setTime("frame", 1);
            assertThat(page.camera().get("position")).isEqualTo(eye); // not re-framed by an update
            double[] moved = page.canvasPositionOf(BAR_POINT[0] + 2, BAR_POINT[1], BAR_POINT[2]);
            assertThat(moved[0] - before[0]).isGreaterThan(50);
            assertPicked(page.pick(moved[0], moved[1]), 200, 150);
            Map<String, Object> atOldPlace = page.pick(before[0], before[1]);
            assertThat(atOldPlace == null || Math.abs(((Number) atOldPlace.get("x")).intValue() - 200) > 10).isTrue();
            page.browser().screenshot("view3d-moved");

            page.doubleClickCanvas(); // back to the default eye, on the box of the scene shown now
            page.browser().waitFor("the camera re-framed", () -> !page.camera().get("position").equals(eye));
            double[] framed = View3dPage.doubles(page.camera().get("position"));
            assertThat(framed[0]).isCloseTo(page.referenceEye().eye().x(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(framed[1]).isCloseTo(page.referenceEye().eye().y(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    @Test
    void aSceneBoxThatChangesALotIsReframedUntilTheUserMovesTheCamera() throws Exception {
        Path file = dir.resolve("growing.rrd");
        try (RecordingStream rec = RecordingStream.builder("growing").defaultTimelines(false).saveTo(file)) {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(200, 300, 200));
            rec.setTimeSequence("frame", 0);
            rec.log("world/camera/depth", demoDepth().withMeter(10_000)); // 2 to 6.5 m
            rec.setTimeSequence("frame", 1);
            rec.log("world/camera/depth", demoDepth().withMeter(1_000)); // ten times farther
        }
        try (View3dPage page = View3dPage.open(file)) {
            page.setTime("frame", 0);
            assertFramedOnTheSceneShown(page); // shrunk ten times: framed again

            page.setTime("frame", 1);
            assertFramedOnTheSceneShown(page);
            page.browser().screenshot("view3d-reframed");

            page.lookAt(NEAR_BAR_EYE, BAR_POINT, IMAGE_UP, 55); // the user's camera from now on
            Object eye = page.camera().get("position");
            page.setTime("frame", 0);
            assertThat(page.camera().get("position")).isEqualTo(eye);
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    private static void assertFramedOnTheSceneShown(View3dPage page) {
        Camera3D expected = page.referenceEye();
        page.browser().waitFor("the camera framed on the scene shown", () -> {
            double[] eye = View3dPage.doubles(page.camera().get("position"));
            return Math.abs(eye[0] - expected.eye().x()) < 1e-6 && Math.abs(eye[1] - expected.eye().y()) < 1e-6
                    && Math.abs(eye[2] - expected.eye().z()) < 1e-6;
        });
    }

    @Test
    void fillRatioOverrideChangesThePointSize() throws Exception {
        try (View3dPage page = View3dPage.open(demo())) {
            page.lookAt(NEAR_BAR_EYE, BAR_POINT, IMAGE_UP, 55);
            long full = page.readPixels().count(BAR_GREEN, 2);
            page.setOverride("/world/camera/depth", "{\"fillRatio\": 0.3}");
            Pixels small = page.readPixels();
            page.browser().screenshot("view3d-fill-0.3");
            long reduced = small.count(BAR_GREEN, 2);
            page.setOverride("/world/camera/depth", "{\"fillRatio\": null}");
            long restored = page.readPixels().count(BAR_GREEN, 2);
            System.out.printf("view3d fill ratio: green pixels %d at 1.0, %d at 0.3, %d restored%n", full, reduced, restored);
            // Disc area scales with the square of the radius: 0.3^2 of the full overlap coverage, roughly.
            assertThat(reduced).isLessThan(full / 3);
            assertThat(reduced).isGreaterThan(0);
            assertThat(restored).isEqualTo(full);
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    @Test
    void gpuPointsSitWhereTheReferenceBackProjectsThem() throws Exception {
        PointCloud reference = BackProjection.project(demoDepth().withColormap(Colormap.VIRIDIS),
                Pinhole.fromFocalLengthAndResolution(200, 300, 200), Affine3.IDENTITY);
        try (View3dPage page = View3dPage.open(demo())) {
            // Small points seen from 1 m: 6 px apart on screen, 2.4 px wide, gaps between them.
            page.setOverride("/world/camera/depth", "{\"fillRatio\": 0.2}");
            page.lookAt(NEAR_BAR_EYE, BAR_POINT, IMAGE_UP, 55);
            for (int[] pixel : new int[][] {{200, 150}, {190, 145}, {211, 163}, {185, 131}}) {
                int i = pixel[1] * 300 + pixel[0];
                float[] xyz = reference.xyz();
                int k = java.util.Arrays.binarySearch(reference.pixelIndex(), i);
                double[] centre = page.canvasPositionOf(xyz[3 * k], xyz[3 * k + 1], xyz[3 * k + 2]);
                assertThat(page.pick(centre[0], centre[1])).as("pixel %s at its reference position", pixel[0] + "," + pixel[1])
                        .containsEntry("x", (long) pixel[0]).containsEntry("y", (long) pixel[1]);
                // Half a pixel pitch (0.0113 m) off is in the gap: a +0.5 offset in the shader would show here.
                double[] halfPitch = page.canvasPositionOf(xyz[3 * k] + 0.0225 / 2, xyz[3 * k + 1] + 0.0225 / 2, xyz[3 * k + 2]);
                assertThat(page.pick(halfPitch[0], halfPitch[1])).as("half a pitch from pixel %s", pixel[0] + "," + pixel[1]).isNull();
            }
            page.browser().screenshot("view3d-near-bar");
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    @Test
    void colormapOverrideRecolorsLive() throws Exception {
        try (View3dPage page = View3dPage.open(demo())) {
            assertThat(page.readPixels().count(FAR_YELLOW, 2)).isGreaterThan(500);
            page.setOverride("/world/camera/depth", "{\"colormap\": \"Turbo\"}");
            Pixels turbo = page.readPixels();
            assertThat(turbo.count(FAR_YELLOW, 2)).isZero();
            assertThat(turbo.count(BAR_GREEN, 2)).isZero();
            assertThat(page.pointCount()).isEqualTo(60_000);
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    @Test
    void aRootViewCoordinatesSetsTheEyeAndTheGridUp() throws Exception {
        Path file = dir.resolve("rdf-root.rrd");
        try (RecordingStream rec = RecordingStream.builder("rdf_root").saveTo(file)) {
            rec.logStatic("/", ViewCoordinates.RDF); // the scene's Y points down, Z forward
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(200, 300, 200));
            rec.log("world/camera/depth", demoDepth());
        }
        try (View3dPage page = View3dPage.open(file)) {
            Map<String, Object> camera = page.camera();
            assertThat(View3dPage.doubles(camera.get("up"))).containsExactly(0, -1, 0);
            Camera3D expected = page.referenceEye();
            double[] eye = View3dPage.doubles(camera.get("position"));
            assertThat(eye[0]).isCloseTo(expected.eye().x(), within(1e-6));
            assertThat(eye[1]).isCloseTo(expected.eye().y(), within(1e-6));
            assertThat(eye[2]).isCloseTo(expected.eye().z(), within(1e-6));
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    private Path demo() {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        return file;
    }

    /** The snippet's image: far plane 65535, square 20000 (rows and columns 50..149), bar 45000 (rows 130..179, columns 100..279). */
    static DepthImage demoDepth() {
        short[] depth = new short[300 * 200];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                boolean square = y >= 50 && y < 150 && x >= 50 && x < 150;
                boolean bar = y >= 130 && y < 180 && x >= 100 && x < 280;
                depth[y * 300 + x] = (short) (bar ? 45000 : square ? 20000 : 65535);
            }
        }
        return DepthImage.fromU16(depth, 300, 200).withMeter(10_000);
    }

    private static void assertPicked(Map<String, Object> picked, int x, int y) {
        assertThat(picked).as("a cloud pixel under the cursor").isNotNull();
        // Neighbours overlap at fill ratio 1 and are at the same depth, so an adjacent one may be on top.
        assertThat(Math.abs(((Number) picked.get("x")).intValue() - x)).isLessThanOrEqualTo(1);
        assertThat(Math.abs(((Number) picked.get("y")).intValue() - y)).isLessThanOrEqualTo(1);
    }
}
