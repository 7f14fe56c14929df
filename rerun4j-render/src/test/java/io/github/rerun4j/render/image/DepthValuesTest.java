package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepthValuesTest {

    @Test
    void readsEveryDatatype() {
        assertThat(DepthValues.get(DepthImage.fromU8(new byte[] {(byte) 250}, 1, 1), 0, 0)).isEqualTo(250);
        assertThat(DepthValues.get(DepthImage.fromI8(new byte[] {(byte) 250}, 1, 1), 0, 0)).isEqualTo(-6);
        assertThat(DepthValues.get(DepthImage.fromU16(new short[] {(short) 65535}, 1, 1), 0, 0)).isEqualTo(65535);
        assertThat(DepthValues.get(DepthImage.fromI16(new short[] {(short) 65535}, 1, 1), 0, 0)).isEqualTo(-1);
        assertThat(DepthValues.get(DepthImage.fromU32(new int[] {-1}, 1, 1), 0, 0)).isEqualTo(4294967295.0);
        assertThat(DepthValues.get(DepthImage.fromI32(new int[] {-7}, 1, 1), 0, 0)).isEqualTo(-7);
        assertThat(DepthValues.get(DepthImage.fromU64(new long[] {-1L}, 1, 1), 0, 0)).isEqualTo(1.8446744073709552e19);
        assertThat(DepthValues.get(DepthImage.fromI64(new long[] {-9L}, 1, 1), 0, 0)).isEqualTo(-9);
        assertThat(DepthValues.get(DepthImage.fromF16(new short[] {(short) 0x4248}, 1, 1), 0, 0)).isEqualTo(3.140625);
        assertThat(DepthValues.get(DepthImage.fromF32(new float[] {0.1f}, 1, 1), 0, 0)).isEqualTo((double) 0.1f);
        assertThat(DepthValues.get(DepthImage.fromF64(new double[] {0.1}, 1, 1), 0, 0)).isEqualTo(0.1);
    }

    @Test
    void pixelAddressingIsRowMajor() {
        DepthImage img = DepthImage.fromU16(new short[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertThat(DepthValues.get(img, 2, 0)).isEqualTo(3);
        assertThat(DepthValues.get(img, 0, 1)).isEqualTo(4);
        assertThatThrownBy(() -> DepthValues.get(img, 3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readIgnoresTheBufferByteOrderFlag() {
        ByteBuffer be = ByteBuffer.wrap(new byte[] {0x20, 0x4E}).order(ByteOrder.BIG_ENDIAN); // 20000 LE
        assertThat(DepthValues.read(be, ChannelDatatype.U16, 0)).isEqualTo(20000);
    }

    @Test
    void integerBitsAreExact() {
        ByteBuffer b = DepthImage.fromU64(new long[] {-1L}, 1, 1).buffer().asByteBuffer();
        assertThat(Long.toUnsignedString(DepthValues.readInteger(b, ChannelDatatype.U64, 0)))
                .isEqualTo("18446744073709551615");
        ByteBuffer i = DepthImage.fromI64(new long[] {Long.MIN_VALUE}, 1, 1).buffer().asByteBuffer();
        assertThat(DepthValues.readInteger(i, ChannelDatatype.I64, 0)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void halfFloatDecoding() {
        assertThat(DepthValues.halfToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(DepthValues.halfToFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(DepthValues.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(DepthValues.halfToFloat((short) 0xFBFF)).isEqualTo(-65504f);
        assertThat(DepthValues.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);   // smallest subnormal
        assertThat(DepthValues.halfToFloat((short) 0x03FF)).isEqualTo(1023 * 0x1p-24f); // largest subnormal
        assertThat(DepthValues.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f);   // smallest normal
        assertThat(DepthValues.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(DepthValues.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(DepthValues.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(DepthValues.halfToFloat((short) 0x7E00)).isNaN();
        assertThat(Float.floatToRawIntBits(DepthValues.halfToFloat((short) 0x8000))).isEqualTo(0x8000_0000);
    }

    @Test
    void halfFloatDecodingIsMonotonicAndSignSymmetricOverAllPatterns() {
        // Every finite/infinite positive pattern decodes above its predecessor; negatives mirror them.
        float previous = -1f;
        for (int h = 0; h <= 0x7C00; h++) {
            float v = DepthValues.halfToFloat((short) h);
            assertThat(v).isGreaterThan(previous);
            assertThat(Float.floatToRawIntBits(DepthValues.halfToFloat((short) (h | 0x8000))))
                    .isEqualTo(Float.floatToRawIntBits(v) | 0x8000_0000);
            previous = v;
        }
        for (int h = 0x7C01; h <= 0x7FFF; h++) {
            assertThat(DepthValues.halfToFloat((short) h)).isNaN();
            assertThat(DepthValues.halfToFloat((short) (h | 0x8000))).isNaN();
        }
    }

    @Test
    void gpuValuesAreNarrowedToF32() {
        float[] u32 = DepthValues.toGpuValues(DepthImage.fromU32(new int[] {16_777_217}, 1, 1));
        assertThat(u32[0]).isEqualTo(16_777_216f); // 2^24 + 1 is not an f32
        float[] u64 = DepthValues.toGpuValues(DepthImage.fromU64(new long[] {-1L}, 1, 1));
        assertThat(u64[0]).isEqualTo(0x1p64f);
        // 2^62 + 2^38 + 1: rounding via f64 first would tie-break down to 2^62; direct rounding goes up.
        long tricky = (1L << 62) + (1L << 38) + 1;
        float[] i64 = DepthValues.toGpuValues(DepthImage.fromI64(new long[] {tricky}, 1, 1));
        assertThat(i64[0]).isEqualTo(0x1p62f + 0x1p39f);
        float[] f64 = DepthValues.toGpuValues(DepthImage.fromF64(new double[] {1e300, 0.1}, 2, 1));
        assertThat(f64).containsExactly(Float.POSITIVE_INFINITY, 0.1f);
        assertThat(DepthValues.count(Snippet.image())).isEqualTo(60_000);
    }
}
