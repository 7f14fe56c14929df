package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Automatic depth_range, docs/semantics.md §2.2. */
class DepthRangeTest {

    @Test
    void snippetIsZeroTo65535NotDataMin() {
        assertThat(DepthRange.automatic(Snippet.image())).isEqualTo(new DepthRange(0f, 65535f));
    }

    @Test
    void allZeroGivesEmptyRange() {
        assertThat(DepthRange.automatic(DepthImage.fromU16(new short[6], 3, 2))).isEqualTo(new DepthRange(0f, 0f));
    }

    @Test
    void onlyNegativesGiveInvertedRange() {
        DepthImage img = DepthImage.fromI16(new short[] {-5, -4, -3, -2}, 2, 2);
        assertThat(DepthRange.automatic(img)).isEqualTo(new DepthRange(0f, -2f));
    }

    @Test
    void lowerBoundIsAlwaysZero() {
        DepthImage img = DepthImage.fromI32(new int[] {-1000, 7}, 2, 1);
        assertThat(DepthRange.automatic(img)).isEqualTo(new DepthRange(0f, 7f));
        assertThat(DepthRange.automatic(DepthImage.fromF32(new float[] {3f, 5f}, 2, 1)))
                .isEqualTo(new DepthRange(0f, 5f));
    }

    @Test
    void nanIsIgnored() {
        DepthImage img = DepthImage.fromF32(new float[] {Float.NaN, 2.5f, Float.NaN, 1f}, 2, 2);
        assertThat(DepthRange.automatic(img)).isEqualTo(new DepthRange(0f, 2.5f));
    }

    @Test
    void allNanUsesTheDatatypeMaximum() {
        DepthImage f64 = DepthImage.fromF64(new double[] {Double.NaN, Double.NaN}, 2, 1);
        // f64::MAX narrowed to f32 is +inf.
        assertThat(DepthRange.automatic(f64)).isEqualTo(new DepthRange(0f, Float.POSITIVE_INFINITY));
        DepthImage f32 = DepthImage.fromF32(new float[] {Float.NaN}, 1, 1);
        assertThat(DepthRange.automatic(f32)).isEqualTo(new DepthRange(0f, Float.MAX_VALUE));
        DepthImage f16 = DepthImage.fromF16(new short[] {(short) 0x7E00}, 1, 1);
        assertThat(DepthRange.automatic(f16)).isEqualTo(new DepthRange(0f, 65504f));
    }

    @Test
    void infinitiesFallBackToTheFiniteMaximum() {
        DepthImage img = DepthImage.fromF32(new float[] {1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3f}, 2, 2);
        assertThat(DepthRange.automatic(img)).isEqualTo(new DepthRange(0f, 3f));
        DepthImage negInfOnly = DepthImage.fromF32(new float[] {Float.NEGATIVE_INFINITY, 4f, Float.NaN}, 3, 1);
        assertThat(DepthRange.automatic(negInfOnly)).isEqualTo(new DepthRange(0f, 4f));
    }

    @Test
    void onlyInfinitiesUseTheDatatypeMaximum() {
        DepthImage f32 = DepthImage.fromF32(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 2, 1);
        assertThat(DepthRange.automatic(f32)).isEqualTo(new DepthRange(0f, Float.MAX_VALUE));
        DepthImage f64 = DepthImage.fromF64(new double[] {Double.POSITIVE_INFINITY}, 1, 1);
        assertThat(DepthRange.automatic(f64)).isEqualTo(new DepthRange(0f, Float.POSITIVE_INFINITY));
        DepthImage f16 = DepthImage.fromF16(new short[] {(short) 0x7C00, (short) 0xFC00}, 2, 1);
        assertThat(DepthRange.automatic(f16)).isEqualTo(new DepthRange(0f, 65504f));
    }

    @Test
    void wideIntegerTypes() {
        DepthImage u32 = DepthImage.fromU32(new int[] {-1}, 1, 1); // 4294967295
        assertThat(DepthRange.automatic(u32)).isEqualTo(new DepthRange(0f, 4294967295f));
        DepthImage u64 = DepthImage.fromU64(new long[] {-1L, 5L}, 2, 1); // 2^64 - 1
        assertThat(DepthRange.automatic(u64).max()).isEqualTo(1.8446744e19f);
        DepthImage i64 = DepthImage.fromI64(new long[] {Long.MIN_VALUE, 12L}, 2, 1);
        assertThat(DepthRange.automatic(i64)).isEqualTo(new DepthRange(0f, 12f));
        DepthImage u8 = DepthImage.fromU8(new byte[] {(byte) 200, 3}, 2, 1);
        assertThat(DepthRange.automatic(u8)).isEqualTo(new DepthRange(0f, 200f));
    }

    @Test
    void datatypeMaxima() {
        assertThat(DepthRange.datatypeMax(ChannelDatatype.U8)).isEqualTo(255);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.I8)).isEqualTo(127);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.U16)).isEqualTo(65535);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.I16)).isEqualTo(32767);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.U32)).isEqualTo(4294967295.0);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.I32)).isEqualTo(2147483647.0);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.U64)).isEqualTo(1.8446744073709552e19);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.I64)).isEqualTo(9.223372036854776e18);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.F16)).isEqualTo(65504);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.F32)).isEqualTo(3.4028234663852886e38);
        assertThat(DepthRange.datatypeMax(ChannelDatatype.F64)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void effectiveRangePrefersTheLoggedOneNarrowedToF32() {
        // 0.1 is not representable in f32: the shader sees 0.1f.
        DepthImage img = Snippet.image().withDepthRange(0.1, 30000);
        assertThat(DepthRange.effectiveRange(img)).isEqualTo(new DepthRange(0.1f, 30000f));
        assertThat(DepthRange.effectiveRange(Snippet.image())).isEqualTo(new DepthRange(0f, 65535f));
    }
}
