package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.render.image.HoverText;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.interactions.Actions;

/** The hover tooltip's zoom (21 x 21 texels, 5 CSS px each) and color swatch (docs/semantics.md §4.5). */
class View2dInteractionHoverZoomTest {

    private static final String CAMERA_DEPTH = "/world/camera/depth";
    private static final String TOOLTIP = "document.querySelector('[data-view=\"2d:" + CAMERA_DEPTH + "\"] .tooltip')";
    private static final int RADIUS = 10;
    private static final int TEXELS = 2 * RADIUS + 1;
    private static final int BAR_VIRIDIS = 0xFF3DBB74;
    private static final int BAR_TURBO = 0xFFFFAB24;

    @TempDir
    Path dir;

    @Test
    void theZoomShowsTheTexelsAroundTheHoveredOneInTheViewsColors() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        int[] viridis = DepthImageRenderer2D.render(TestImages.snippet().withColormap(Colormap.VIRIDIS));
        int[] turbo = DepthImageRenderer2D.render(TestImages.snippet());
        try (View2dPage page = View2dPage.open(file)) {
            page.waitUntilReady(CAMERA_DEPTH);
            Browser browser = page.browser;
            ScreenPixels screen = ScreenPixels.capture(browser, CAMERA_DEPTH);

            hover(page, screen, 200, 150);
            Map<String, Object> box = browser.jsMap("const r = " + TOOLTIP + ".querySelector('.hover-zoom')"
                    + ".getBoundingClientRect(); return {width: r.width, height: r.height};");
            assertThat(((Number) box.get("width")).doubleValue()).isEqualTo(105.0);
            assertThat(((Number) box.get("height")).doubleValue()).isEqualTo(105.0);
            int[] cells = zoomCells(browser);
            assertThat(close(cells[RADIUS * TEXELS + RADIUS], BAR_VIRIDIS)).as(hex(cells[RADIUS * TEXELS + RADIUS])).isTrue();
            // 10 texels up-left, (190, 140), is the cell in the top-left corner.
            assertThat(close(cells[0], viridis[140 * 300 + 190])).as(hex(cells[0])).isTrue();
            assertThat(mismatches(cells, viridis, 200, 150)).isEmpty();
            assertThat(browser.js("return getComputedStyle(" + TOOLTIP + ".querySelector('.hover-swatch'))"
                    + ".backgroundColor")).isEqualTo("rgb(61, 187, 116)");
            // The zoom and swatch are elements of their own: the text stays the readout lines.
            List<String> expected = HoverText.forPixel(TestImages.snippet(), 200, 150).lines();
            browser.waitFor("the hover answer", () -> Boolean.TRUE.equals(browser.js(
                    "const h = " + View2dPage.view(CAMERA_DEPTH) + ".lastHover; return !!h && h.lines.length > 0")));
            assertThat(browser.js("return " + TOOLTIP + ".textContent"))
                    .isEqualTo(CAMERA_DEPTH + "\n" + String.join("\n", expected));
            browser.screenshot("view2d-hover-zoom");

            // An override of the colormap reaches the zoom too.
            page.setOverride(CAMERA_DEPTH, Map.of("colormap", "Turbo"));
            browser.waitFor("the zoom in Turbo", () -> close(zoomCells(browser)[RADIUS * TEXELS + RADIUS], BAR_TURBO));
            assertThat(mismatches(zoomCells(browser), turbo, 200, 150)).isEmpty();
            page.clearOverrides(CAMERA_DEPTH);

            // Near the top-left corner the cells beyond the image stay empty.
            hover(page, screen, 2, 1);
            int[] corner = zoomCells(browser);
            assertThat(mismatches(corner, viridis, 2, 1)).isEmpty();
            assertThat(Argb.alpha(corner[0])).isZero();
            assertThat(Argb.alpha(corner[RADIUS * TEXELS + RADIUS])).isEqualTo(255);
            browser.screenshot("view2d-hover-zoom-corner");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theZoomComesBackAfterItsGpuContextIsLost() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        int[] viridis = DepthImageRenderer2D.render(TestImages.snippet().withColormap(Colormap.VIRIDIS));
        try (View2dPage page = View2dPage.open(file)) {
            Browser browser = page.browser;
            // Keep every WebGL2 context the page makes, from the first script on.
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.webgl2Contexts = []; const original = HTMLCanvasElement.prototype.getContext;"
                            + " HTMLCanvasElement.prototype.getContext = function (type, attributes) {"
                            + " const gl = original.call(this, type, attributes);"
                            + " if (type === 'webgl2' && gl) window.webgl2Contexts.push(gl); return gl; };"));
            browser.driver().navigate().refresh();
            page.waitUntilReady(CAMERA_DEPTH);
            ScreenPixels screen = ScreenPixels.capture(browser, CAMERA_DEPTH);
            hover(page, screen, 200, 150);
            assertThat(mismatches(zoomCells(browser), viridis, 200, 150)).isEmpty();

            browser.js("const zoom = window.webgl2Contexts.find((gl) => !gl.canvas.isConnected && gl.canvas.width === 1);"
                    + " zoom.getExtension('WEBGL_lose_context').loseContext();");
            hover(page, screen, 100, 100);
            assertThat(mismatches(zoomCells(browser), viridis, 100, 100)).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** Moves the real mouse onto texel (x, y) and waits for the zoom of that texel. */
    private static void hover(View2dPage page, ScreenPixels screen, int x, int y) {
        new Actions(page.browser.driver())
                .moveToLocation((int) Math.round(screen.toScreenX(x + 0.5)), (int) Math.round(screen.toScreenY(y + 0.5)))
                .perform();
        String texel = CAMERA_DEPTH + " " + x + " " + y;
        page.browser.waitFor("the zoom of " + texel, () -> texel.equals(page.browser.js(
                "const z = " + TOOLTIP + ".querySelector('.hover-zoom'); return z.hidden ? null : z.dataset.texel")));
    }

    /** The ARGB color at the centre of each of the 21 x 21 zoom cells, top row first. */
    @SuppressWarnings("unchecked")
    static int[] zoomCells(Browser browser) {
        List<Number> rgba = (List<Number>) browser.js("const z = " + TOOLTIP + ".querySelector('.hover-zoom');"
                + "const d = z.getContext('2d').getImageData(0, 0, z.width, z.height).data;"
                + "const k = z.width / arguments[0]; const out = [];"
                + "for (let r = 0; r < arguments[0]; r++) for (let c = 0; c < arguments[0]; c++) {"
                + "  const i = (Math.floor((r + 0.5) * k) * z.width + Math.floor((c + 0.5) * k)) * 4;"
                + "  out.push(d[i], d[i + 1], d[i + 2], d[i + 3]); }"
                + "return out;", TEXELS);
        int[] cells = new int[TEXELS * TEXELS];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Argb.pack(rgba.get(4 * i).intValue(), rgba.get(4 * i + 1).intValue(),
                    rgba.get(4 * i + 2).intValue(), rgba.get(4 * i + 3).intValue());
        }
        return cells;
    }

    /**
     * Cells that differ from the reference (300 x 200) by more than 1 per channel around texel (x, y); cells
     * beyond the image must be fully transparent.
     */
    static List<String> mismatches(int[] cells, int[] reference, int x, int y) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < TEXELS; row++) {
            for (int col = 0; col < TEXELS; col++) {
                int tx = x - RADIUS + col;
                int ty = y - RADIUS + row;
                int got = cells[row * TEXELS + col];
                boolean inside = tx >= 0 && ty >= 0 && tx < 300 && ty < 200;
                int want = inside ? reference[ty * 300 + tx] : 0;
                boolean ok = inside ? close(got, want) : Argb.alpha(got) == 0;
                if (!ok) {
                    out.add("(" + tx + ", " + ty + "): " + Argb.toHex(got) + " a=" + Argb.alpha(got)
                            + ", expected " + (inside ? Argb.toHex(want) : "empty"));
                }
            }
        }
        return out;
    }

    private static String hex(int argb) {
        return Argb.toHex(argb) + " a=" + Argb.alpha(argb);
    }

    static boolean close(int a, int b) {
        return Math.abs(Argb.red(a) - Argb.red(b)) <= 1 && Math.abs(Argb.green(a) - Argb.green(b)) <= 1
                && Math.abs(Argb.blue(a) - Argb.blue(b)) <= 1 && Argb.alpha(a) == Argb.alpha(b);
    }
}
