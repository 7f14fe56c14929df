package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Meter fallback, docs/semantics.md §2. */
class MeterTest {

    @Test
    void integerImagesDefaultTo1000() {
        assertThat(Meter.effective(DepthImage.fromU16(new short[1], 1, 1))).isEqualTo(1000f);
        assertThat(Meter.effective(DepthImage.fromU8(new byte[1], 1, 1))).isEqualTo(1000f);
        assertThat(Meter.effective(DepthImage.fromI64(new long[1], 1, 1))).isEqualTo(1000f);
    }

    @Test
    void floatImagesDefaultTo1() {
        assertThat(Meter.effective(DepthImage.fromF32(new float[1], 1, 1))).isEqualTo(1f);
        assertThat(Meter.effective(DepthImage.fromF16(new short[1], 1, 1))).isEqualTo(1f);
        assertThat(Meter.effective(DepthImage.fromF64(new double[1], 1, 1))).isEqualTo(1f);
    }

    @Test
    void loggedMeterWins() {
        assertThat(Meter.effective(Snippet.image())).isEqualTo(10000f);
        assertThat(Meter.effective(DepthImage.fromF32(new float[1], 1, 1).withMeter(0.001))).isEqualTo(0.001f);
    }
}
