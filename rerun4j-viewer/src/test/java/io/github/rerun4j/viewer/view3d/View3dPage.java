package io.github.rerun4j.viewer.view3d;

import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.interactions.Actions;

/**
 * A viewer serving one recording and a browser showing its 3D view, with the view's test hooks as Java
 * calls. Projection of world points to the screen is done here, from the camera's matrices, so tests do not
 * trust the view's own arithmetic.
 *
 * <pre>{@code
 * try (View3dPage page = View3dPage.open(file)) {
 *     assertThat(page.pointCount()).isEqualTo(60_000);
 * }
 * }</pre>
 */
final class View3dPage implements AutoCloseable {

    static final String VIEW = "window.rerun4j.views.get('3d')";

    private final Viewer viewer;
    private final Browser browser;

    private View3dPage(Viewer viewer, Browser browser) {
        this.viewer = viewer;
        this.browser = browser;
    }

    /** Loads {@code file}, opens the page and waits until the 3D view has drawn every cloud. */
    static View3dPage open(Path file) throws Exception {
        Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0);
        Browser browser;
        try {
            browser = Browser.open();
            viewer.load(file);
        } catch (Exception | Error e) {
            viewer.close();
            throw e;
        }
        View3dPage page = new View3dPage(viewer, browser);
        try {
            browser.get(viewer.url().toString());
            page.waitUntilReady();
        } catch (Exception | Error e) {
            page.close();
            throw e;
        }
        return page;
    }

    Browser browser() {
        return browser;
    }

    void waitUntilReady() {
        browser.waitFor("the 3D view with all clouds loaded",
                () -> Boolean.TRUE.equals(browser.js("const v = " + VIEW + "; return !!v && v.ready === true")));
    }

    /** Sets the time and waits for the new scene's clouds. */
    void setTime(String timeline, long time) {
        browser.jsAsync("window.rerun4j.state.setTime(arguments[0], arguments[1]).then(() => arguments[2](true))",
                timeline, time);
        waitUntilReady();
    }

    void setOverride(String entity, String json) {
        browser.js("window.rerun4j.state.setOverride(arguments[0], JSON.parse(arguments[1]))", entity, json);
    }

    long pointCount() {
        return ((Number) browser.js("return " + VIEW + ".pointCount()")).longValue();
    }

    long gpuPointCount() {
        return ((Number) browser.js("return " + VIEW + ".gpuPointCount()")).longValue();
    }

    /** A fresh render of the canvas. */
    Pixels readPixels() {
        Map<String, Object> answer = browser.jsMap("return " + VIEW + ".readPixels()");
        byte[] rgba = Base64.getDecoder().decode((String) answer.get("base64"));
        return new Pixels(((Number) answer.get("width")).intValue(), ((Number) answer.get("height")).intValue(), rgba);
    }

    Map<String, Object> camera() {
        return browser.jsMap("return " + VIEW + ".camera()");
    }

    /** Where world point (x, y, z) is drawn: CSS pixels relative to the canvas, or null behind the eye. */
    double[] canvasPositionOf(double x, double y, double z) {
        Map<String, Object> camera = camera();
        double[] m = doubles(camera.get("viewProjection"));
        @SuppressWarnings("unchecked")
        Map<String, Object> canvas = (Map<String, Object>) camera.get("canvas");
        double width = ((Number) canvas.get("width")).doubleValue();
        double height = ((Number) canvas.get("height")).doubleValue();
        // Column-major: element (row r, column c) is m[c * 4 + r].
        double cx = m[0] * x + m[4] * y + m[8] * z + m[12];
        double cy = m[1] * x + m[5] * y + m[9] * z + m[13];
        double cw = m[3] * x + m[7] * y + m[11] * z + m[15];
        if (cw <= 0) {
            return null;
        }
        return new double[] {(cx / cw + 1) / 2 * width, (1 - cy / cw) / 2 * height};
    }

    /** Moves the real mouse pointer to canvas position (x, y) in CSS pixels (whole pixels: returns where). */
    double[] moveMouseTo(double x, double y) {
        @SuppressWarnings("unchecked")
        Map<String, Object> canvas = (Map<String, Object>) camera().get("canvas");
        int left = (int) Math.floor(((Number) canvas.get("left")).doubleValue() + x);
        int top = (int) Math.floor(((Number) canvas.get("top")).doubleValue() + y);
        new Actions(browser.driver()).moveToLocation(left, top).perform();
        return new double[] {left - ((Number) canvas.get("left")).doubleValue(), top - ((Number) canvas.get("top")).doubleValue()};
    }

    void lookAt(double[] position, double[] target, double[] up, double fovY) {
        browser.js(VIEW + ".lookAt(arguments[0], arguments[1], arguments[2], arguments[3])",
                list(position), list(target), list(up), fovY);
    }

    private static List<Double> list(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /** The cloud pixel drawn at canvas position (x, y): {entity, x, y} or null. */
    Map<String, Object> pick(double x, double y) {
        return browser.jsMap("return " + VIEW + ".pick(arguments[0], arguments[1])", x, y);
    }

    /** The Java reference's default eye (Camera3D.framing) for the scene box the page shows now. */
    Camera3D referenceEye() {
        Map<String, Object> bounds = browser.jsMap("return window.rerun4j.state.scene.bounds");
        double[] min = doubles(bounds.get("min"));
        double[] max = doubles(bounds.get("max"));
        String axes = (String) browser.js("return window.rerun4j.state.scene.axes.viewCoordinates");
        return Camera3D.framing(Bounds.EMPTY.including(new Vec3(min[0], min[1], min[2]))
                .including(new Vec3(max[0], max[1], max[2])), ViewCoordinates.fromName(axes));
    }

    void doubleClickCanvas() {
        @SuppressWarnings("unchecked")
        Map<String, Object> canvas = (Map<String, Object>) camera().get("canvas");
        int x = (int) (((Number) canvas.get("left")).doubleValue() + ((Number) canvas.get("width")).doubleValue() / 2);
        int y = (int) (((Number) canvas.get("top")).doubleValue() + ((Number) canvas.get("height")).doubleValue() / 2);
        new Actions(browser.driver()).moveToLocation(x, y).doubleClick().perform();
    }

    Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    static double[] doubles(Object list) {
        List<?> values = (List<?>) list;
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            viewer.close();
        }
    }

    /** RGBA rows, top to bottom. */
    record Pixels(int width, int height, byte[] rgba) {

        int rgb(int x, int y) {
            int i = (y * width + x) * 4;
            return (rgba[i] & 0xFF) << 16 | (rgba[i + 1] & 0xFF) << 8 | (rgba[i + 2] & 0xFF);
        }

        /** Pixels whose every channel is within {@code tolerance} of {@code rgb}, inside the given box. */
        long count(int rgb, int tolerance, int x0, int y0, int x1, int y1) {
            long n = 0;
            for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
                for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                    int p = rgb(x, y);
                    if (Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) <= tolerance
                            && Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF)) <= tolerance
                            && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= tolerance) {
                        n++;
                    }
                }
            }
            return n;
        }

        long count(int rgb, int tolerance) {
            return count(rgb, tolerance, 0, 0, width, height);
        }
    }
}
