package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the page does when things around it fail: the server goes away (and comes back), a view gets no WebGL2
 * context, a view's context is lost; and {@code ?live=0}, which opens no event stream (headless screenshots).
 */
class PageResilienceTest {

    static final String DEPTH = "/world/camera/depth";
    static final String VIEW2D = "window.rerun4j.views.get('2d:" + DEPTH + "')";
    /** Counts the EventSources the page opens (installed before the page's own scripts run). */
    static final String COUNT_EVENT_SOURCES = "window.eventSourcesOpened = 0; const Original = window.EventSource;"
            + " window.EventSource = class extends Original {"
            + " constructor(...args) { super(...args); window.eventSourcesOpened++; } };";
    /** Refuses the first WebGL2 context the page asks for: the first view created, the 3D one. */
    static final String REFUSE_FIRST_WEBGL2 = "const original = HTMLCanvasElement.prototype.getContext; let refused = false;"
            + " HTMLCanvasElement.prototype.getContext = function (type, attributes) {"
            + " if (type === 'webgl2' && !refused) { refused = true; return null; }"
            + " return original.call(this, type, attributes); };";

    @TempDir
    Path dir;

    @Test
    void aBannerSaysWhenTheServerIsGoneAndClearsWhenItIsBack() throws Exception {
        Path file = demo();
        Viewer first = Viewer.start(Viewer.LOOPBACK, 0);
        int port = first.port();
        try (Browser browser = Browser.open()) {
            first.load(file);
            ShellPage.open(browser, first);
            assertThat(banner(browser)).isEmpty();

            first.close();
            browser.waitFor("the connection banner", () -> banner(browser).contains("Lost the connection to the rerun4j viewer server"));
            assertThat(browser.js("return window.rerun4j.state.scene != null")).isEqualTo(true); // still shows what it had
            browser.screenshot("page-server-gone");

            try (Viewer second = Viewer.start(Viewer.LOOPBACK, port)) {
                second.load(file);
                browser.waitFor("the banner to clear", () -> banner(browser).isEmpty());
                assertThat(browser.js("return window.rerun4j.state.scene?.depthImages.length")).isEqualTo(1L);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aViewWithoutWebGl2SaysSoAndTheOtherViewsStillWork() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(demo());
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", REFUSE_FIRST_WEBGL2));
            browser.get(viewer.url().toString());
            browser.waitFor("the 2D view drawn", () -> Boolean.TRUE.equals(browser.js("return " + VIEW2D + "?.ready")));
            browser.waitFor("the dataframe", () -> Boolean.TRUE.equals(
                    browser.js("return window.rerun4j.views.get('dataframe')?.loaded === true")));

            String message = "3D view: /: cannot draw: the browser gave no WebGL2 context";
            assertThat(banner(browser)).contains(message);
            assertThat((String) browser.js("return document.querySelector('[data-view=\"3d\"]').textContent")).contains(message);
            browser.screenshot("page-no-webgl2-for-3d");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aLostGpuContextIsReportedAndTheViewComesBackWhenItIsRestored() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(demo());
            browser.get(viewer.url().toString());
            browser.waitFor("the 2D view drawn", () -> Boolean.TRUE.equals(browser.js("return " + VIEW2D + "?.ready")));
            browser.js("window.loseContext = " + VIEW2D + ".canvas.getContext('webgl2').getExtension('WEBGL_lose_context');"
                    + " window.oldView = " + VIEW2D + "; window.loseContext.loseContext();");
            browser.waitFor("the context-lost banner", () -> banner(browser).contains(
                    "2D view: " + DEPTH + ": the GPU context was lost"));

            browser.js("window.loseContext.restoreContext()");
            browser.waitFor("the banner to clear", () -> banner(browser).isEmpty());
            browser.waitFor("a new 2D view drawn", () -> Boolean.TRUE.equals(browser.js(
                    "const v = " + VIEW2D + "; return v !== window.oldView && v.ready")));
            String pixels = (String) browser.js("return " + VIEW2D + ".readPixels(30, 20)");
            assertThat(pixels).isNotEmpty();
            assertThat(browser.js("return document.querySelectorAll('[data-view=\"2d:" + DEPTH + "\"] .body > canvas').length"))
                    .isEqualTo(1L);

            // The 3D view (three.js, which also listens for the events) comes back the same way.
            String view3d = "window.rerun4j.views.get('3d')";
            browser.waitFor("the 3D view drawn", () -> Boolean.TRUE.equals(browser.js("return " + view3d + ".ready")));
            long points = ((Number) browser.js("return " + view3d + ".pointCount()")).longValue();
            browser.js("window.loseContext = document.querySelector('[data-view=\"3d\"] .body > canvas')"
                    + ".getContext('webgl2').getExtension('WEBGL_lose_context'); window.oldView = " + view3d + ";"
                    + " window.loseContext.loseContext();");
            browser.waitFor("the 3D context-lost banner", () -> banner(browser).contains("3D view: /: the GPU context was lost"));
            browser.js("window.loseContext.restoreContext()");
            browser.waitFor("a new 3D view drawn", () -> Boolean.TRUE.equals(browser.js(
                    "const v = " + view3d + "; return v !== window.oldView && v.ready")));
            assertThat(browser.js("return " + view3d + ".pointCount()")).isEqualTo(points);
            assertThat(browser.js("const bytes = atob(" + view3d + ".readPixels().base64); let lit = 0;"
                    + " for (let i = 0; i < bytes.length; i += 4) if (bytes.charCodeAt(i + 1) > 100) lit++; return lit"))
                    .as("pixels of the cloud drawn by the new context").asString().isNotEqualTo("0");
            assertThat(banner(browser)).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void liveZeroOpensNoEventStreamAndStillShowsTheRecording() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(demo());
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_EVENT_SOURCES));

            browser.get(viewer.url().toString());
            browser.waitFor("the 2D view drawn", () -> Boolean.TRUE.equals(browser.js("return " + VIEW2D + "?.ready")));
            assertThat(browser.js("return window.eventSourcesOpened")).isEqualTo(1L);

            browser.get(viewer.url() + "?live=0");
            browser.waitFor("the 2D view drawn", () -> Boolean.TRUE.equals(browser.js("return " + VIEW2D + "?.ready")));
            assertThat(browser.js("return window.eventSourcesOpened")).isEqualTo(0L);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private Path demo() {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        return file;
    }

    private static String banner(Browser browser) {
        return (String) browser.js("const b = document.getElementById('problems'); return b.hidden ? '' : b.textContent");
    }
}
