package io.github.rerun4j.viewer.view3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The streams tree's eye: hiding an entity removes it, and everything under it, from the 2D and 3D views
 * (the demo: a pinhole at /world/camera drawn as a frustum, its depth image as a cloud and a 2D view).
 */
class EntityVisibilityTest {

    static final String CAMERA = "/world/camera";
    static final String DEPTH = "/world/camera/depth";
    static final String VIEW2D = "window.rerun4j.views.get('2d:" + DEPTH + "')";

    @TempDir
    Path dir;

    @Test
    void theEyeHidesAnEntityAndItsChildrenInEveryViewAndShowsThemAgain() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        try (View3dPage page = View3dPage.open(file)) {
            page.browser().waitFor("the 2D view drawn", () -> Boolean.TRUE.equals(page.js("return " + VIEW2D + "?.ready")));
            assertThat(drawn3d(page)).containsExactly(CAMERA, DEPTH);
            assertThat(drawn2d(page)).containsExactly(DEPTH);
            long points = page.pointCount();
            long gray = page.readPixels().count(View3dDemoTest.FRUSTUM_GRAY, 2);
            assertThat(points).isPositive();
            assertThat(gray).isPositive();

            clickEye(page, DEPTH); // the cloud and the 2D image go, the frustum stays
            page.browser().waitFor("the cloud hidden", () -> page.pointCount() == 0);
            assertThat(drawn3d(page)).containsExactly(CAMERA);
            assertThat(drawn2d(page)).isEmpty();
            assertThat(page.readPixels().count(View3dDemoTest.FRUSTUM_GRAY, 2)).isPositive();
            assertThat(eyeClass(page, DEPTH)).contains("hidden-here");
            assertThat((String) page.js("return " + VIEW2D + ".canvas.parentElement.textContent")).contains("hidden");
            page.browser().screenshot("visibility-depth-hidden");

            clickEye(page, DEPTH);
            clickEye(page, CAMERA); // the parent takes its child with it
            page.browser().waitFor("the camera hidden", () -> drawn3d(page).isEmpty());
            assertThat(page.pointCount()).isZero();
            assertThat(drawn2d(page)).isEmpty();
            assertThat(page.readPixels().count(View3dDemoTest.FRUSTUM_GRAY, 2)).isZero();
            assertThat(eyeClass(page, DEPTH)).contains("hidden-above").doesNotContain("hidden-here");

            clickEye(page, CAMERA); // everything back as it was
            page.waitUntilReady();
            page.browser().waitFor("the cloud back", () -> page.pointCount() == points);
            assertThat(drawn3d(page)).containsExactly(CAMERA, DEPTH);
            page.browser().waitFor("the 2D image back", () -> drawn2d(page).equals(List.of(DEPTH))
                    && Boolean.TRUE.equals(page.js("return " + VIEW2D + ".ready")));
            assertThat(page.readPixels().count(View3dDemoTest.FRUSTUM_GRAY, 2)).isEqualTo(gray);
            // The eye is not a click on the entity: the selection did not change.
            assertThat(page.js("return window.rerun4j.state.selection")).isNull();
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    private static void clickEye(View3dPage page, String entity) {
        page.browser().driver().findElement(By.cssSelector("#entity-tree button.eye[data-eye=\"" + entity + "\"]")).click();
    }

    private static String eyeClass(View3dPage page, String entity) {
        return page.browser().driver().findElement(By.cssSelector("#entity-tree button.eye[data-eye=\"" + entity + "\"]"))
                .getAttribute("class");
    }

    @SuppressWarnings("unchecked")
    private static List<String> drawn3d(View3dPage page) {
        return (List<String>) page.js("return " + View3dPage.VIEW + ".drawn");
    }

    @SuppressWarnings("unchecked")
    private static List<String> drawn2d(View3dPage page) {
        return (List<String>) page.js("return " + VIEW2D + ".drawn");
    }
}
