package io.github.rerun4j.render.image;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.colormap.ColormapLut;
import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DepthImageRenderer2DTest {

    private static final int W = Snippet.W;

    @Test
    void snippetAtNativeSizeWithDefaultsIsTurbo() {
        int[] px = DepthImageRenderer2D.render(Snippet.image());
        assertThat(px).hasSize(60_000);
        assertThat(hexAt(px, 0, 0)).isEqualTo("#900D00");      // background
        assertThat(hexAt(px, 100, 100)).isEqualTo("#28DAC0");  // square
        assertThat(hexAt(px, 149, 99)).isEqualTo("#28DAC0");
        assertThat(hexAt(px, 150, 100)).isEqualTo("#900D00");  // just right of the square
        assertThat(hexAt(px, 149, 149)).isEqualTo("#FFAB24");  // bar wins the overlap
        assertThat(hexAt(px, 200, 150)).isEqualTo("#FFAB24");
        assertThat(hexAt(px, 279, 179)).isEqualTo("#FFAB24");
        assertThat(hexAt(px, 280, 179)).isEqualTo("#900D00");
        assertThat(hexAt(px, 299, 199)).isEqualTo("#900D00");
        assertThat(Argb.alpha(px[0])).isEqualTo(255);

        Map<String, Integer> histogram = new TreeMap<>();
        for (int p : px) {
            histogram.merge(Argb.toHex(p), 1, Integer::sum);
        }
        // square 100x100 minus the 50x20 overlap, bar 180x50, rest background
        assertThat(histogram).containsExactlyInAnyOrderEntriesOf(
                Map.of("#900D00", 42_000, "#28DAC0", 9_000, "#FFAB24", 9_000));
    }

    @Test
    void loggedViridisColormap() {
        int[] px = DepthImageRenderer2D.render(Snippet.image().withColormap(Colormap.VIRIDIS));
        assertThat(hexAt(px, 0, 0)).isEqualTo("#FCE721");
        assertThat(hexAt(px, 50, 50)).isEqualTo("#35618E");
        assertThat(hexAt(px, 149, 149)).isEqualTo("#3DBB74");
    }

    @Test
    void nativeSizeEqualsTheLutPathForEveryFilter() {
        DepthImage img = Snippet.image();
        int[] viaLut = new int[60_000];
        ColormapLut.colorize(img.buffer().asByteBuffer(), 60_000, 0f, 65535f, Colormap.TURBO, viaLut);
        for (MagnificationFilter f : MagnificationFilter.values()) {
            // native size counts as minified; every filter returns the texel at its centre
            int[] px = DepthImageRenderer2D.render(img, W, Snippet.H, RenderOverrides.NONE.withFilter(f));
            assertThat(px).as(f.toString()).isEqualTo(viaLut);
        }
    }

    @Test
    void nearestUpscaleRepeatsTexels() {
        DepthImage img = DepthImage.fromU16(new short[] {0, 1000, 2000, 3000}, 2, 2)
                .withColormap(Colormap.GRAYSCALE);
        int[] px = DepthImageRenderer2D.render(img, 4, 4, null);
        int[] expectedRow0 = {gray(0), gray(0), gray(85), gray(85)};
        int[] expectedRow3 = {gray(170), gray(170), gray(255), gray(255)};
        assertThat(java.util.Arrays.copyOfRange(px, 0, 4)).containsExactly(expectedRow0);
        assertThat(java.util.Arrays.copyOfRange(px, 12, 16)).containsExactly(expectedRow3);
    }

    @Test
    void linearUpscaleFiltersTBeforeTheColormap() {
        // 2x1 image 0 | 65535 drawn 4 pixels wide: t = 0, 0.25, 0.75, 1 (edge clamp at both ends).
        DepthImage img = DepthImage.fromU16(new short[] {0, (short) 65535}, 2, 1)
                .withMagnificationFilter(MagnificationFilter.LINEAR);
        int[] gray = DepthImageRenderer2D.render(img, 4, 1, RenderOverrides.NONE.withColormap(Colormap.GRAYSCALE));
        assertThat(gray).containsExactly(gray(0), gray(64), gray(191), gray(255));
        // With Turbo the middle pixels are Turbo(0.25), Turbo(0.75): colormap colors, not blends of the ends.
        int[] turbo = DepthImageRenderer2D.render(img, 4, 1, null);
        assertThat(Argb.toHex(turbo[1])).isEqualTo(Argb.toHex(Colormaps.argb(Colormap.TURBO, 0.25f)));
        assertThat(Argb.toHex(turbo[1])).isEqualTo("#26BDE1");
        assertThat(Argb.toHex(turbo[2])).isEqualTo("#FF801D");
    }

    @Test
    void bicubicOnlyWhenMagnified() {
        // step 0,0,0,1: magnified bicubic undershoots (clamped to 0) where bilinear does not
        DepthImage img = DepthImage.fromU16(new short[] {0, 0, 0, (short) 65535}, 4, 1)
                .withColormap(Colormap.GRAYSCALE);
        int[] cubic = DepthImageRenderer2D.render(img, 8, 1,
                RenderOverrides.NONE.withFilter(MagnificationFilter.BICUBIC));
        int[] linear = DepthImageRenderer2D.render(img, 8, 1,
                RenderOverrides.NONE.withFilter(MagnificationFilter.LINEAR));
        // output pixel 5: p = 2.75, base texel 2, f = 0.25. Bilinear: mix(0, 1, 0.25) = 0.25 -> 64.
        // Bicubic taps 1..4 (4 clamps to 3) = 0, 0, 1, 1: w1 + w2 = 0.2265625 - 0.0234375 = 0.203125 -> 52.
        assertThat(linear[5]).isEqualTo(gray(64));
        assertThat(cubic[5]).isEqualTo(gray(52));
        // output pixel 4: p = 2.25, base texel 1, f = 0.75, taps 0, 0, 0, 1: w2 = -0.0703125 -> clamped 0
        assertThat(cubic[4]).isEqualTo(gray(0));
        assertThat(linear[4]).isEqualTo(gray(0));
        // minified (2 of 4 texels): bicubic falls back to bilinear
        int[] cubicSmall = DepthImageRenderer2D.render(img, 2, 1,
                RenderOverrides.NONE.withFilter(MagnificationFilter.BICUBIC));
        int[] linearSmall = DepthImageRenderer2D.render(img, 2, 1,
                RenderOverrides.NONE.withFilter(MagnificationFilter.LINEAR));
        assertThat(cubicSmall).containsExactly(linearSmall);
    }

    @Test
    void overridesWinOverLoggedValues() {
        DepthImage img = Snippet.image().withColormap(Colormap.VIRIDIS).withDepthRange(0, 20000);
        int[] logged = DepthImageRenderer2D.render(img);
        assertThat(hexAt(logged, 100, 100)).isEqualTo("#FCE721"); // 20000 is the top of the logged range
        int[] overridden = DepthImageRenderer2D.render(img, W, Snippet.H,
                new RenderOverrides(Colormap.TURBO, new DepthRange(0f, 65535f), null));
        assertThat(hexAt(overridden, 100, 100)).isEqualTo("#28DAC0");
    }

    @Test
    void nanPixelsGetTheOneColorAndCostmapZeroIsTransparent() {
        // Rerun leaves NaN undefined; the official viewer in the reference environment shows t = 1 (§3.2).
        DepthImage img = DepthImage.fromF32(new float[] {Float.NaN, 0f, 2f}, 3, 1);
        int[] px = DepthImageRenderer2D.render(img);
        assertThat(px[0]).isEqualTo(Colormaps.argb(Colormap.TURBO, 1f));
        assertThat(px[1]).isEqualTo(Colormaps.argb(Colormap.TURBO, 0f));
        int[] cost = DepthImageRenderer2D.render(img, 3, 1, RenderOverrides.NONE.withColormap(Colormap.RVIZ_COSTMAP));
        assertThat(cost[0]).isEqualTo(Colormaps.argb(Colormap.RVIZ_COSTMAP, 1f));
        assertThat(cost[1]).isZero();
        assertThat(Argb.alpha(cost[2])).isEqualTo(255);
    }

    @Test
    void nanFromAnEmptyRangeAndFromAFilterFootprintIsTheOneColorToo() {
        // 0/0: value equal to both ends of a zero-width range.
        DepthImage flat = DepthImage.fromF32(new float[] {5f, 5f}, 2, 1);
        int[] px = DepthImageRenderer2D.render(flat, 2, 1, RenderOverrides.NONE.withRange(new DepthRange(5f, 5f)));
        assertThat(px[0]).isEqualTo(Colormaps.argb(Colormap.TURBO, 1f));
        // A bilinear sample whose footprint holds a NaN is NaN.
        DepthImage withNan = DepthImage.fromF32(new float[] {Float.NaN, 0f}, 2, 1);
        int[] lin = DepthImageRenderer2D.render(withNan, 8, 1, RenderOverrides.NONE
                .withFilter(MagnificationFilter.LINEAR).withRange(new DepthRange(0f, 1f)));
        assertThat(lin[2]).isEqualTo(Colormaps.argb(Colormap.TURBO, 1f));
    }


    private static int gray(int v) {
        return Argb.pack(v, v, v, 255);
    }

    private static String hexAt(int[] px, int x, int y) {
        return Argb.toHex(px[y * W + x]);
    }
}
