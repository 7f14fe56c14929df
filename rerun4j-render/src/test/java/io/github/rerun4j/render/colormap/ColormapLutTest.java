package io.github.rerun4j.render.colormap;

import io.github.rerun4j.render.image.Normalization;
import io.github.rerun4j.sdk.types.Colormap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColormapLutTest {

    @ParameterizedTest
    @EnumSource(Colormap.class)
    void equalsTheExactPathForAllU16Values(Colormap colormap) {
        float[][] ranges = {{0f, 65535f}, {500f, 4000f}, {0f, 0f}, {0f, -2f}};
        for (float[] r : ranges) {
            ColormapLut lut = ColormapLut.u16(colormap, r[0], r[1]);
            for (int v = 0; v < ColormapLut.SIZE; v++) {
                int exact = Colormaps.argb(colormap, Normalization.t((float) v, r[0], r[1]));
                // Built from the same f32 expression, so bit-identical (the brief allows ±1).
                assertThat(lut.lookup(v)).as("%s v=%d range=[%s, %s]", colormap, v, r[0], r[1]).isEqualTo(exact);
            }
        }
    }

    @Test
    void colorizeShortsAndBytesAgree() {
        int n = 1000;
        short[] raw = new short[n + 5];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (short) (i * 67);
        }
        int[] fromShorts = new int[n];
        ColormapLut.colorize(raw, n, 0f, 65535f, Colormap.TURBO, fromShorts);

        ByteBuffer le = ByteBuffer.allocate(raw.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        le.asShortBuffer().put(raw);
        ByteBuffer be = ByteBuffer.allocate(raw.length * 2).order(ByteOrder.BIG_ENDIAN);
        be.put(le.duplicate()); // same little-endian bytes, buffer merely flagged big-endian
        be.flip();

        int[] fromLe = new int[n];
        int[] fromBe = new int[n];
        ColormapLut.colorize(le, n, 0f, 65535f, Colormap.TURBO, fromLe);
        ColormapLut.colorize(be, n, 0f, 65535f, Colormap.TURBO, fromBe);
        assertThat(fromLe).isEqualTo(fromShorts);
        assertThat(fromBe).isEqualTo(fromShorts);
        assertThat(be.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(be.position()).isZero();
        for (int i = 0; i < n; i++) {
            assertThat(fromShorts[i]).isEqualTo(Colormaps.argb(Colormap.TURBO, (raw[i] & 0xFFFF) / 65535f));
        }
    }

    @Test
    void byteBufferStartsAtItsPosition() {
        ByteBuffer b = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 0xFFFF).putShort((short) 20000).position(2);
        int[] out = new int[2];
        ColormapLut.u16(Colormap.VIRIDIS, 0f, 65535f).colorize(b, 2, out);
        assertThat(Argb.toHex(out[0])).isEqualTo("#FCE721");
        assertThat(out[1]).isEqualTo(Colormaps.argb(Colormap.VIRIDIS, 20000f / 65535f));
    }

    @Test
    void staticColorizeReusesItsTable() {
        short[] raw = {0, 1, 2};
        int[] out = new int[3];
        ColormapLut.colorize(raw, 3, 0f, 65535f, Colormap.MAGMA, out);
        int[] again = new int[3];
        ColormapLut.colorize(raw, 3, 0f, 65535f, Colormap.MAGMA, again);
        assertThat(again).isEqualTo(out);
        ColormapLut.colorize(raw, 3, 0f, 2f, Colormap.MAGMA, again); // other range -> new table
        assertThat(again[2]).isEqualTo(Colormaps.argb(Colormap.MAGMA, 1f));
    }

    @Test
    void rejectsTooShortArrays() {
        ColormapLut lut = ColormapLut.u16(Colormap.TURBO, 0f, 1f);
        assertThatThrownBy(() -> lut.colorize(new short[2], 3, new int[3]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lut.colorize(new short[3], 3, new int[2]))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
