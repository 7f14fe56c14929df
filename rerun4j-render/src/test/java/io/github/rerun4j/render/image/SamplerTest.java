package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.types.MagnificationFilter;
import org.junit.jupiter.api.Test;

import static io.github.rerun4j.render.image.Sampler.Filter.BICUBIC;
import static io.github.rerun4j.render.image.Sampler.Filter.BILINEAR;
import static io.github.rerun4j.render.image.Sampler.Filter.NEAREST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Filters of docs/semantics.md §4.3, against values computed by hand. */
class SamplerTest {

    /** 2x2, row-major: (0,0)=0, (1,0)=1, (0,1)=0.5, (1,1)=0.25. */
    private static final float[] TWO_BY_TWO = {0f, 1f, 0.5f, 0.25f};

    @Test
    void filterSelection() {
        assertThat(Sampler.choose(MagnificationFilter.NEAREST, true)).isEqualTo(NEAREST);
        assertThat(Sampler.choose(MagnificationFilter.NEAREST, false)).isEqualTo(NEAREST);
        assertThat(Sampler.choose(null, true)).isEqualTo(NEAREST);
        assertThat(Sampler.choose(MagnificationFilter.LINEAR, true)).isEqualTo(BILINEAR);
        assertThat(Sampler.choose(MagnificationFilter.LINEAR, false)).isEqualTo(BILINEAR);
        assertThat(Sampler.choose(MagnificationFilter.BICUBIC, true)).isEqualTo(BICUBIC);
        assertThat(Sampler.choose(MagnificationFilter.BICUBIC, false)).isEqualTo(BILINEAR);
    }

    @Test
    void magnifiedOnlyWhenAScreenPixelIsSmallerThanATexel() {
        assertThat(Sampler.isMagnified(300, 600)).isTrue();
        assertThat(Sampler.isMagnified(300, 301)).isTrue();
        assertThat(Sampler.isMagnified(300, 300)).isFalse(); // fwidth == 1 is not < 1
        assertThat(Sampler.isMagnified(300, 150)).isFalse();
    }

    @Test
    void nearestTakesTheTexelUnderThePointClampedToTheEdge() {
        assertThat(Sampler.nearest(TWO_BY_TWO, 2, 2, 0.5f, 0.5f)).isEqualTo(0f);
        assertThat(Sampler.nearest(TWO_BY_TWO, 2, 2, 1.9f, 0.1f)).isEqualTo(1f);
        assertThat(Sampler.nearest(TWO_BY_TWO, 2, 2, 1.5f, 1.5f)).isEqualTo(0.25f);
        assertThat(Sampler.nearest(TWO_BY_TWO, 2, 2, 1.0f, 1.0f)).isEqualTo(0.25f); // floor(1) = 1
        assertThat(Sampler.nearest(TWO_BY_TWO, 2, 2, -3f, 5f)).isEqualTo(0.5f);
    }

    @Test
    void bilinearByHand() {
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 1f, 1f)).isEqualTo(0.4375f);   // mean of all four
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 0.75f, 0.5f)).isEqualTo(0.25f); // f = (0.25, 0)
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 0.5f, 1f)).isEqualTo(0.25f);   // f = (0, 0.5)
        // f = (0.75, 0.25): top 0.75, bottom 0.5*0.25 + 0.25*0.75 = 0.3125 -> 0.75*0.75 + 0.3125*0.25
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 1.25f, 0.75f)).isEqualTo(0.640625f);
    }

    @Test
    void bilinearClampsToTheEdgeAndIsExactAtTexelCentres() {
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 0.25f, 0.25f)).isEqualTo(0f);
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 2f, 2f)).isEqualTo(0.25f);
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 1.5f, 0.5f)).isEqualTo(1f);
        assertThat(Sampler.bilinear(TWO_BY_TWO, 2, 2, 0.5f, 1.5f)).isEqualTo(0.5f);
    }

    @Test
    void bilinearIsNotClamped() {
        float[] wide = {-1f, 3f};
        assertThat(Sampler.bilinear(wide, 2, 1, 1f, 0.5f)).isEqualTo(1f);
        assertThat(Sampler.bilinear(wide, 2, 1, 0.5f, 0.5f)).isEqualTo(-1f);
    }

    @Test
    void catmullRomWeights() {
        assertThat(Sampler.catmullRomWeights(0f)).containsExactly(0f, 1f, 0f, 0f);
        assertThat(Sampler.catmullRomWeights(0.5f)).containsExactly(-0.0625f, 0.5625f, 0.5625f, -0.0625f);
        assertThat(Sampler.catmullRomWeights(0.25f)).containsExactly(-0.0703125f, 0.8671875f, 0.2265625f, -0.0234375f);
    }

    @Test
    void bicubicByHand() {
        // T(x, y) = a[x] * b[y] on a 4x4 image, so the result is (sum wx*a) * (sum wy*b).
        float[] a = {0f, 0.2f, 0.4f, 1f};
        float[] b = {1f, 0.5f, 0.5f, 1f};
        float[] img = new float[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img[y * 4 + x] = a[x] * b[y];
            }
        }
        // p = (2, 2): base texel 1, f = 0.5 -> 0.275 * 0.4375
        assertThat(Sampler.bicubic(img, 4, 4, 2f, 2f)).isCloseTo(0.275f * 0.4375f, within(1e-6f));
        // p = (1.75, 1.5): x f = 0.25 -> 0.240625; y exactly at texel 1 -> b[1] = 0.5
        assertThat(Sampler.bicubic(img, 4, 4, 1.75f, 1.5f)).isCloseTo(0.240625f * 0.5f, within(1e-6f));
        // texel centre: the texel itself
        assertThat(Sampler.bicubic(img, 4, 4, 2.5f, 3.5f)).isCloseTo(a[2] * b[3], within(1e-7f));
    }

    @Test
    void bicubicOvershootIsClamped() {
        float[] step = {0f, 0f, 0f, 1f};
        // p = 2: taps 0..3 with f = 0.5 -> w2 * 1 = -0.0625 -> clamped to 0
        assertThat(Sampler.bicubic(step, 4, 1, 2f, 0.5f)).isEqualTo(0f);
        float[] down = {1f, 1f, 1f, 0f};
        // 1 - w2 = 1.0625 -> clamped to 1
        assertThat(Sampler.bicubic(down, 4, 1, 2f, 0.5f)).isEqualTo(1f);
        // edge clamp: beyond the left border every tap is texel 0
        assertThat(Sampler.bicubic(down, 4, 1, -2f, 0.5f)).isEqualTo(1f);
    }

    @Test
    void nanInTheFootprintPoisonsTheResult() {
        float[] img = {Float.NaN, 1f, 0.5f, 0.25f};
        assertThat(Sampler.bilinear(img, 2, 2, 1f, 1f)).isNaN();
        assertThat(Sampler.bicubic(img, 2, 2, 1.5f, 1.5f)).isNaN(); // weight 0 but NaN * 0 = NaN
        assertThat(Sampler.nearest(img, 2, 2, 1.5f, 1.5f)).isEqualTo(0.25f);
        assertThat(Sampler.sample(img, 2, 2, 1.5f, 1.5f, NEAREST)).isEqualTo(0.25f);
    }
}
