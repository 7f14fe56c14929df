package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.ShortBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageBufferTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void arraysBecomeLittleEndianBytes() {
        assertThat(ImageBuffer.of(new short[] {1, 0x0102}).toByteArray()).containsExactly(b(1, 0, 2, 1));
        assertThat(ImageBuffer.of(new int[] {0x01020304}).toByteArray()).containsExactly(b(4, 3, 2, 1));
        assertThat(ImageBuffer.of(new long[] {0x0102030405060708L}).toByteArray())
                .containsExactly(b(8, 7, 6, 5, 4, 3, 2, 1));
        assertThat(ImageBuffer.of(new float[] {1.0f}).toByteArray()).containsExactly(b(0, 0, 0x80, 0x3F));
        assertThat(ImageBuffer.of(new double[] {1.0}).toByteArray()).containsExactly(b(0, 0, 0, 0, 0, 0, 0xF0, 0x3F));
        assertThat(ImageBuffer.of(b(9, 8)).toByteArray()).containsExactly(b(9, 8));
    }

    @Test
    void typedBuffersOfAnyOrderBecomeLittleEndian() {
        ShortBuffer bigHeap = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).asShortBuffer().put(new short[] {1, 0x0102}).flip();
        ShortBuffer bigDirect = ByteBuffer.allocateDirect(4).order(ByteOrder.BIG_ENDIAN).asShortBuffer().put(new short[] {1, 0x0102}).flip();
        ShortBuffer wrapped = ShortBuffer.wrap(new short[] {1, 0x0102});
        for (ShortBuffer src : new ShortBuffer[] {bigHeap, bigDirect, wrapped}) {
            ImageBuffer img = ImageBuffer.of(src);
            assertThat(img.toByteArray()).as(src.toString()).containsExactly(b(1, 0, 2, 1));
            assertThat(src.position()).isZero(); // source untouched
        }
        assertThat(ImageBuffer.of(bigDirect).isDirect()).isTrue();
        assertThat(ImageBuffer.of(wrapped).isDirect()).isFalse();

        var ints = ByteBuffer.allocateDirect(4).order(ByteOrder.BIG_ENDIAN).asIntBuffer().put(0x01020304).flip();
        assertThat(ImageBuffer.of(ints).toByteArray()).containsExactly(b(4, 3, 2, 1));
        var longs = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).asLongBuffer().put(0x0102030405060708L).flip();
        assertThat(ImageBuffer.of(longs).toByteArray()).containsExactly(b(8, 7, 6, 5, 4, 3, 2, 1));
        var floats = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().put(1.0f).flip();
        assertThat(ImageBuffer.of(floats).toByteArray()).containsExactly(b(0, 0, 0x80, 0x3F));
        var doubles = ByteBuffer.allocateDirect(8).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer().put(1.0).flip();
        assertThat(ImageBuffer.of(doubles).toByteArray()).containsExactly(b(0, 0, 0, 0, 0, 0, 0xF0, 0x3F));
    }

    @Test
    void byteBuffersAreCopiedVerbatimFromTheirPosition() {
        ByteBuffer src = ByteBuffer.allocateDirect(5).order(ByteOrder.BIG_ENDIAN).put(b(7, 1, 2, 3, 4));
        src.position(1);
        ImageBuffer img = ImageBuffer.of(src);
        assertThat(img.toByteArray()).containsExactly(b(1, 2, 3, 4));
        assertThat(img.isDirect()).isTrue();
        assertThat(src.position()).isEqualTo(1);
    }

    @Test
    void copiesSoLaterMutationDoesNotLeak() {
        short[] data = {1, 2};
        ImageBuffer img = ImageBuffer.of(data);
        data[0] = 99;
        assertThat(img.toByteArray()).containsExactly(b(1, 0, 2, 0));

        ByteBuffer src = ByteBuffer.wrap(b(1, 2));
        ImageBuffer fromBuffer = ImageBuffer.of(src);
        src.put(0, (byte) 42);
        assertThat(fromBuffer.get(0)).isEqualTo((byte) 1);

        byte[] out = img.toByteArray();
        out[0] = 5;
        assertThat(img.get(0)).isEqualTo((byte) 1);
    }

    @Test
    void asByteBufferIsAFreshReadOnlyLittleEndianView() {
        ImageBuffer img = ImageBuffer.of(new short[] {0x0102});
        ByteBuffer view = img.asByteBuffer();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(view.getShort()).isEqualTo((short) 0x0102);
        assertThat(img.asByteBuffer().position()).isZero(); // reading one view does not move another
        assertThatThrownBy(() -> view.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(img.size()).isEqualTo(2);
    }

    @Test
    void equalityByContent() {
        ImageBuffer a = ImageBuffer.of(new short[] {1, 0x0102});
        ImageBuffer c = ImageBuffer.of(ByteBuffer.allocateDirect(4).put(b(1, 0, 2, 1)).flip());
        assertThat(a).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(a).isNotEqualTo(ImageBuffer.of(b(1, 0, 2, 2)));
    }

    @Test
    void toStringShowsSizeAndFirstBytesOnly() {
        ImageBuffer big = ImageBuffer.of(new short[1000]);
        assertThat(big.toString()).isEqualTo("ImageBuffer[2000 bytes: 00 00 00 00 00 00 00 00 ...]");
        assertThat(ImageBuffer.of(b(255, 1))).hasToString("ImageBuffer[2 bytes: ff 01]");
        assertThat(ImageBuffer.of(new byte[0])).hasToString("ImageBuffer[0 bytes]");
    }

    @Test
    void rejectsNullAndUnsupportedTypes() {
        assertThatThrownBy(() -> ImageBuffer.of((short[]) null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ImageBuffer.data: got null, expected a non-null value");
        assertThatThrownBy(() -> ImageBuffer.ofAny("text"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void referencingSharesAReadOnlyBufferAndRefusesAWritableOne() {
        ByteBuffer stored = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9}).position(1).limit(4);

        ImageBuffer view = ImageBuffer.referencing(stored.asReadOnlyBuffer());

        assertThat(view.size()).isEqualTo(3);
        assertThat(view.toByteArray()).containsExactly(1, 2, 3);
        assertThat(view.asByteBuffer().isReadOnly()).isTrue();
        assertThat(view).isEqualTo(ImageBuffer.of(new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> ImageBuffer.referencing(stored))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ImageBuffer.data").hasMessageContaining("read-only");
    }
}
