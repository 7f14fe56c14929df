package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.ValueRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fallbacks (semantics §2) and the order override > logged > fallback (§1.1), in their one home. */
class EffectiveDepthImageTest {

    @Test
    void fallbacksOfAnIntegerAndAFloatImage() {
        EffectiveDepthImage u16 = EffectiveDepthImage.of(DepthImage.fromU16(new short[] {20000, (short) 65535}, 2, 1));
        assertThat(u16.meter()).isEqualTo(1000f);
        assertThat(u16.colormap()).isEqualTo(Colormap.TURBO);
        assertThat(u16.range()).isEqualTo(new DepthRange(0f, 65535f));
        assertThat(u16.pointFillRatio()).isEqualTo(1f);
        assertThat(u16.drawOrder()).isEqualTo(-20f);
        assertThat(u16.filter()).isEqualTo(MagnificationFilter.NEAREST);
        assertThat(EffectiveDepthImage.of(DepthImage.fromF32(new float[] {2f}, 1, 1)).meter()).isEqualTo(1f);
    }

    @Test
    void loggedValuesWinOverFallbacksAndOverridesOverBoth() {
        DepthImage logged = DepthImage.fromU16(new short[] {1, 2}, 2, 1).withMeter(10000)
                .withColormap(Colormap.VIRIDIS).withDepthRange(ValueRange.of(0, 5000)).withPointFillRatio(0.5)
                .withDrawOrder(3.0).withMagnificationFilter(MagnificationFilter.LINEAR);
        EffectiveDepthImage e = EffectiveDepthImage.of(logged);
        assertThat(e.meter()).isEqualTo(10000f);
        assertThat(e.colormap()).isEqualTo(Colormap.VIRIDIS);
        assertThat(e.range()).isEqualTo(new DepthRange(0f, 5000f));
        assertThat(e.pointFillRatio()).isEqualTo(0.5f);
        assertThat(e.drawOrder()).isEqualTo(3f);
        assertThat(e.filter()).isEqualTo(MagnificationFilter.LINEAR);

        EffectiveDepthImage o = EffectiveDepthImage.of(logged, RenderOverrides.NONE.withColormap(Colormap.MAGMA)
                .withRange(new DepthRange(1f, 2f)).withFilter(MagnificationFilter.BICUBIC));
        assertThat(o.colormap()).isEqualTo(Colormap.MAGMA);
        assertThat(o.range()).isEqualTo(new DepthRange(1f, 2f));
        assertThat(o.filter()).isEqualTo(MagnificationFilter.BICUBIC);
        assertThat(EffectiveDepthImage.of(logged, null)).isEqualTo(e);
    }
}
