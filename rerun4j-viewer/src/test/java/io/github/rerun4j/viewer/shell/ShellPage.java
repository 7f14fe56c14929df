package io.github.rerun4j.viewer.shell;

import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The page's shell as the tests drive it: the timeline, the tree, the selection panel, through the DOM. */
final class ShellPage {

    private final Browser browser;

    ShellPage(Browser browser) {
        this.browser = browser;
    }

    /** Loads the page and waits for the first scene. */
    static ShellPage open(Browser browser, Viewer viewer) {
        browser.get(viewer.url().toString());
        ShellPage page = new ShellPage(browser);
        browser.waitFor("the first scene", () -> Boolean.TRUE.equals(
                browser.js("return window.rerun4j?.state?.scene != null")));
        return page;
    }

    Browser browser() {
        return browser;
    }

    WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    void chooseTimeline(String name) {
        new Select(find("#timeline .timeline-name")).selectByValue(name);
        browser.waitFor("timeline " + name, () -> Boolean.TRUE.equals(browser.js(
                "const s = window.rerun4j.state; return s.timeline === arguments[0] && s.scene?.timeline === arguments[0]"
                        + " && s.times.length > 0 && s.scene.time === Number(s.timeExact)", name)));
    }

    /** Drags the scrubber to the {@code index}-th time with data (as an input event, like a mouse drag). */
    void scrubTo(int index) {
        browser.js("const s = document.querySelector('#timeline .scrubber'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('input', {bubbles: true}))", index);
        waitForSceneAtTime();
    }

    /** Presses keys on the page (not in a field). */
    void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    void click(String css) {
        find(css).click();
    }

    /** The exact current time, as a decimal string. */
    String time() {
        return (String) browser.js("return window.rerun4j.state.timeExact.toString()");
    }

    String label() {
        return find("#timeline .time-label").getText();
    }

    /** Waits until the shown scene is the one of the current time. */
    void waitForSceneAtTime() {
        browser.waitFor("the scene of the current time", () -> Boolean.TRUE.equals(browser.js(
                "const s = window.rerun4j.state; return s.scene != null && s.scene.timeline === s.timeline"
                        + " && s.scene.time === Number(s.timeExact)")));
    }

    /** Waits for the scene at {@code time} and returns the raw value of pixel 0 of {@code entity} there. */
    long waitForTimeThenPixel(String time, String entity) {
        browser.waitFor("time " + time, () -> time.equals(time()));
        waitForSceneAtTime();
        return firstPixel(entity);
    }

    /** The raw u16 value of pixel (0, 0) of {@code entity}'s depth image in the scene shown, read from its URL. */
    long firstPixel(String entity) {
        Object value = browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "const image = window.rerun4j.state.scene.depthImages.find((d) => d.entity === arguments[0]);"
                + "fetch(image.imageUrl).then((r) => r.arrayBuffer())"
                + ".then((b) => done(new DataView(b).getUint16(0, true)), (e) => done('error ' + e));", entity);
        return ((Number) value).longValue();
    }

    boolean playing() {
        return Boolean.TRUE.equals(browser.js("return window.rerun4j.player.playing"));
    }

    /** Selects an entity by clicking its name in the streams tree. */
    void clickTreeEntity(String path) {
        find("#entity-tree [data-entity=\"" + path + "\"]").click();
        browser.waitFor("selection " + path, () -> path.equals(browser.js("return window.rerun4j.state.selection")));
    }

    String selectionText() {
        return find("#selection-body").getText();
    }

    /** Where a selection-panel row's value comes from: logged, default or override. */
    String rowSource(String field) {
        return find("#selection-body table.kv tr[data-field=\"" + field + "\"]").getAttribute("data-source");
    }

    /** Types into a field of the override form and leaves it (which commits, like Enter would). */
    void typeOverride(String css, String text) {
        WebElement input = find("form.overrides " + css);
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    void chooseOverride(String css, String value) {
        new Select(find("form.overrides " + css)).selectByValue(value);
    }

    String overrideError() {
        WebElement error = find("form.overrides .override-error");
        return error.isDisplayed() ? error.getText() : "";
    }

    /** {@code state.effective(image)} of {@code entity} as JSON. */
    String effective(String entity) {
        return (String) browser.js("const s = window.rerun4j.state;"
                + "return JSON.stringify(s.effective(s.scene.depthImages.find((d) => d.entity === arguments[0])))", entity);
    }
}
