package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.PixelFormat;
import io.github.rerun4j.sdk.types.ValueRange;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepthImageTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static byte[] bytes(DepthImage d) {
        return d.buffer().toByteArray();
    }

    @Test
    void u16LandsLittleEndianRowMajor() {
        DepthImage d = DepthImage.fromU16(new short[] {1, 0x0102}, 2, 1);
        assertThat(bytes(d)).containsExactly(b(1, 0, 2, 1));
        assertThat(d.format()).isEqualTo(ImageFormat.depth(2, 1, ChannelDatatype.U16));
        assertThat(d.format().pixelFormat()).isNull();
        assertThat(d.format().colorModel()).isNull();
        assertThat(d.width()).isEqualTo(2);
        assertThat(d.height()).isEqualTo(1);
        assertThat(d.archetypeName()).isEqualTo("rerun.archetypes.DepthImage");
        assertThat(d.shortName()).isEqualTo("DepthImage");

        // pixel (x=1, y=0) of a 2x2 image is element 1, (x=0, y=1) is element 2
        DepthImage square = DepthImage.fromU16(new short[] {10, 11, 12, 13}, 2, 2);
        assertThat(square.buffer().asByteBuffer().getShort(2 * (1 * 2 + 0))).isEqualTo((short) 12);
    }

    @Test
    void everyTypedFactorySetsItsDatatypeAndBytes() {
        assertThat(DepthImage.fromU8(b(1, 2), 2, 1).datatype()).isEqualTo(ChannelDatatype.U8);
        assertThat(DepthImage.fromI8(b(-1, 2), 2, 1).datatype()).isEqualTo(ChannelDatatype.I8);
        assertThat(bytes(DepthImage.fromI8(b(-1, 2), 2, 1))).containsExactly(b(0xFF, 2));
        assertThat(DepthImage.fromI16(new short[] {-2}, 1, 1).datatype()).isEqualTo(ChannelDatatype.I16);
        assertThat(bytes(DepthImage.fromI16(new short[] {-2}, 1, 1))).containsExactly(b(0xFE, 0xFF));
        assertThat(DepthImage.fromF16(new short[] {0x3C00}, 1, 1).datatype()).isEqualTo(ChannelDatatype.F16);
        assertThat(bytes(DepthImage.fromF16(new short[] {0x3C00}, 1, 1))).containsExactly(b(0, 0x3C));
        assertThat(bytes(DepthImage.fromU32(new int[] {0x01020304}, 1, 1))).containsExactly(b(4, 3, 2, 1));
        assertThat(DepthImage.fromU32(new int[] {1}, 1, 1).datatype()).isEqualTo(ChannelDatatype.U32);
        assertThat(DepthImage.fromI32(new int[] {1}, 1, 1).datatype()).isEqualTo(ChannelDatatype.I32);
        assertThat(bytes(DepthImage.fromU64(new long[] {0x0102030405060708L}, 1, 1)))
                .containsExactly(b(8, 7, 6, 5, 4, 3, 2, 1));
        assertThat(DepthImage.fromU64(new long[] {1}, 1, 1).datatype()).isEqualTo(ChannelDatatype.U64);
        assertThat(DepthImage.fromI64(new long[] {1}, 1, 1).datatype()).isEqualTo(ChannelDatatype.I64);
        assertThat(bytes(DepthImage.fromF32(new float[] {1f}, 1, 1))).containsExactly(b(0, 0, 0x80, 0x3F));
        assertThat(DepthImage.fromF32(new float[] {1f}, 1, 1).datatype()).isEqualTo(ChannelDatatype.F32);
        assertThat(bytes(DepthImage.fromF64(new double[] {1.0}, 1, 1))).containsExactly(b(0, 0, 0, 0, 0, 0, 0xF0, 0x3F));
        assertThat(DepthImage.fromF64(new double[] {1.0}, 1, 1).datatype()).isEqualTo(ChannelDatatype.F64);
    }

    @Test
    void bufferFactoriesConvertBigEndianAndDirectBuffers() {
        ByteBuffer be = ByteBuffer.allocateDirect(4).order(ByteOrder.BIG_ENDIAN);
        be.asShortBuffer().put(new short[] {1, 0x0102});
        DepthImage u16 = DepthImage.fromU16(be.asShortBuffer(), 2, 1);
        assertThat(bytes(u16)).containsExactly(b(1, 0, 2, 1));
        assertThat(u16.buffer().isDirect()).isTrue();
        assertThat(DepthImage.fromI16(be.asShortBuffer(), 2, 1).datatype()).isEqualTo(ChannelDatatype.I16);
        assertThat(DepthImage.fromF16(be.asShortBuffer(), 2, 1).datatype()).isEqualTo(ChannelDatatype.F16);

        ByteBuffer heapBe = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        heapBe.asFloatBuffer().put(new float[] {1f, 2f});
        assertThat(bytes(DepthImage.fromF32(heapBe.asFloatBuffer(), 1, 2))).containsExactly(b(0, 0, 0x80, 0x3F, 0, 0, 0, 0x40));
        heapBe.clear().asIntBuffer().put(new int[] {0x01020304, 5});
        assertThat(bytes(DepthImage.fromU32(heapBe.asIntBuffer(), 2, 1))).startsWith(b(4, 3, 2, 1));
        assertThat(DepthImage.fromI32(heapBe.asIntBuffer(), 2, 1).datatype()).isEqualTo(ChannelDatatype.I32);
        heapBe.clear().asLongBuffer().put(0x0102030405060708L);
        assertThat(bytes(DepthImage.fromU64(heapBe.asLongBuffer(), 1, 1))).containsExactly(b(8, 7, 6, 5, 4, 3, 2, 1));
        assertThat(DepthImage.fromI64(heapBe.asLongBuffer(), 1, 1).datatype()).isEqualTo(ChannelDatatype.I64);
        heapBe.clear().asDoubleBuffer().put(1.0);
        assertThat(bytes(DepthImage.fromF64(heapBe.asDoubleBuffer(), 1, 1))).containsExactly(b(0, 0, 0, 0, 0, 0, 0xF0, 0x3F));
    }

    @Test
    void fromBytesTakesRawLittleEndianBytes() {
        ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).put(b(1, 0, 2, 1)).flip();
        DepthImage d = DepthImage.fromBytes(raw, 2, 1, ChannelDatatype.U16);
        assertThat(bytes(d)).containsExactly(b(1, 0, 2, 1));
        assertThat(d.buffer().asByteBuffer().getShort(2)).isEqualTo((short) 0x0102);
        assertThat(DepthImage.fromBytes(b(0, 0, 0x80, 0x3F), 1, 1, ChannelDatatype.F32).datatype())
                .isEqualTo(ChannelDatatype.F32);
        assertThatThrownBy(() -> DepthImage.fromBytes(b(1, 2, 3), 2, 1, ChannelDatatype.U16))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("DepthImage.buffer: got 3 bytes, expected 4 bytes (width*height*2 for L U16 2x1)");
    }

    @Test
    void factoriesCopyTheUserData() {
        short[] data = {1, 2};
        DepthImage d = DepthImage.fromU16(data, 2, 1);
        data[0] = 7;
        assertThat(bytes(d)).containsExactly(b(1, 0, 2, 0));
        float[] f = {1f};
        DepthImage df = DepthImage.fromF32(f, 1, 1);
        f[0] = 2f;
        assertThat(df.buffer().asByteBuffer().getFloat(0)).isEqualTo(1f);
    }

    @Test
    void tensorShapes() {
        float[] data = {1, 2, 3, 4, 5, 6};
        for (long[] shape : new long[][] {{2, 3}, {2, 3, 1}, {1, 2, 3}, {1, 2, 3, 1}, {1, 1, 2, 3, 1, 1}}) {
            DepthImage d = DepthImage.fromTensor(data, shape, ChannelDatatype.F32);
            assertThat(d.height()).as(java.util.Arrays.toString(shape)).isEqualTo(2);
            assertThat(d.width()).isEqualTo(3);
        }
        assertThat(DepthImage.fromTensor(new float[] {1, 2}, new long[] {1, 2}, ChannelDatatype.F32).width()).isEqualTo(2);
        assertThat(DepthImage.fromTensor(new short[6], new long[] {3, 2, 1}, ChannelDatatype.U16).height()).isEqualTo(3);
        assertThat(DepthImage.fromTensor(new byte[12], new long[] {2, 3}, ChannelDatatype.U16).datatype())
                .isEqualTo(ChannelDatatype.U16); // raw bytes
        assertThatThrownBy(() -> DepthImage.fromTensor(new float[18], new long[] {2, 3, 3}, ChannelDatatype.F32))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("DepthImage.shape: got [2, 3, 3]")
                .hasMessageContaining("DepthImage must be 2D");
        assertThatThrownBy(() -> DepthImage.fromTensor(new float[6], new long[] {6}, ChannelDatatype.F32))
                .hasMessageContaining("DepthImage must be 2D");
        assertThatThrownBy(() -> DepthImage.fromTensor(new float[6], new long[] {2, 0, 3}, ChannelDatatype.F32))
                .hasMessageContaining("DepthImage.shape");
        assertThatThrownBy(() -> DepthImage.fromTensor(new float[6], new long[] {2, 4}, ChannelDatatype.F32))
                .hasMessage("DepthImage.buffer: got 6 elements, expected 8 elements (width*height for L F32 4x2)");
        assertThatThrownBy(() -> DepthImage.fromTensor(new float[6], new long[] {2, 3}, ChannelDatatype.U16))
                .hasMessageContaining("DepthImage.datatype: got U16 with float[]");
        assertThatThrownBy(() -> DepthImage.fromTensor("x", new long[] {2, 3}, ChannelDatatype.U16))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("DepthImage.data");
    }

    @Test
    void withersAndToString() {
        DepthImage d = DepthImage.fromU16(new short[300 * 200], 300, 200)
                .withMeter(10000)
                .withColormap("viridis");
        assertThat(d.meter()).isEqualTo(10000f);
        assertThat(d.colormap()).isEqualTo(Colormap.VIRIDIS);
        assertThat(d).hasToString("DepthImage[format=L U16 300x200, meter=10000.0, colormap=Viridis, buffer=120000 bytes]");
        DepthImage all = d.withDepthRange(0, 5000).withPointFillRatio(0.5).withDrawOrder(-20)
                .withMagnificationFilter(MagnificationFilter.LINEAR);
        assertThat(all.depthRange()).isEqualTo(ValueRange.of(0, 5000));
        assertThat(all.pointFillRatio()).isEqualTo(0.5f);
        assertThat(all.drawOrder()).isEqualTo(-20f);
        assertThat(all.magnificationFilter()).isEqualTo(MagnificationFilter.LINEAR);
        assertThat(all.withColormap((Colormap) null).colormap()).isNull();
        assertThat(all.withMeter((Float) null).meter()).isNull();
        assertThat(d.buffer()).isSameAs(all.buffer()); // withers share the immutable buffer
        DepthImage sourced = all.withColorSource("world/camera/rgb");
        assertThat(sourced.colorSource()).hasToString("/world/camera/rgb");
        assertThat(sourced.magnificationFilter()).isEqualTo(MagnificationFilter.LINEAR);
        assertThat(sourced.withMeter(5).colorSource()).isEqualTo(sourced.colorSource());  // kept by the other withers
        assertThat(sourced.toString()).endsWith("colorSource=/world/camera/rgb, buffer=120000 bytes]");
        assertThat(sourced.withColorSource((io.github.rerun4j.sdk.types.EntityPath) null)).isEqualTo(all);
        assertThatThrownBy(() -> d.withColorSource((String) null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("DepthImage.colorSource");
        assertThat(DepthImage.fromU16(new short[] {1}, 1, 1)).isEqualTo(DepthImage.fromU16(new short[] {1}, 1, 1));
        // an L color model is accepted as depth
        assertThat(new DepthImage(ImageBuffer.of(new short[1]), ImageFormat.of(1, 1, ColorModel.L, ChannelDatatype.U16)))
                .isNotNull();
    }

    private static void assertRejected(Supplier<?> call, String field, String value, String expectedPart) {
        assertThatThrownBy(call::get)
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(field)
                .hasMessageContaining("got " + value)
                .hasMessageContaining(expectedPart)
                .satisfies(e -> {
                    InvalidArgumentException iae = (InvalidArgumentException) e;
                    assertThat(iae.field()).isEqualTo(field);
                    assertThat(iae.value()).isEqualTo(value);
                    assertThat(iae.expected()).contains(expectedPart);
                });
    }

    @Test
    void badInputTable() {
        DepthImage ok = DepthImage.fromU16(new short[6], 3, 2);
        assertRejected(() -> DepthImage.fromU16(new short[5], 3, 2), "DepthImage.buffer", "5 elements",
                "6 elements (width*height for L U16 3x2)");
        assertRejected(() -> DepthImage.fromU16(new short[0], 0, 2), "ImageFormat.width", "0", "> 0");
        assertRejected(() -> DepthImage.fromF32(new float[2], 2, -1), "ImageFormat.height", "-1", "> 0");
        assertRejected(() -> DepthImage.fromU16(new short[1], 65536, 65536), "ImageFormat",
                "L U16 65536x65536 = 8589934592 bytes", "at most 2147483639 bytes");
        assertRejected(() -> DepthImage.fromU16((short[]) null, 1, 1), "DepthImage.data", "null", "non-null");
        assertRejected(() -> ok.withMeter(-1), "DepthImage.meter", "-1.0", "a finite value > 0");
        assertRejected(() -> ok.withMeter(0), "DepthImage.meter", "0.0", "a finite value > 0");
        assertRejected(() -> ok.withMeter(Double.NaN), "DepthImage.meter", "NaN", "a finite value > 0");
        assertRejected(() -> ok.withMeter(Double.POSITIVE_INFINITY), "DepthImage.meter", "Infinity", "a finite value > 0");
        assertRejected(() -> ok.withMeter(1e300), "DepthImage.meter", "1.0E300", "a finite value > 0");
        assertRejected(() -> ok.withMeter(Float.valueOf(-1f)), "DepthImage.meter", "-1.0", "a finite value > 0");
        assertRejected(() -> ok.withDepthRange(Double.NaN, 1), "ValueRange", "[NaN, 1.0]", "min <= max");
        assertRejected(() -> ok.withDepthRange(5, 1), "ValueRange", "[5.0, 1.0]", "min <= max");
        assertRejected(() -> ok.withPointFillRatio(-0.1), "DepthImage.pointFillRatio", "-0.1", ">= 0");
        assertRejected(() -> ok.withDrawOrder(Double.NaN), "DepthImage.drawOrder", "NaN", "a finite value");
        assertRejected(() -> ok.withColormap("jet"), "Colormap.name", "\"jet\"", "Viridis");
        assertRejected(() -> new DepthImage(null, ok.format()), "DepthImage.buffer", "null", "non-null");
        assertRejected(() -> new DepthImage(ok.buffer(), null), "DepthImage.format", "null", "non-null");
        assertRejected(() -> new DepthImage(ImageBuffer.of(new byte[11]), ok.format()), "DepthImage.buffer",
                "11 bytes", "12 bytes for L U16 3x2");
        assertRejected(() -> new DepthImage(ImageBuffer.of(new byte[18]), ImageFormat.of(3, 2, ColorModel.RGB, ChannelDatatype.U8)),
                "DepthImage.format", "RGB U8 3x2", "color model null or L");
        assertRejected(() -> new DepthImage(ImageBuffer.of(new byte[16]), ImageFormat.of(4, 4, PixelFormat.Y8_FULL_RANGE)),
                "DepthImage.format", "Y8_FullRange 4x4", "no pixel format");
        assertRejected(() -> DepthImage.fromBytes(new byte[2], 1, 1, null), "DepthImage.datatype", "null", "non-null");
    }
}
