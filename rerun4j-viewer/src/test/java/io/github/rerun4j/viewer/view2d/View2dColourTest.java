package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.ColorTexels;
import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.render.image.ImageRenderer2D;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.viewer.colour.ColourRecording;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.interactions.Actions;

/**
 * Colour images and encoded depth on screen in the 2D view (one page for the class: {@link ColourRecording}):
 * colours exactly as render's reference draws them (offscreen and in a real screenshot), the hover's colour text, encoded depth exactly as the same pixels logged as a
 * DepthImage, and a blob that does not decode named in its view and the banner while everything else is drawn.
 */
class View2dColourTest {

    private static final int W = ColourRecording.W;
    private static final int H = ColourRecording.H;

    @TempDir
    static Path dir;

    static View2dPage page;

    @BeforeAll
    static void open() throws Exception {
        page = View2dPage.open(ColourRecording.write(dir));
    }

    @AfterAll
    static void close() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void colourImageShowsItsExactColours() {
        Image rgb = Image.fromRgb8(ColourRecording.RGB, 4, 3);
        int[] screen = page.readPixels("/rgb/image", 16, 12); // magnified 4x: Nearest
        assertThat(screen).isEqualTo(ImageRenderer2D.render(rgb, 16, 12));
        assertThat(screen[0]).isEqualTo(0xFFFF0000);
        assertThat(screen[4 * 16 + 4]).as("grey 128 at texel (1, 1)").isEqualTo(0xFF808080);
        int[] png = page.readPixels("/pngfile/image", 8, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(Integer.toHexString(png[y * 8 + x])).as("PNG at " + x + ", " + y)
                        .isEqualTo(Integer.toHexString(ColourRecording.ARGB[(y / 4) * 2 + x / 4]));
            }
        }
    }

    @Test
    void onScreenEachTexelHasItsColourAndHoverNamesIt() {
        page.waitUntilReady("/rgb/image");
        ScreenPixels screen = ScreenPixels.capture(page.browser, "/rgb/image");
        int[] texels = ColorTexels.of(Image.fromRgb8(ColourRecording.RGB, 4, 3));
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int sx = (int) Math.floor(screen.toScreenX(x + 0.5));
                int sy = (int) Math.floor(screen.toScreenY(y + 0.5));
                assertThat(Integer.toHexString(screen.at(sx, sy))).as("texel " + x + ", " + y + " on screen")
                        .isEqualTo(Integer.toHexString(texels[y * 4 + x]));
            }
        }
        new Actions(page.browser.driver())
                .moveToLocation((int) Math.round(screen.toScreenX(1.5)), (int) Math.round(screen.toScreenY(2.5))).perform();
        String hover = View2dPage.view("/rgb/image") + ".lastHover";
        page.browser.waitFor("the hover of texel (1, 2)", () -> Boolean.TRUE.equals(page.browser.js(
                "const h = " + hover + "; return !!h && h.x === 1 && h.y === 2 && h.lines.length === 2")));
        assertThat(page.browser.js("return " + hover + ".lines")).asList()
                .containsExactly("Position: 1, 2", "RGB:  10,  20,  30, #0A141E");
        new Actions(page.browser.driver()).moveToLocation(5, 5).perform();
    }

    @Test
    void encodedDepthLooksExactlyLikeTheDepthImageBesideIt() {
        int[] plain = page.readPixels("/plain/depth", 2 * W, 2 * H);
        assertThat(page.readPixels("/rvl/depth", 2 * W, 2 * H)).isEqualTo(plain);
        assertThat(page.readPixels("/png/depth", 2 * W, 2 * H)).isEqualTo(plain);
        DepthImage decoded = EncodedDepth.asDepthImage(EncodedDepthImage.rvl(ColourRecording.DEPTH, W, H));
        int[] reference = DepthImageRenderer2D.render(decoded, 2 * W, 2 * H,
                EncodedDepth.overrides2D(RenderOverrides.NONE, decoded, 2 * W));
        PixelComparison c = PixelComparison.of(plain, reference, 2 * W, 1);
        assertThat(c.mismatches()).as(c.describe()).isZero();
        // Minified, encoded depth is bilinear whatever was logged (a DepthImage would stay Nearest).
        int[] small = page.readPixels("/rvl/depth", W / 2, H / 2);
        int[] smallReference = DepthImageRenderer2D.render(decoded, W / 2, H / 2,
                EncodedDepth.overrides2D(RenderOverrides.NONE, decoded, W / 2));
        PixelComparison m = PixelComparison.of(small, smallReference, W / 2, 1);
        assertThat(m.mismatches()).as(m.describe()).isZero();
    }

    @Test
    void colourOverDepthIsHalfTransparentByDefaultBlendedInLinearLight() {
        int[] screen = page.readPixels("/rgbd/depth", W, H);
        int[] depth = DepthImageRenderer2D.render(DepthImage.fromU16(ColourRecording.DEPTH, W, H).withMeter(1000));
        int[] rgb = ColourRecording.RGBD_RGB;
        for (int i = 0; i < screen.length; i++) {
            int d = depth[i];
            // "Over" at opacity 0.5 in linear light, as Rerun's sRGB target blends (docs/semantics.md §4.6).
            int expected = Argb.pack(over(rgb[0], Argb.red(d)), over(rgb[1], Argb.green(d)), over(rgb[2], Argb.blue(d)), 255);
            assertThat(PixelComparison.deviation(screen[i], expected)).as("pixel " + i + ": "
                    + PixelComparison.hex(screen[i]) + " vs " + PixelComparison.hex(expected)).isLessThanOrEqualTo(1);
        }
    }

    /** Half of sRGB byte {@code top} over sRGB byte {@code bottom}, blended in linear light. */
    private static int over(int top, int bottom) {
        double linear = 0.5 * toLinear(top / 255.0) + 0.5 * toLinear(bottom / 255.0);
        double srgb = linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(srgb * 255);
    }

    private static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Test
    void aBlobThatDoesNotDecodeIsNamedOnItsEntityAndTheRestIsDrawn() {
        for (String entity : new String[] {"/broken/depth", "/mislabelled/depth", "/badpng/image"}) {
            page.browser.waitFor("the view of " + entity + " naming the problem", () -> String.valueOf(page.browser.js(
                    "return document.querySelector('[data-view=\"2d:" + entity + "\"]')?.innerText ?? ''"))
                    .contains(entity + ": cannot draw this "));
        }
        String broken = String.valueOf(page.browser.js(
                "return document.querySelector('[data-view=\"2d:/broken/depth\"]').innerText"));
        assertThat(broken).contains("EncodedDepthImage", "truncated");
        String banner = String.valueOf(page.browser.js("return document.getElementById('problems').innerText"));
        assertThat(banner).contains("/broken/depth: cannot draw this EncodedDepthImage", "/badpng/image: cannot draw this EncodedImage");
        for (String entity : new String[] {"/plain/depth", "/rvl/depth", "/png/depth", "/rgb/image", "/pngfile/image", "/rgbd/depth"}) {
            page.waitUntilReady(entity);
        }
        assertThat(page.browser.js("return window.rerun4j.errors")).asList().isEmpty();
        assertThat(page.browser.consoleErrors()).isEmpty();
        page.browser.screenshot("view2d-colour");
    }
}
