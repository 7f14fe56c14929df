package io.github.rerun4j.viewer.view2d;

import io.github.rerun4j.viewer.browser.Browser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.OutputType;

/**
 * What the window really shows: a screenshot decoded to ARGB, read at viewport CSS pixels (the harness runs
 * at device scale factor 1), and the 2D view's camera and canvas position to know what should be there.
 *
 * <pre>{@code
 * ScreenPixels screen = ScreenPixels.capture(browser, "/depth");
 * int argb = screen.at(screen.toScreenX(75.5), screen.toScreenY(75.5));
 * }</pre>
 */
record ScreenPixels(BufferedImage image, double canvasLeft, double canvasTop, double canvasWidth,
                    double canvasHeight, double scale, double offsetX, double offsetY, boolean fitted) {

    static ScreenPixels capture(Browser browser, String entity) {
        settle(browser);
        Map<String, Object> v = browser.jsMap("const view = " + View2dPage.view(entity) + ";"
                + "const r = view.canvas.getBoundingClientRect(); const c = view.camera;"
                + "return {left: r.left, top: r.top, width: r.width, height: r.height,"
                + " scale: c.scale, offsetX: c.offsetX, offsetY: c.offsetY, fitted: c.fitted};");
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            return new ScreenPixels(image, num(v, "left"), num(v, "top"), num(v, "width"), num(v, "height"),
                    num(v, "scale"), num(v, "offsetX"), num(v, "offsetY"), Boolean.TRUE.equals(v.get("fitted")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets two animation frames pass, so every requested redraw has happened. */
    static void settle(Browser browser) {
        browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /** Viewport x of texel-space x. */
    double toScreenX(double spaceX) {
        return canvasLeft + offsetX + spaceX * scale;
    }

    double toScreenY(double spaceY) {
        return canvasTop + offsetY + spaceY * scale;
    }

    double toSpaceX(double screenX) {
        return (screenX - canvasLeft - offsetX) / scale;
    }

    double toSpaceY(double screenY) {
        return (screenY - canvasTop - offsetY) / scale;
    }

    /** ARGB at viewport pixel (x, y), i.e. the pixel whose centre is (x + 0.5, y + 0.5). */
    int at(int x, int y) {
        return image.getRGB(x, y);
    }

    /** The canvas area as ARGB rows, to compare two captures. */
    int[] canvasPixels() {
        int x0 = (int) Math.ceil(canvasLeft);
        int y0 = (int) Math.ceil(canvasTop);
        int w = (int) Math.floor(canvasWidth) - 1;
        int h = (int) Math.floor(canvasHeight) - 1;
        return image.getRGB(x0, y0, w, h, null, 0, w);
    }

    private static double num(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }
}
