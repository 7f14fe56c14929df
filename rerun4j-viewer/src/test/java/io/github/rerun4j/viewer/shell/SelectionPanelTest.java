package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import io.github.rerun4j.viewer.browser.SharedViewerPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The selection panel on the depth_image_3d demo: selecting from the tree or a view title, the component
 * values as Rerun prints them (logged vs default), the pinhole, and the overrides with their validation.
 */
class SelectionPanelTest {

    static final String DEPTH = "/world/camera/depth";
    static final String CAMERA = "/world/camera";
    static final char THIN = '\u2009';

    @RegisterExtension
    static final SharedViewerPage shared = SharedViewerPage.serving(DepthImage3d::write);
    Viewer viewer;
    Browser browser;
    ShellPage page;

    @BeforeEach
    void useSharedPage() {
        viewer = shared.viewer();
        browser = shared.browser();
    }

    @Test
    void aDepthImageShowsItsComponentsWithLoggedValuesApartFromDefaults() {
        page = ShellPage.open(browser, viewer);
        assertThat(page.selectionText()).isEqualTo("Nothing selected");

        page.clickTreeEntity(DEPTH);

        String text = page.selectionText();
        assertThat(text).contains(DEPTH, "L U16 300×200", "10" + THIN + "000", "Viridis",
                "automatic: [0, 65" + THIN + "535]", "Nearest", "\u221220");
        assertThat(page.rowSource("format")).isEqualTo("logged");
        assertThat(page.rowSource("meter")).isEqualTo("logged");
        assertThat(page.rowSource("colormap")).isEqualTo("logged");
        assertThat(page.rowSource("depth_range")).isEqualTo("default");
        assertThat(page.rowSource("point_fill_ratio")).isEqualTo("default");
        assertThat(page.rowSource("draw_order")).isEqualTo("default");
        assertThat(page.rowSource("magnification_filter")).isEqualTo("default");
        assertThat(page.find("#entity-tree [data-entity=\"" + DEPTH + "\"]").getAttribute("class")).contains("selected");
        browser.screenshot("selection-depth-image");
    }

    @Test
    void aPinholeShowsItsMatrixResolutionAxesAndImagePlaneDistance() {
        page = ShellPage.open(browser, viewer);
        page.clickTreeEntity(CAMERA);

        assertThat(browser.js("return [...document.querySelectorAll('#selection-body table.matrix td')]"
                + ".map((td) => td.textContent).join(' ')")).isEqualTo("200 0 150 0 200 100 0 0 1");
        assertThat(page.selectionText()).contains("Pinhole", "300×200", "RDF", "image_plane_distance", "automatic: ");
        assertThat(page.find("#entity-tree [data-entity=\"" + DEPTH + "\"]").getAttribute("class")).doesNotContain("selected");
    }

    @Test
    void clickingAViewTitleSelectsItsEntity() {
        page = ShellPage.open(browser, viewer);
        page.click("[data-view=\"2d:" + DEPTH + "\"] .title");

        browser.waitFor("the title's entity selected", () -> DEPTH.equals(browser.js("return window.rerun4j.state.selection")));
        assertThat(page.selectionText()).contains("L U16 300×200");
        assertThat(page.find("[data-view=\"2d:" + DEPTH + "\"] .title").getAttribute("class")).contains("selected");
    }

    @Test
    void overridesChangeTheEffectiveValuesAndNeverTheRecording() {
        page = ShellPage.open(browser, viewer);
        page.clickTreeEntity(DEPTH);
        assertThat(page.effective(DEPTH))
                .isEqualTo("{\"colormap\":\"Viridis\",\"range\":[0,65535],\"fillRatio\":1,\"filter\":\"Nearest\",\"meter\":10000,\"drawOrder\":-20}");
        assertThat(browser.js("return [...document.querySelectorAll('form.overrides .colormap option')].length")).isEqualTo(12L);

        page.chooseOverride(".colormap", "Magma");
        page.chooseOverride(".range-mode", "custom");
        page.typeOverride(".range-min", "100");
        page.typeOverride(".range-max", "5000");
        page.typeOverride(".fill", "0.5");
        page.chooseOverride(".filter", "Linear");

        assertThat(page.effective(DEPTH))
                .isEqualTo("{\"colormap\":\"Magma\",\"range\":[100,5000],\"fillRatio\":0.5,\"filter\":\"Linear\",\"meter\":10000,\"drawOrder\":-20}");
        assertThat(page.overrideError()).isEmpty();
        assertThat(page.rowSource("colormap")).isEqualTo("override");
        assertThat(page.rowSource("depth_range")).isEqualTo("override");
        assertThat(page.rowSource("point_fill_ratio")).isEqualTo("override");
        assertThat(page.rowSource("magnification_filter")).isEqualTo("override");
        assertThat(page.rowSource("meter")).isEqualTo("logged");
        assertThat(page.selectionText()).contains("recording: Viridis");
        // The recording is untouched: the scene still carries what was logged.
        assertThat(browser.js("return window.rerun4j.state.scene.depthImages[0].effectiveColormap")).isEqualTo("Viridis");
        browser.screenshot("selection-overrides");

        page.click("form.overrides .reset");
        assertThat(page.effective(DEPTH))
                .isEqualTo("{\"colormap\":\"Viridis\",\"range\":[0,65535],\"fillRatio\":1,\"filter\":\"Nearest\",\"meter\":10000,\"drawOrder\":-20}");
        assertThat(page.rowSource("colormap")).isEqualTo("logged");
        assertThat(browser.js("return window.rerun4j.state.overrides.size")).isEqualTo(0L);
    }

    @Test
    void badOverrideInputIsRejectedWithAMessageAndNeverReachesTheViews() {
        page = ShellPage.open(browser, viewer);
        page.clickTreeEntity(DEPTH);
        page.chooseOverride(".range-mode", "custom");
        page.typeOverride(".range-min", "100");
        page.typeOverride(".range-max", "5000");
        String good = page.effective(DEPTH);

        page.typeOverride(".range-min", "6000");
        assertThat(page.overrideError()).isEqualTo("invalid depth range '[6000, 5000]': expected min < max");
        assertThat(page.effective(DEPTH)).isEqualTo(good);
        assertThat(page.find("form.overrides .range-min").getAttribute("class")).contains("invalid");

        page.typeOverride(".range-min", "abc");
        assertThat(page.overrideError()).isEqualTo("invalid depth range min 'abc': expected a finite number");
        page.typeOverride(".range-min", "Infinity");
        assertThat(page.overrideError()).isEqualTo("invalid depth range min 'Infinity': expected a finite number");
        page.typeOverride(".fill", "-1");
        assertThat(page.overrideError()).isEqualTo("invalid point fill ratio '-1': expected a finite number >= 0");
        page.typeOverride(".fill", "lots");
        assertThat(page.overrideError()).isEqualTo("invalid point fill ratio 'lots': expected a finite number");
        assertThat(page.effective(DEPTH)).isEqualTo(good);

        page.typeOverride(".range-min", "10");
        assertThat(page.overrideError()).isEmpty();
        assertThat(page.effective(DEPTH)).contains("\"range\":[10,5000]");

        // The state itself refuses bad values, whoever calls it.
        assertThat(browser.js("try { window.rerun4j.state.setOverride(arguments[0], {colormap: 'Rainbow'}); return 'accepted'; }"
                + " catch (e) { return e.message; }", DEPTH)).isEqualTo("invalid colormap 'Rainbow': expected one of Grayscale,"
                + " Inferno, Magma, Plasma, Turbo, Viridis, CyanToYellow, Spectral, Twilight, RvizMap, RvizCostmap");
        assertThat(browser.js("try { window.rerun4j.state.setOverride(arguments[0], {range: [0, NaN]}); return 'accepted'; }"
                + " catch (e) { return e.message; }", DEPTH)).isEqualTo("invalid depth range '[0, NaN]': expected finite numbers");
        assertThat(page.effective(DEPTH)).contains("\"range\":[10,5000]", "\"colormap\":\"Viridis\"");
        browser.screenshot("selection-override-error");
    }
}
