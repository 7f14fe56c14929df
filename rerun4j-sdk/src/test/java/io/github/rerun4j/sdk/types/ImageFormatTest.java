package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFormatTest {

    @Test
    void depthFormat() {
        ImageFormat f = ImageFormat.depth(300, 200, ChannelDatatype.U16);
        assertThat(f.pixelFormat()).isNull();
        assertThat(f.colorModel()).isNull();
        assertThat(f.channelDatatype()).isEqualTo(ChannelDatatype.U16);
        assertThat(f.numBytes()).isEqualTo(120_000L);
        assertThat(f.numPixels()).isEqualTo(60_000L);
        assertThat(f).hasToString("L U16 300x200");
    }

    @Test
    void nullsMeanLAndU8() {
        ImageFormat f = new ImageFormat(3, 2, null, null, null);
        assertThat(f.numBytes()).isEqualTo(6);
        assertThat(f.effectiveColorModel()).isEqualTo(ColorModel.L);
        assertThat(f.effectiveChannelDatatype()).isEqualTo(ChannelDatatype.U8);
        assertThat(f).hasToString("L U8 3x2");
    }

    @Test
    void colorAndPixelFormats() {
        assertThat(ImageFormat.of(4, 3, ColorModel.RGBA, ChannelDatatype.F32).numBytes()).isEqualTo(4 * 3 * 4 * 4);
        assertThat(ImageFormat.of(4, 4, PixelFormat.NV12).numBytes()).isEqualTo(24);
        assertThat(ImageFormat.of(4, 4, PixelFormat.NV12)).hasToString("NV12 4x4");
    }

    @Test
    void largestImageThatFitsAJavaArrayIsAccepted() {
        assertThat(ImageFormat.MAX_BYTES).isEqualTo(Integer.MAX_VALUE - 8L);
        ImageFormat widest = ImageFormat.depth(Integer.MAX_VALUE - 8, 1, ChannelDatatype.U8);
        assertThat(widest.numBytes()).isEqualTo(ImageFormat.MAX_BYTES);
        assertThatThrownBy(() -> ImageFormat.depth(Integer.MAX_VALUE - 7, 1, ChannelDatatype.U8))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("2147483640 bytes");
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> ImageFormat.depth(0, 2, ChannelDatatype.U16))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ImageFormat.width: got 0, expected a value > 0");
        assertThatThrownBy(() -> ImageFormat.depth(2, -1, ChannelDatatype.U16))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ImageFormat.height: got -1, expected a value > 0");
        assertThatThrownBy(() -> ImageFormat.depth(65536, 65536, ChannelDatatype.U16))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ImageFormat: got L U16 65536x65536 = 8589934592 bytes")
                .hasMessageContaining("at most 2147483639 bytes");
        assertThatThrownBy(() -> ImageFormat.of(Integer.MAX_VALUE, Integer.MAX_VALUE, ColorModel.RGBA,
                ChannelDatatype.F64))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("more than 2^63");
        assertThatThrownBy(() -> ImageFormat.depth(2, 2, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ImageFormat.channelDatatype: got null");
    }
}
