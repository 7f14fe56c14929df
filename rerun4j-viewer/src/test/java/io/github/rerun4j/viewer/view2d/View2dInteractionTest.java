package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.examples.DepthImageSimple;
import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.render.image.HoverText;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/** The 2D view under a real mouse: hover readout, wheel zoom around the cursor, drag pan, double-click fit. */
class View2dInteractionTest {

    private static final String CAMERA_DEPTH = "/world/camera/depth";

    @TempDir
    Path dir;

    @Test
    void hoveringAPixelShowsTheReferenceHoverText() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        DepthImage image = TestImages.snippet(); // the pixels and meter DepthImage3d logs
        try (View2dPage page = View2dPage.open(file)) {
            page.waitUntilReady(CAMERA_DEPTH);
            ScreenPixels screen = ScreenPixels.capture(page.browser, CAMERA_DEPTH);

            // Sweep over a few texels without resting: only the last one may be answered and shown.
            new Actions(page.browser.driver())
                    .moveToLocation(centreX(screen, 20), centreY(screen, 20))
                    .moveToLocation(centreX(screen, 120), centreY(screen, 90))
                    .moveToLocation(centreX(screen, 200), centreY(screen, 150))
                    .perform();
            Map<String, Object> hover = waitForHover(page, 200, 150);

            List<String> expected = HoverText.forPixel(image, 200, 150).lines();
            assertThat(expected).containsExactly("Position: 200, 150", "Depth: 4.500 m", "Val: 45\u2009000");
            assertThat(hover.get("lines")).isEqualTo(expected);
            assertThat(hover.get("entity")).isEqualTo(CAMERA_DEPTH);
            assertThat(tooltipText(page)).isEqualTo(CAMERA_DEPTH + "\n" + String.join("\n", expected));
            Map<String, Object> outline = page.browser.jsMap("const o = document.querySelector("
                    + "'[data-view=\"2d:" + CAMERA_DEPTH + "\"] .body > div[style*=\"border\"]');"
                    + "const r = o.getBoundingClientRect(); return {hidden: o.hidden, left: r.left, top: r.top, width: r.width};");
            assertThat(outline.get("hidden")).isEqualTo(false);
            assertThat(((Number) outline.get("left")).doubleValue()).isCloseTo(screen.toScreenX(200) - 1, within(0.01));
            assertThat(((Number) outline.get("top")).doubleValue()).isCloseTo(screen.toScreenY(150) - 1, within(0.01));
            assertThat(((Number) outline.get("width")).doubleValue()).isCloseTo(screen.scale() + 2, within(0.01));
            page.browser.screenshot("view2d-hover");

            // The square, then off the image: the tooltip goes away.
            new Actions(page.browser.driver()).moveToLocation(centreX(screen, 100), centreY(screen, 100)).perform();
            assertThat(waitForHover(page, 100, 100).get("lines"))
                    .isEqualTo(HoverText.forPixel(image, 100, 100).lines());
            int outsideY = (int) Math.floor(screen.toScreenY(0)) - 2;
            assertThat(outsideY).as("the fitted image leaves a margin above it").isGreaterThan((int) screen.canvasTop());
            new Actions(page.browser.driver()).moveToLocation(centreX(screen, 100), outsideY).perform();
            page.browser.waitFor("the tooltip to hide", () -> Boolean.TRUE.equals(page.browser.js(
                    "return " + View2dPage.view(CAMERA_DEPTH) + ".lastHover === null && "
                            + "document.querySelector('[data-view=\"2d:" + CAMERA_DEPTH + "\"] .tooltip').hidden")));
            assertThat(page.browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void wheelZoomsAroundTheCursorDragPansAndDoubleClickFitsAgain() throws Exception {
        Path file = dir.resolve("depth_image_simple.rrd");
        DepthImageSimple.write(file);
        int[] reference = DepthImageRenderer2D.render(TestImages.snippet());
        try (View2dPage page = View2dPage.open(file)) {
            page.waitUntilReady("/depth");
            Browser browser = page.browser;
            ScreenPixels fitted = ScreenPixels.capture(browser, "/depth");
            assertThat(fitted.fitted()).isTrue();
            assertThat(fitted.scale()).isCloseTo(Math.min(fitted.canvasWidth() / 300, fitted.canvasHeight() / 200),
                    within(1e-9));
            assertThat(drawnMismatches(fitted, reference)).isEmpty();
            // Left of the square (x < 50): background before zooming.
            int probeX = centreX(fitted, 40);
            int probeY = centreY(fitted, 100);
            assertThat(Argb.toHex(fitted.at(probeX, probeY))).isEqualTo("#900D00");

            WebElement canvas = (WebElement) browser.js("return " + View2dPage.view("/depth") + ".canvas");
            int cursorX = centreX(fitted, 100);
            int cursorY = centreY(fitted, 100);
            new Actions(browser.driver()).moveToLocation(cursorX, cursorY)
                    .scrollFromOrigin(WheelInput.ScrollOrigin.fromViewport(cursorX, cursorY), 0, -600).perform();
            moveMouseAway(browser);
            browser.waitFor("the zoom", () -> !Boolean.TRUE.equals(browser.js(
                    "return " + View2dPage.view("/depth") + ".camera.fitted")));
            ScreenPixels zoomed = ScreenPixels.capture(browser, "/depth");
            assertThat(zoomed.scale()).isGreaterThan(fitted.scale() * 1.5);
            // The space point under the cursor stays put (the wheel event's clientX/Y are integers).
            assertThat(zoomed.toSpaceX(cursorX)).isCloseTo(fitted.toSpaceX(cursorX), within(1e-6));
            assertThat(zoomed.toSpaceY(cursorY)).isCloseTo(fitted.toSpaceY(cursorY), within(1e-6));
            assertThat(Argb.toHex(zoomed.at(probeX, probeY))).as("zoomed in on the square").isEqualTo("#28DAC0");
            assertThat(drawnMismatches(zoomed, reference)).isEmpty();
            browser.screenshot("view2d-zoomed");

            new Actions(browser.driver()).moveToLocation(cursorX, cursorY).clickAndHold()
                    .moveByOffset(-60, -40).release().perform();
            moveMouseAway(browser);
            ScreenPixels panned = ScreenPixels.capture(browser, "/depth");
            assertThat(panned.offsetX()).isCloseTo(zoomed.offsetX() - 60, within(1e-9));
            assertThat(panned.offsetY()).isCloseTo(zoomed.offsetY() - 40, within(1e-9));
            assertThat(panned.canvasPixels()).isNotEqualTo(zoomed.canvasPixels());
            assertThat(drawnMismatches(panned, reference)).isEmpty();
            browser.screenshot("view2d-panned");

            new Actions(browser.driver()).doubleClick(canvas).perform();
            moveMouseAway(browser);
            browser.waitFor("the fit", () -> Boolean.TRUE.equals(browser.js(
                    "return " + View2dPage.view("/depth") + ".camera.fitted")));
            ScreenPixels refitted = ScreenPixels.capture(browser, "/depth");
            assertThat(refitted.scale()).isEqualTo(fitted.scale());
            assertThat(refitted.canvasPixels()).isEqualTo(fitted.canvasPixels());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /**
     * Samples a grid over the canvas and checks each point shows what the camera says is there: the
     * reference color of the texel (points near a color edge are skipped) or the black view background.
     */
    private static List<String> drawnMismatches(ScreenPixels screen, int[] reference) {
        List<String> mismatches = new ArrayList<>();
        for (int gy = 1; gy < 12; gy++) {
            for (int gx = 1; gx < 16; gx++) {
                int x = (int) (screen.canvasLeft() + screen.canvasWidth() * gx / 16);
                int y = (int) (screen.canvasTop() + screen.canvasHeight() * gy / 12);
                double sx = screen.toSpaceX(x + 0.5);
                double sy = screen.toSpaceY(y + 0.5);
                int expected;
                if (sx < -1 || sy < -1 || sx > 301 || sy > 201) {
                    expected = 0xFF000000;
                } else if (sx < 1 || sy < 1 || sx > 299 || sy > 199 || !uniformAround(reference, sx, sy)) {
                    continue;
                } else {
                    expected = reference[(int) sy * 300 + (int) sx];
                }
                int got = screen.at(x, y);
                if (PixelComparison.deviation(got | 0xFF000000, expected) > 1) {
                    mismatches.add("(" + x + ", " + y + ") texel (" + sx + ", " + sy + "): " + Argb.toHex(got)
                            + " expected " + Argb.toHex(expected));
                }
            }
        }
        return mismatches;
    }

    private static boolean uniformAround(int[] reference, double sx, double sy) {
        int c = reference[(int) sy * 300 + (int) sx];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (reference[((int) sy + dy) * 300 + (int) sx + dx] != c) {
                    return false;
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> waitForHover(View2dPage page, int x, int y) {
        String hover = View2dPage.view(CAMERA_DEPTH) + ".lastHover";
        page.browser.waitFor("the hover answer for (" + x + ", " + y + "), last was "
                + page.browser.js("return JSON.stringify([" + hover + ", " + View2dPage.view(CAMERA_DEPTH) + ".camera])"),
                () -> Boolean.TRUE.equals(page.browser.js(
                "const h = " + hover + "; return !!h && h.x === arguments[0] && h.y === arguments[1]", x, y)));
        return (Map<String, Object>) page.browser.js("return " + hover);
    }

    private static String tooltipText(View2dPage page) {
        return (String) page.browser.js("return document.querySelector('[data-view=\"2d:" + CAMERA_DEPTH
                + "\"] .tooltip').textContent");
    }

    /** The integer viewport position (where pointer events land) nearest the centre of texel column x. */
    private static int centreX(ScreenPixels screen, int x) {
        return (int) Math.round(screen.toScreenX(x + 0.5));
    }

    private static int centreY(ScreenPixels screen, int y) {
        return (int) Math.round(screen.toScreenY(y + 0.5));
    }

    /** Parks the mouse on the page header so no tooltip or texel outline covers the canvas. */
    private static void moveMouseAway(Browser browser) {
        new Actions(browser.driver()).moveToLocation(5, 5).perform();
        browser.waitFor("the tooltip to hide", () -> Boolean.TRUE.equals(browser.js(
                "return [...document.querySelectorAll('.tooltip')].every((t) => t.hidden)")));
    }
}
