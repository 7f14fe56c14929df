package io.github.rerun4j.viewer.view2d;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A viewer with one loaded recording and a browser showing it, plus the 2D view's test hooks: wait until a
 * view has its pixels, read them as {@code 0xAARRGGBB}, set overrides.
 *
 * <pre>{@code
 * try (View2dPage page = View2dPage.open(file)) {
 *     int[] argb = page.readPixels("/depth", 300, 200);
 * }
 * }</pre>
 */
final class View2dPage implements AutoCloseable {

    final Viewer viewer;
    final Browser browser;

    private View2dPage(Viewer viewer, Browser browser) {
        this.viewer = viewer;
        this.browser = browser;
    }

    static View2dPage open(Path recording) throws Exception {
        Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0);
        try {
            Browser browser = Browser.open();
            viewer.load(recording);
            browser.get(viewer.url().toString());
            return new View2dPage(viewer, browser);
        } catch (Exception | Error e) {
            viewer.close();
            throw e;
        }
    }

    /** The JS expression of the 2D view of {@code entity}. */
    static String view(String entity) {
        return "window.rerun4j.views.get('2d:" + entity + "')";
    }

    void waitUntilReady(String entity) {
        browser.waitFor("the 2D view of " + entity + " with its pixels",
                () -> Boolean.TRUE.equals(browser.js("return !!" + view(entity) + "?.ready")));
    }

    /** The view's image rendered to exactly {@code width x height}, row-major ARGB like the reference. */
    int[] readPixels(String entity, int width, int height) {
        waitUntilReady(entity);
        String base64 = (String) browser.js("return " + view(entity) + ".readPixels(arguments[0], arguments[1])",
                width, height);
        byte[] rgba = Base64.getDecoder().decode(base64);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = Argb.pack(rgba[4 * i] & 0xFF, rgba[4 * i + 1] & 0xFF, rgba[4 * i + 2] & 0xFF,
                    rgba[4 * i + 3] & 0xFF);
        }
        return argb;
    }

    /** {@code state.setOverride(entity, patch)}; patch values as JS (e.g. {@code Map.of("colormap", "Viridis")}). */
    void setOverride(String entity, Map<String, Object> patch) {
        browser.js("window.rerun4j.state.setOverride(arguments[0], arguments[1])", entity, patch);
    }

    /**
     * Puts {@code patch} into the overrides without the UI's validation: the way to feed the view ranges that
     * the override form refuses (empty, inverted) but that a file from another writer may carry.
     */
    void setUncheckedOverride(String entity, Map<String, Object> patch) {
        browser.js("const s = window.rerun4j.state; const p = {...arguments[1]};"
                + "for (const k of Object.keys(p)) if (p[k] == null) delete p[k];"
                + "s.overrides.set(arguments[0], p); s.emit()", entity, patch);
    }

    void clearOverrides(String entity) {
        browser.js("window.rerun4j.state.overrides.delete(arguments[0]); window.rerun4j.state.emit()", entity);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            viewer.close();
        }
    }
}
