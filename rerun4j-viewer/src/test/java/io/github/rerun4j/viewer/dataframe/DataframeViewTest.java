package io.github.rerun4j.viewer.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.render.export.DataframeCsv;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The dataframe view in the page, read from its DOM: cells as Rerun shows them, filters, paging, export. */
class DataframeViewTest {

    @TempDir
    Path dir;

    @Test
    void demo3dRowsFiltersTimelinesAndExport() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(file);
            browser.get(viewer.url().toString());
            waitForTable(browser);
            // The page opens on log_time, as Rerun does for this file; the table follows the page's timeline.
            assertThat(headers(browser).get(1)).isEqualTo("log_time");
            new Select(find(browser, "#timeline .timeline-name")).selectByValue("log_tick");
            browser.waitFor("the table on log_tick", () -> headers(browser).size() > 1
                    && "log_tick".equals(headers(browser).get(1)));
            waitForTable(browser);

            assertThat(headers(browser)).containsExactly("Entity", "log_tick", "Pinhole\nimage_from_camera",
                    "Pinhole\nresolution", "DepthImage\nbuffer", "DepthImage\ncolormap", "DepthImage\nformat",
                    "DepthImage\nmeter");
            assertThat(row(browser, 0)).containsExactly("/world/camera", "0", "[200, 0, 0, 0, 200, 0, \u2026]",
                    "[300, 200]", "-", "-", "-", "-");
            assertThat(row(browser, 1)).containsExactly("/world/camera/depth", "1", "-", "-",
                    DataframeRoutesTest.BUFFER, "Viridis", DataframeRoutesTest.FORMAT, DataframeRoutesTest.METER);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 1\u20132 of 2");
            // At the latest time both rows are what latest-at shows.
            assertThat(currentRows(browser)).containsExactly(0, 1);
            browser.screenshot("dataframe-demo3d");

            // Clicking a row selects its entity.
            browser.driver().findElements(By.cssSelector(".df-table tbody tr")).get(1).click();
            browser.waitFor("selection", () -> "/world/camera/depth".equals(browser.js("return window.rerun4j.state.selection")));
            browser.waitFor("row marked selected", () -> Boolean.TRUE.equals(browser.js(
                    "return document.querySelectorAll('.df-table tbody tr')[1].classList.contains('selected')")));

            // The entity filter narrows the rows; the export link carries it.
            new Select(find(browser, ".df-entity")).selectByValue("/world/camera/depth");
            waitForTable(browser);
            assertThat(browser.driver().findElements(By.cssSelector(".df-table tbody tr"))).hasSize(1);
            assertThat(row(browser, 0)).startsWith("/world/camera/depth", "1");
            assertThat(headers(browser)).doesNotContain("Pinhole\nresolution");
            assertThat(text(browser, ".df-range")).isEqualTo("rows 1\u20131 of 1");
            byte[] csv = fetchBytes(browser, find(browser, ".df-export").getAttribute("href"));
            assertThat(csv).isEqualTo(expectedCsv(file, new DataframeQuery("log_tick", "/world/camera/depth")));

            // Another timeline in the view: its times, formatted by the server.
            new Select(find(browser, ".df-timeline")).selectByValue("log_time");
            waitForTable(browser);
            assertThat(headers(browser).get(1)).isEqualTo("log_time");
            assertThat(row(browser, 0).get(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(find(browser, ".df-export").getAttribute("href"))
                    .endsWith("/dataframe.csv?timeline=log_time&entity=%2Fworld%2Fcamera%2Fdepth");
            new Select(find(browser, ".df-entity")).selectByValue("");
            waitForTable(browser);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 1\u20132 of 2");
            browser.screenshot("dataframe-demo3d-log-time");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void pagesThrough250RowsAndFollowsTheTimeWithoutRefetching() throws Exception {
        Path file = dir.resolve("rows.rrd");
        DataframeRecording.write(file);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(file);
            browser.get(viewer.url().toString());
            waitForTable(browser);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 1\u2013100 of 250");
            assertThat(find(browser, ".df-prev").isEnabled()).isFalse();
            assertThat(row(browser, 0)).containsExactly("/cam/depth", "0", "[0, 0, 0, 0, 0, 0, \u2026]", "L U16 4\u00D73", "1\u2009000");

            find(browser, ".df-next").click();
            waitForTable(browser);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 101\u2013200 of 250");
            assertThat(row(browser, 0).get(1)).isEqualTo("100");

            find(browser, ".df-next").click();
            waitForTable(browser);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 201\u2013250 of 250");
            assertThat(browser.driver().findElements(By.cssSelector(".df-table tbody tr"))).hasSize(50);
            assertThat(row(browser, 49)).containsExactly("/cam/depth", "249", "[249, 0, 249, 0, 249, 0, \u2026]",
                    "L U16 4\u00D73", "1\u2009249");
            assertThat(find(browser, ".df-next").isEnabled()).isFalse();
            // The page opened at the latest time: the last row is current.
            assertThat(currentRows(browser)).containsExactly(49);

            find(browser, ".df-prev").click();
            waitForTable(browser);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 101\u2013200 of 250");

            // Moving the time moves the highlight and fetches nothing.
            long before = dataframeRequests(browser);
            browser.js("window.rerun4j.state.setTime('frame', 150)");
            browser.waitFor("row of frame 150 current", () -> List.of(50).equals(currentRows(browser)));
            browser.js("window.rerun4j.state.setTime('frame', 151)");
            browser.waitFor("row of frame 151 current", () -> List.of(51).equals(currentRows(browser)));
            assertThat(dataframeRequests(browser)).isEqualTo(before);
            browser.screenshot("dataframe-paging");

            // The page's timeline moves to step: the view follows it, from its first row.
            browser.js("window.rerun4j.state.setTimeline('step')");
            browser.waitFor("the step table", () -> "step".equals(browser.js(
                    "return document.querySelector('.df-table thead th.df-time-col .df-field')?.textContent")));
            waitForTable(browser);
            assertThat(text(browser, ".df-range")).isEqualTo("rows 1\u20133 of 3");
            assertThat(row(browser, 2)).startsWith("/other/depth", "20");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void liveRowsAppearWithoutReloading() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open();
             RecordingStream rec = RecordingStream.builder("live_rows").defaultTimelines(false).sink(viewer.sink())) {
            log(rec, 0, 3);
            browser.get(viewer.url().toString());
            browser.waitFor("3 rows", () -> "rows 1\u20133 of 3".equals(text(browser, ".df-range")));
            log(rec, 3, 5);
            browser.waitFor("5 rows", () -> "rows 1\u20135 of 5".equals(text(browser, ".df-range")));
            assertThat(row(browser, 4)).startsWith("/cam/depth", "4");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void log(RecordingStream rec, int from, int to) {
        for (int i = from; i < to; i++) {
            rec.setTimeSequence("frame", i);
            rec.log("cam/depth", DepthImage.fromU16(new short[] {(short) i, 0, 0, 0}, 2, 2).withMeter(1000));
        }
        rec.flush();
    }

    /** Waits until the view shows the page of its current query. */
    private static void waitForTable(Browser browser) {
        browser.waitFor("the dataframe", () -> Boolean.TRUE.equals(
                browser.js("return window.rerun4j?.views?.get('dataframe')?.loaded === true")));
    }

    private static WebElement find(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private static String text(Browser browser, String css) {
        return (String) browser.js("return document.querySelector(arguments[0])?.textContent ?? null", css);
    }

    /** Header cells as "archetype\nfield" (just the field when there is no archetype). */
    @SuppressWarnings("unchecked")
    private static List<String> headers(Browser browser) {
        return (List<String>) browser.js("return [...document.querySelectorAll('.df-table thead th')].map((th) =>"
                + " [th.querySelector('.df-archetype').textContent, th.querySelector('.df-field').textContent]"
                + ".filter(Boolean).join('\\n'))");
    }

    @SuppressWarnings("unchecked")
    private static List<String> row(Browser browser, int index) {
        return (List<String>) browser.js("return [...document.querySelectorAll('.df-table tbody tr')[arguments[0]].cells]"
                + ".map((td) => td.textContent)", index);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> currentRows(Browser browser) {
        List<Number> rows = (List<Number>) browser.js("return [...document.querySelectorAll('.df-table tbody tr')]"
                + ".map((tr, i) => tr.classList.contains('current') ? i : -1).filter((i) => i >= 0)");
        return rows.stream().map(Number::intValue).toList();
    }

    private static long dataframeRequests(Browser browser) {
        return ((Number) browser.js("return performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes('/dataframe?')).length")).longValue();
    }

    /** The bytes the page gets from {@code url} (as base64: WebDriver would normalise line ends of a string). */
    private static byte[] fetchBytes(Browser browser, String url) {
        String base64 = (String) browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then((r) => r.arrayBuffer())"
                + ".then((b) => done(btoa(String.fromCharCode(...new Uint8Array(b)))), (e) => done('error ' + e))", url);
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] expectedCsv(Path file, DataframeQuery query) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataframeCsv.write(DataframeTable.of(ChunkStore.load(file).dataframe(query)), out);
        return out.toByteArray();
    }
}
