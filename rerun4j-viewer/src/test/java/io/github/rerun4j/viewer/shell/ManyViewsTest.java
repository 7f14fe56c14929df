package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.viewer.browser.Browser;
import io.github.rerun4j.viewer.browser.SharedViewerPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Seven cameras: a 3D view and seven 2D views fit the window with the dataframe in sight, no scrolling. */
class ManyViewsTest {

    static final int CAMERAS = 7;

    @RegisterExtension
    static final SharedViewerPage shared = SharedViewerPage.serving(ManyViewsTest::write);

    static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder("seven_cameras").saveTo(file)) {
            for (int i = 0; i < CAMERAS; i++) {
                rec.log("rig/cam" + i, Pinhole.fromFocalLengthAndResolution(4, 8, 6));
                short[] pixels = new short[8 * 6];
                java.util.Arrays.fill(pixels, (short) (1000 + 500 * i));
                rec.log("rig/cam" + i + "/depth", DepthImage.fromU16(pixels, 8, 6).withMeter(1000));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyViewAndTheDataframeAreInSightWithoutScrolling() {
        Browser browser = shared.browser();
        ShellPage.open(browser, shared.viewer());
        browser.waitFor("nine views", () -> Long.valueOf(CAMERAS + 2).equals(browser.js("return window.rerun4j.views.size")));
        browser.waitFor("the dataframe", () -> Boolean.TRUE.equals(
                browser.js("return window.rerun4j.views.get('dataframe')?.loaded === true")));
        browser.screenshot("page-seven-cameras");

        List<Map<String, Object>> boxes = (List<Map<String, Object>>) browser.js(
                "return [...document.querySelectorAll('.view')].map((v) => { const r = v.getBoundingClientRect();"
                        + " return {key: v.dataset.view, top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                        + " width: r.width, height: r.height}; })");
        double windowHeight = ((Number) browser.js("return window.innerHeight")).doubleValue();
        double windowWidth = ((Number) browser.js("return window.innerWidth")).doubleValue();
        assertThat(boxes).hasSize(CAMERAS + 2);
        for (Map<String, Object> box : boxes) {
            String key = (String) box.get("key");
            assertThat(num(box, "top")).as(key).isGreaterThanOrEqualTo(0);
            assertThat(num(box, "bottom")).as(key).isLessThanOrEqualTo(windowHeight);
            assertThat(num(box, "right")).as(key).isLessThanOrEqualTo(windowWidth);
            assertThat(num(box, "width")).as(key).isGreaterThanOrEqualTo(150);
            assertThat(num(box, "height")).as(key).isGreaterThanOrEqualTo(100);
        }
        Map<String, Object> dataframe = boxes.stream().filter(b -> "dataframe".equals(b.get("key"))).findFirst().orElseThrow();
        assertThat(num(dataframe, "height")).isGreaterThanOrEqualTo(200);
        assertThat(browser.js("const v = document.getElementById('views'); return v.scrollHeight <= v.clientHeight"
                + " && document.scrollingElement.scrollHeight <= window.innerHeight")).isEqualTo(true);
    }

    @Test
    void draggingTheBarAboveTheDataframeGivesItMoreRoomAndTheViewsStillFit() {
        Browser browser = shared.browser();
        ShellPage.open(browser, shared.viewer());
        browser.waitFor("the dataframe", () -> Boolean.TRUE.equals(
                browser.js("return window.rerun4j.views.get('dataframe')?.loaded === true")));
        double before = height(browser, "#dataframe-panel");
        double viewsBefore = height(browser, "#views");
        WebElement split = browser.driver().findElement(By.id("split"));
        new Actions(browser.driver()).clickAndHold(split).moveByOffset(0, -120).release().perform();

        browser.waitFor("the panel taller", () -> height(browser, "#dataframe-panel") > before + 100);
        assertThat(height(browser, "#dataframe-panel")).isCloseTo(before + 120, within(2.0));
        assertThat(height(browser, "#views")).isCloseTo(viewsBefore - 120, within(2.0));
        assertThat(browser.js("const v = document.getElementById('views'); return v.scrollHeight <= v.clientHeight"))
                .isEqualTo(true);
    }

    private static double height(Browser browser, String css) {
        return ((Number) browser.js("return document.querySelector(arguments[0]).getBoundingClientRect().height", css))
                .doubleValue();
    }

    @Test
    void theGridPicksTheColumnsThatKeepCellsClosestToSquare() {
        Browser browser = shared.browser();
        ShellPage.open(browser, shared.viewer());
        assertThat(columns(browser, 8, 760, 400)).isEqualTo(4L); // 2 rows of 190 x 200
        assertThat(columns(browser, 1, 760, 400)).isEqualTo(1L);
        assertThat(columns(browser, 2, 760, 400)).isEqualTo(2L);
        assertThat(columns(browser, 3, 300, 900)).isEqualTo(1L); // a tall narrow box stacks them
        assertThat(columns(browser, 0, 760, 400)).isEqualTo(1L);
    }

    private static Object columns(Browser browser, int count, int width, int height) {
        return browser.jsAsync("const [count, width, height, done] = arguments;"
                + " import('/layout.js').then((m) => done(m.bestColumns(count, width, height)))", count, width, height);
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
