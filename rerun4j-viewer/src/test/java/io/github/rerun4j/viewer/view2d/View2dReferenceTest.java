package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 2D view's GPU pixels against {@link DepthImageRenderer2D} (±1 per channel) for every colormap, every
 * filter, magnified (integer and fractional factors) and minified, on images with ramps and hard edges:
 * unsigned, signed with a logged depth_range, and float with NaN, zero and infinity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class View2dReferenceTest {

    private static final int W = 40;
    private static final int H = 30;
    /** Native, 15x and 2.5x magnified, minified by a non-integer factor (all keep or nearly keep the aspect). */
    private static final int[][] SIZES = {{W, H}, {600, 450}, {100, 75}, {17, 13}};

    private final Map<String, DepthImage> images = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();
    private Path dir;
    private View2dPage page;

    @BeforeAll
    void openViewer() throws Exception {
        double[] unit = TestImages.gradientWithEdges(W, H);
        images.put("/u16/depth", DepthImage.fromU16(TestImages.u16(unit, 60000), W, H).withMeter(1000));
        images.put("/i16/depth", DepthImage.fromI16(signed(unit), W, H).withDepthRange(-1000, 2500));
        images.put("/f32/depth", DepthImage.fromF32(floatsWithHoles(unit), W, H));
        dir = Files.createTempDirectory("view2d-reference");
        Path file = dir.resolve("images.rrd");
        try (RecordingStream rec = RecordingStream.builder("view2d_reference").saveTo(file)) {
            images.forEach(rec::log);
        }
        page = View2dPage.open(file);
    }

    @AfterAll
    void closeViewer() {
        if (page != null) {
            page.close();
        }
        report.forEach(System.out::println);
    }

    @Test
    void everyColormapAndFilterMagnifiedAndMinified() {
        String entity = "/u16/depth";
        List<String> failures = new ArrayList<>();
        int maxDeviation = 0;
        int compared = 0;
        for (Colormap colormap : Colormap.values()) {
            for (MagnificationFilter filter : MagnificationFilter.values()) {
                for (int[] size : new int[][] {{160, 120}, {100, 75}, {17, 13}}) {
                    PixelComparison c = compare(entity, new RenderOverrides(colormap, null, filter), size);
                    maxDeviation = Math.max(maxDeviation, c.maxDeviation());
                    compared += c.pixels();
                    if (c.mismatches() > 0) {
                        failures.add(colormap + " " + filter + " " + size[0] + "x" + size[1] + ": " + c.describe());
                    }
                }
            }
        }
        report.add("11 colormaps x 3 filters x 3 sizes on u16 " + W + "x" + H + ": " + compared
                + " pixels, max deviation " + maxDeviation + ", failing cases " + failures.size());
        assertThat(failures).isEmpty();
        assertThat(page.browser.consoleErrors()).isEmpty();
    }

    @Test
    void everyFilterAtEverySizeOnEachImage() {
        List<String> failures = new ArrayList<>();
        for (String entity : images.keySet()) {
            for (MagnificationFilter filter : MagnificationFilter.values()) {
                for (int[] size : SIZES) {
                    PixelComparison c = compare(entity, new RenderOverrides(null, null, filter), size);
                    report.add(entity + " " + filter + " " + size[0] + "x" + size[1] + ": max deviation "
                            + c.maxDeviation() + ", off by one " + c.offByOne() + " of " + c.pixels());
                    if (c.mismatches() > 0) {
                        failures.add(entity + " " + filter + " " + size[0] + "x" + size[1] + ": " + c.describe());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(page.browser.consoleErrors()).isEmpty();
    }

    @Test
    void rangeOverridesIncludingEmptyAndInvertedRanges() {
        List<String> failures = new ArrayList<>();
        float[][] ranges = {{10000f, 40000f}, {30000f, 30000f}, {50000f, 5000f}};
        for (float[] range : ranges) {
            for (MagnificationFilter filter : MagnificationFilter.values()) {
                PixelComparison c = compare("/u16/depth",
                        new RenderOverrides(Colormap.VIRIDIS, new DepthRange(range[0], range[1]), filter),
                        new int[] {160, 120});
                if (c.mismatches() > 0) {
                    failures.add("range " + range[0] + ".." + range[1] + " " + filter + ": " + c.describe());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(page.browser.consoleErrors()).isEmpty();
    }

    /** Sets the overrides in the page, reads the view at {@code size} and compares with the reference. */
    private PixelComparison compare(String entity, RenderOverrides overrides, int[] size) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("colormap", overrides.colormap() == null ? null : overrides.colormap().displayName());
        patch.put("filter", overrides.filter() == null ? null : overrides.filter().displayName());
        patch.put("range", overrides.range() == null ? null
                : List.of((double) overrides.range().min(), (double) overrides.range().max()));
        page.clearOverrides(entity);
        page.setUncheckedOverride(entity, patch);
        int[] browser = page.readPixels(entity, size[0], size[1]);
        int[] reference = DepthImageRenderer2D.render(images.get(entity), size[0], size[1], overrides);
        return PixelComparison.of(browser, reference, size[0], 1);
    }

    /** -2000 .. 3000, so the logged range [-1000, 2500] cuts off both ends. */
    private static short[] signed(double[] unit) {
        short[] out = new short[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (short) Math.round(unit[i] * 5000 - 2000);
        }
        return out;
    }

    /** 0 .. 5 m with a NaN, a zero, a +inf and a -inf texel in the ramp and NaNs in the checker. */
    private static float[] floatsWithHoles(double[] unit) {
        float[] out = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (float) (unit[i] * 5.0);
        }
        out[5 * W + 7] = Float.NaN;
        out[5 * W + 20] = 0f;
        out[9 * W + 30] = Float.POSITIVE_INFINITY;
        out[11 * W + 12] = Float.NEGATIVE_INFINITY;
        out[25 * W + 30] = Float.NaN;
        out[26 * W + 31] = Float.NaN;
        return out;
    }
}
