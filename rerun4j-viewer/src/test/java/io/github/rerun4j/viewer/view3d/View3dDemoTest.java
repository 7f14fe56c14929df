package io.github.rerun4j.viewer.view3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.viewer.view3d.View3dPage.Pixels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The depth_image_3d snippet in the 3D view (docs/semantics.md §8.2, §8.3): 60 000 points back-projected on the
 * GPU, in the three Viridis colors, framed from Rerun's default eye, with the frustum drawn and hover giving
 * the reference position and depth. One page for all checks (Chromium starts slowly).
 */
class View3dDemoTest {

    static final String DEPTH = "/world/camera/depth";
    static final int FAR_YELLOW = 0xFCE721;   // background, z = 6.5535
    static final int SQUARE_BLUE = 0x35618E;  // square, z = 2
    static final int BAR_GREEN = 0x3DBB74;    // bar, z = 4.5
    static final int FRUSTUM_GRAY = 0x9F9F9F;

    @TempDir
    static Path dir;
    static View3dPage page;

    @BeforeAll
    static void openDemo() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        page = View3dPage.open(file);
    }

    @AfterAll
    static void close() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void drawsEveryPixelAsAPoint() {
        assertThat(page.pointCount()).isEqualTo(60_000);
        assertThat(page.gpuPointCount()).isEqualTo(60_000);
        assertThat(page.browser().consoleErrors()).isEmpty();
    }

    @Test
    void pointsHaveTheViridisColorsOfTheirDepth() {
        Pixels pixels = page.readPixels();
        page.browser().screenshot("view3d-demo");
        long total = (long) pixels.width() * pixels.height();
        long yellow = pixels.count(FAR_YELLOW, 2);
        long blue = pixels.count(SQUARE_BLUE, 2);
        long green = pixels.count(BAR_GREEN, 2);
        System.out.printf("view3d demo: %dx%d, yellow %d, blue %d, green %d%n", pixels.width(), pixels.height(),
                yellow, blue, green);
        // Plausible amounts: the far plane is the largest, then the 100x100 square, then the 180x50 bar (the
        // square covers 1 m x 1 m, the bar 2 m x 0.56 m, the plane 9.8 m x 6.5 m).
        assertThat(yellow).isGreaterThan(total / 50);
        assertThat(blue).isGreaterThan(total / 1000);
        assertThat(green).isGreaterThan(total / 1000);
        assertThat(yellow).isGreaterThan(blue);
        assertThat(page.browser().consoleErrors()).isEmpty();
    }

    @Test
    void initialEyeIsRerunsDefaultEyeOnTheSceneBox() {
        Camera3D expected = page.referenceEye();
        Map<String, Object> camera = page.camera();
        double[] eye = View3dPage.doubles(camera.get("position"));
        double[] target = View3dPage.doubles(camera.get("target"));
        assertThat(eye[0]).isCloseTo(expected.eye().x(), within(1e-6));
        assertThat(eye[1]).isCloseTo(expected.eye().y(), within(1e-6));
        assertThat(eye[2]).isCloseTo(expected.eye().z(), within(1e-6));
        assertThat(target[0]).isCloseTo(expected.target().x(), within(1e-6));
        assertThat(target[2]).isCloseTo(expected.target().z(), within(1e-6));
        assertThat(((Number) camera.get("fovY")).doubleValue()).isEqualTo(55.0);
        assertThat(View3dPage.doubles(camera.get("up"))).containsExactly(0, 0, 1);
    }

    @Test
    void frustumIsDrawnInGrayAtTheCamera() {
        double[] origin = page.canvasPositionOf(0, 0, 0);
        Pixels pixels = page.readPixels();
        int x = (int) origin[0];
        int y = (int) origin[1];
        long near = pixels.count(FRUSTUM_GRAY, 2, x - 40, y - 40, x + 40, y + 40);
        long everywhere = pixels.count(FRUSTUM_GRAY, 2);
        System.out.printf("view3d frustum: %d gray pixels within 40 px of the camera, %d in all%n", near, everywhere);
        assertThat(near).isGreaterThan(20);
        assertThat(near).isEqualTo(everywhere); // nothing else is frustum gray
    }

    @Test
    void hoverShowsThePixelItsWorldPositionAndDepth() {
        double[] screen = page.canvasPositionOf(1.125, 1.125, 4.5); // pixel (200, 150) of the bar
        Map<String, Object> picked = page.pick(screen[0], screen[1]);
        assertThat(picked).containsEntry("entity", DEPTH);
        double[] mouse = page.moveMouseTo(screen[0], screen[1]);
        page.browser().waitFor("the hover answer", () -> Boolean.TRUE.equals(
                page.js("const h = " + View3dPage.VIEW + ".lastHover; return !!h && !!h.world")));
        Map<String, Object> hover = page.browser().jsMap("return " + View3dPage.VIEW + ".lastHover");
        page.browser().screenshot("view3d-hover");
        int px = ((Number) hover.get("x")).intValue();
        int py = ((Number) hover.get("y")).intValue();
        double[] world = View3dPage.doubles(hover.get("world"));
        // The server's world position is the reference back-projection of the pixel the GPU reported ...
        assertThat(world[0]).isCloseTo((px - 150) * 4.5 / 200, within(1e-5));
        assertThat(world[1]).isCloseTo((py - 100) * 4.5 / 200, within(1e-5));
        assertThat(world[2]).isCloseTo(4.5, within(1e-6));
        // ... and that point is drawn under the cursor: the bar is seen almost edge-on from the default eye,
        // so one screen pixel spans several image rows, but the hit's centre must be within its own drawn
        // radius (under a pixel here; points are at least 1 px) of where the cursor is.
        double[] hitOnScreen = page.canvasPositionOf(world[0], world[1], world[2]);
        assertThat(Math.hypot(hitOnScreen[0] - mouse[0] - 0.5, hitOnScreen[1] - mouse[1] - 0.5)).isLessThan(1.5);
        assertThat(world[0]).isCloseTo(1.125, within(0.25));
        assertThat(world[1]).isCloseTo(1.125, within(0.25));
        assertThat(hover.get("lines").toString()).contains("Depth: 4.500 m");
        String tooltip = (String) page.js("return document.querySelector('[data-view=\"3d\"] .tooltip').textContent");
        assertThat(tooltip).contains(DEPTH).contains("Depth: 4.500 m").contains("World: (");
        // §5.6: the same tooltip as in 2D, zoom included; the centre cell is the picked bar texel's color.
        String zoom = "document.querySelector('[data-view=\"3d\"] .tooltip .hover-zoom')";
        String texel = DEPTH + " " + px + " " + py;
        page.browser().waitFor("the zoom of " + texel, () -> texel.equals(
                page.js("return " + zoom + ".hidden ? null : " + zoom + ".dataset.texel")));
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) page.js("const z = " + zoom + "; const m = Math.floor(z.width / 2);"
                + "return [...z.getContext('2d').getImageData(m, m, 1, 1).data]");
        assertThat(centre.get(0).intValue()).isCloseTo(0x3D, within(1));
        assertThat(centre.get(1).intValue()).isCloseTo(0xBB, within(1));
        assertThat(centre.get(2).intValue()).isCloseTo(0x74, within(1));
        assertThat(centre.get(3).intValue()).isEqualTo(255);
        assertThat(page.browser().consoleErrors()).isEmpty();
    }
}
