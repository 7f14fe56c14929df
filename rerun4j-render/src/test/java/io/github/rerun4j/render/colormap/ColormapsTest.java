package io.github.rerun4j.render.colormap;

import io.github.rerun4j.sdk.types.Colormap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every cell of docs/semantics.md §3.5 (±1 per channel) and the §8.1 region colors. */
class ColormapsTest {

    private static final float[] TS = {0f, 0.25f, 0.5f, 0.75f, 1f};

    /** §3.5 sample table: colormap, then r,g,b at t = 0, 0.25, 0.5, 0.75, 1. */
    static Stream<Arguments> sampleTable() {
        return Stream.of(
                Arguments.of(Colormap.GRAYSCALE, new int[][] {{0, 0, 0}, {64, 64, 64}, {128, 128, 128}, {191, 191, 191}, {255, 255, 255}}),
                Arguments.of(Colormap.INFERNO, new int[][] {{0, 0, 0}, {86, 17, 104}, {186, 54, 82}, {249, 138, 15}, {250, 255, 168}}),
                Arguments.of(Colormap.MAGMA, new int[][] {{0, 0, 0}, {79, 22, 122}, {183, 53, 119}, {254, 132, 99}, {254, 249, 186}}),
                Arguments.of(Colormap.PLASMA, new int[][] {{15, 6, 139}, {126, 5, 170}, {205, 71, 124}, {249, 148, 67}, {238, 247, 38}}),
                Arguments.of(Colormap.TURBO, new int[][] {{35, 23, 27}, {38, 189, 225}, {150, 250, 80}, {255, 128, 29}, {144, 13, 0}}),
                Arguments.of(Colormap.VIRIDIS, new int[][] {{71, 1, 85}, {61, 82, 140}, {31, 144, 139}, {90, 200, 97}, {252, 231, 33}}),
                Arguments.of(Colormap.CYAN_TO_YELLOW, new int[][] {{0, 255, 255}, {0, 112, 159}, {64, 64, 64}, {159, 112, 0}, {255, 255, 0}}),
                Arguments.of(Colormap.SPECTRAL, new int[][] {{149, 2, 59}, {246, 143, 82}, {252, 248, 170}, {137, 205, 159}, {110, 70, 143}}),
                Arguments.of(Colormap.TWILIGHT, new int[][] {{254, 217, 240}, {107, 114, 187}, {68, 14, 77}, {179, 86, 86}, {254, 217, 240}}),
                Arguments.of(Colormap.RVIZ_MAP, new int[][] {{255, 255, 255}, {92, 92, 92}, {255, 0, 0}, {255, 128, 0}, {112, 137, 134}}),
                Arguments.of(Colormap.RVIZ_COSTMAP, new int[][] {{0, 0, 0}, {163, 0, 92}, {255, 0, 0}, {255, 128, 0}, {112, 137, 134}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleTable")
    void sampleTableWithinOnePerChannel(Colormap colormap, int[][] expected) {
        for (int i = 0; i < TS.length; i++) {
            assertRgb(Colormaps.argb(colormap, TS[i]), expected[i], colormap + " t=" + TS[i]);
        }
    }

    @Test
    void allElevenColormapsAreCovered() {
        assertThat(sampleTable().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) Colormap.values());
    }

    @Test
    void alphaIsOpaqueExceptCostmapAtZero() {
        for (Colormap c : Colormap.values()) {
            for (float t : TS) {
                int expectedAlpha = c == Colormap.RVIZ_COSTMAP && t == 0f ? 0 : 255;
                assertThat(Argb.alpha(Colormaps.argb(c, t))).as(c + " t=" + t).isEqualTo(expectedAlpha);
            }
        }
        assertThat(Colormaps.argb(Colormap.RVIZ_COSTMAP, 0f)).isZero(); // (0,0,0) fully transparent
        // Transparent only for palette index 0, i.e. t < 0.5/255.
        assertThat(Argb.alpha(Colormaps.argb(Colormap.RVIZ_COSTMAP, 0.4f / 255f))).isZero();
        assertThat(Argb.alpha(Colormaps.argb(Colormap.RVIZ_COSTMAP, 0.6f / 255f))).isEqualTo(255);
    }

    @Test
    void unroundedOutputMatchesTheDocument() {
        // A few cells of the unrounded table, including overshoots that are only clamped on output.
        assertSrgb(Colormap.TURBO, 0.75f, 1.0206f, 0.5017f, 0.1140f);
        assertSrgb(Colormap.TURBO, 1f, 0.5659f, 0.0504f, -0.0255f);
        assertSrgb(Colormap.INFERNO, 0f, 0.0002f, 0.0017f, -0.0195f);
        assertSrgb(Colormap.INFERNO, 1f, 0.9799f, 1.0102f, 0.6569f);
        assertSrgb(Colormap.MAGMA, 0.5f, 0.7195f, 0.2084f, 0.4679f);
        assertSrgb(Colormap.PLASMA, 0.25f, 0.4961f, 0.0198f, 0.6672f);
        assertSrgb(Colormap.VIRIDIS, 0.5f, 0.1219f, 0.5658f, 0.5456f);
        assertSrgb(Colormap.SPECTRAL, 0.75f, 0.5388f, 0.8041f, 0.6225f);
        assertSrgb(Colormap.TWILIGHT, 1f, 0.9944f, 0.8526f, 0.9396f);
    }

    @Test
    void infernoTopBlueIsTheF32Value() {
        // The document: f64 gives 168, f32 (GPU) gives 167. We evaluate like the GPU.
        assertThat(Argb.blue(Colormaps.argb(Colormap.INFERNO, 1f))).isEqualTo(167);
    }

    @Test
    void snippetRegionColors() {
        // §8.1, t computed in f32 against the automatic range [0, 65535].
        float square = 20000f / 65535f;
        float bar = 45000f / 65535f;
        assertThat(Argb.toHex(Colormaps.argb(Colormap.TURBO, 1f))).isEqualTo("#900D00");
        assertRgb(Colormaps.argb(Colormap.TURBO, square), new int[] {40, 218, 192}, "turbo square");
        assertRgb(Colormaps.argb(Colormap.TURBO, bar), new int[] {255, 171, 36}, "turbo bar");
        assertRgb(Colormaps.argb(Colormap.VIRIDIS, 1f), new int[] {252, 231, 33}, "viridis background");
        assertRgb(Colormaps.argb(Colormap.VIRIDIS, square), new int[] {53, 97, 142}, "viridis square");
        assertRgb(Colormaps.argb(Colormap.VIRIDIS, bar), new int[] {61, 187, 116}, "viridis bar");
        // Unrounded values quoted in §8.1.
        assertSrgb(Colormap.TURBO, square, 0.1569f, 0.8535f, 0.7518f);
        assertSrgb(Colormap.TURBO, bar, 1.0185f, 0.6718f, 0.1422f);
        assertSrgb(Colormap.VIRIDIS, square, 0.2095f, 0.3796f, 0.5560f);
        assertSrgb(Colormap.VIRIDIS, bar, 0.2375f, 0.7348f, 0.4554f);
        // Exact bytes for the square and bar, as quoted (these are our reference outputs).
        assertThat(Argb.toHex(Colormaps.argb(Colormap.TURBO, square))).isEqualTo("#28DAC0");
        assertThat(Argb.toHex(Colormaps.argb(Colormap.VIRIDIS, bar))).isEqualTo("#3DBB74");
    }

    @Test
    void inputIsSaturatedAndNanIsTheZeroColor() {
        for (Colormap c : Colormap.values()) {
            assertThat(Colormaps.argb(c, -3f)).as(c.toString()).isEqualTo(Colormaps.argb(c, 0f));
            assertThat(Colormaps.argb(c, Float.NEGATIVE_INFINITY)).isEqualTo(Colormaps.argb(c, 0f));
            assertThat(Colormaps.argb(c, 7f)).isEqualTo(Colormaps.argb(c, 1f));
            assertThat(Colormaps.argb(c, Float.POSITIVE_INFINITY)).isEqualTo(Colormaps.argb(c, 1f));
            assertThat(Colormaps.argb(c, Float.NaN)).isEqualTo(Colormaps.argb(c, 0f));
        }
    }

    @Test
    void rvizPaletteSegments() {
        // index n = floor(255 t + 0.5); pick t = n / 255 exactly on each segment.
        assertRgb(Colormaps.argb(Colormap.RVIZ_MAP, 100f / 255f), new int[] {0, 0, 0}, "map 100 black");
        assertRgb(Colormaps.argb(Colormap.RVIZ_MAP, 101f / 255f), new int[] {0, 255, 0}, "map 101 green");
        assertRgb(Colormaps.argb(Colormap.RVIZ_MAP, 127f / 255f), new int[] {0, 255, 0}, "map 127 green");
        assertRgb(Colormaps.argb(Colormap.RVIZ_MAP, 254f / 255f), new int[] {255, 255, 0}, "map 254 yellow");
        assertRgb(Colormaps.argb(Colormap.RVIZ_COSTMAP, 1f / 255f), new int[] {3, 0, 252}, "costmap 1");
        assertRgb(Colormaps.argb(Colormap.RVIZ_COSTMAP, 98f / 255f), new int[] {250, 0, 5}, "costmap 98");
        assertRgb(Colormaps.argb(Colormap.RVIZ_COSTMAP, 99f / 255f), new int[] {0, 255, 255}, "costmap 99 cyan");
        assertRgb(Colormaps.argb(Colormap.RVIZ_COSTMAP, 100f / 255f), new int[] {255, 0, 255}, "costmap 100 magenta");
        assertRgb(Colormaps.argb(Colormap.RVIZ_COSTMAP, 110f / 255f), new int[] {0, 255, 0}, "costmap 110 green");
    }

    @Test
    void argbPacking() {
        int p = Argb.pack(144, 13, 0, 255);
        assertThat(p).isEqualTo(0xFF900D00);
        assertThat(Argb.red(p)).isEqualTo(144);
        assertThat(Argb.green(p)).isEqualTo(13);
        assertThat(Argb.blue(p)).isEqualTo(0);
        assertThat(Argb.alpha(p)).isEqualTo(255);
        assertThat(Argb.toHex(p)).isEqualTo("#900D00");
    }

    static void assertRgb(int argb, int[] rgb, String what) {
        assertThat(Argb.red(argb)).as(what + " red").isCloseTo(rgb[0], within(1));
        assertThat(Argb.green(argb)).as(what + " green").isCloseTo(rgb[1], within(1));
        assertThat(Argb.blue(argb)).as(what + " blue").isCloseTo(rgb[2], within(1));
    }

    private static void assertSrgb(Colormap c, float t, float r, float g, float b) {
        float[] s = Colormaps.srgb(c, t);
        assertThat(s[0]).as(c + " r at " + t).isCloseTo(r, within(6e-4f));
        assertThat(s[1]).as(c + " g at " + t).isCloseTo(g, within(6e-4f));
        assertThat(s[2]).as(c + " b at " + t).isCloseTo(b, within(6e-4f));
    }
}
