package io.github.rerun4j.render.image;

import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.sdk.types.Colormap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/semantics.md §3.2. */
class NormalizationTest {

    @Test
    void f32Formula() {
        assertThat(Normalization.t(20000f, 0f, 65535f)).isEqualTo(20000f / 65535f);
        assertThat(Normalization.t(45000f, 0f, 65535f)).isEqualTo(0.6866560f);
        assertThat(Normalization.t(65535f, new DepthRange(0f, 65535f))).isEqualTo(1f);
        assertThat(Normalization.t(750f, 500f, 1500f)).isEqualTo(0.25f);
    }

    @Test
    void outOfRangeIsNotClampedHere() {
        assertThat(Normalization.t(3000f, 500f, 1500f)).isEqualTo(2.5f);
        assertThat(Normalization.t(0f, 500f, 1500f)).isEqualTo(-0.5f);
    }

    @Test
    void zeroWidthRange() {
        assertThat(Normalization.t(1f, 0f, 0f)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Normalization.t(-1f, 0f, 0f)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Normalization.t(0f, 0f, 0f)).isNaN();
        // Colors: +inf -> t=1, -inf and NaN -> t=0.
        assertThat(Colormaps.argb(Colormap.TURBO, Normalization.t(0f, 0f, 0f))).isEqualTo(Colormaps.argb(Colormap.TURBO, 0f));
    }

    @Test
    void invertedRangeGivesTheTopColorForNegativeData() {
        DepthRange r = new DepthRange(0f, -2f);
        for (float v : new float[] {-5f, -4f, -3f, -2f}) {
            float t = Normalization.t(v, r);
            assertThat(t).isGreaterThanOrEqualTo(1f);
            assertThat(Colormaps.argb(Colormap.VIRIDIS, t)).isEqualTo(Colormaps.argb(Colormap.VIRIDIS, 1f));
        }
    }

    @Test
    void nanStaysNan() {
        assertThat(Normalization.t(Float.NaN, 0f, 1f)).isNaN();
        assertThat(Normalization.all(new float[] {Float.NaN, 1f}, new DepthRange(0f, 2f))).containsExactly(Float.NaN, 0.5f);
    }
}
