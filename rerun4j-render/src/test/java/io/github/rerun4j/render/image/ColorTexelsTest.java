package io.github.rerun4j.render.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.PixelFormat;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Colour images' on-screen texels (next-archetypes §1.2, §1.3, §5.2, §5.7). */
class ColorTexelsTest {

    private static String[] hex(int[] argb) {
        return Arrays.stream(argb).mapToObj(p -> Argb.toHex(p) + String.format("/%02X", Argb.alpha(p))).toArray(String[]::new);
    }

    private static final byte[] WORKED_RGB = HexFormat.of().parseHex(
            "ff000000ff000000ffffffff000000808080ffff0000ffffff00ff0a141ec86432010203");

    @Test
    void u8RgbShowsItsBytesAndBgrIsSwapped() {
        int[] rgb = ColorTexels.of(Image.fromRgb8(WORKED_RGB, 4, 3));
        assertThat(hex(rgb)).containsExactly("#FF0000/FF", "#00FF00/FF", "#0000FF/FF", "#FFFFFF/FF", "#000000/FF",
                "#808080/FF", "#FFFF00/FF", "#00FFFF/FF", "#FF00FF/FF", "#0A141E/FF", "#C86432/FF", "#010203/FF");
        int[] bgr = ColorTexels.of(Image.fromBgr8(new byte[] {1, 2, 3}, 1, 1));
        assertThat(hex(bgr)).containsExactly("#030201/FF");
        int[] bgra = ColorTexels.of(Image.fromBgra8(new byte[] {1, 2, 3, 64}, 1, 1));
        assertThat(hex(bgra)).containsExactly("#030201/40");
        int[] argb = ColorTexels.of(Image.fromArgb(new int[] {0x80102030}, 1, 1));
        assertThat(hex(argb)).containsExactly("#102030/80");
    }

    @Test
    void nv12AndYuy2SamplesOfTheFormatDescription() {
        int[] nv12 = ColorTexels.of(Image.fromPixelFormat(HexFormat.of().parseHex("519129eb5af0"), 2, 2, PixelFormat.NV12));
        assertThat(Arrays.stream(nv12).mapToObj(Argb::toHex)).containsExactly("#FE0000", "#FF4A4A", "#D00000", "#FFB3B2");
        int[] yuy2 = ColorTexels.of(Image.fromPixelFormat(HexFormat.of().parseHex("515a91f0"), 2, 1, PixelFormat.YUY2));
        assertThat(Arrays.stream(yuy2).mapToObj(Argb::toHex)).containsExactly("#FE0000", "#FF4A4A");
        int[] y8 = ColorTexels.of(Image.fromPixelFormat(new byte[] {(byte) 255, 0}, 2, 1, PixelFormat.Y8_FULL_RANGE));
        assertThat(Arrays.stream(y8).mapToObj(Argb::toHex)).containsExactly("#FFFFFF", "#000000");
    }

    @Test
    void otherDatatypesGoThroughTheDataRangeHeuristic() {
        // u16 grey within [0, 255]: shown as bytes over [0, 255]
        assertThat(Argb.toHex(ColorTexels.of(Image.fromL16(new short[] {128, 0}, 2, 1))[0])).isEqualTo("#808080");
        // u16 grey up to 4000: stretched [min, max] through the Grayscale colormap
        int[] l16 = ColorTexels.of(Image.fromL16(new short[] {1000, 2500, 4000}, 3, 1));
        assertThat(Arrays.stream(l16).mapToObj(Argb::toHex)).containsExactly("#000000", "#808080", "#FFFFFF");
        // f32 RGB in [0, 1]: as sRGB
        java.nio.ByteBuffer f = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        f.putFloat(1f).putFloat(0.5f).putFloat(0f);
        int[] rgbF = ColorTexels.of(Image.fromBytes(f.array(), ImageFormat.of(1, 1, ColorModel.RGB, ChannelDatatype.F32)));
        assertThat(Argb.toHex(rgbF[0])).isEqualTo("#FF8000");
        // u16 RGB up to 4000: [min, max] then linear-to-sRGB encoded (brighter mid-tones)
        java.nio.ByteBuffer u = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        u.putShort((short) 0).putShort((short) 2000).putShort((short) 4000).putShort((short) 4000).putShort((short) 0)
                .putShort((short) 0);
        int[] rgb16 = ColorTexels.of(Image.fromBytes(u.array(), ImageFormat.of(2, 1, ColorModel.RGB, ChannelDatatype.U16)));
        assertThat(Argb.toHex(rgb16[0])).isEqualTo("#00BCFF");
    }

    @Test
    void rendererScalesNearestAndAppliesOpacity() {
        int[] px = ImageRenderer2D.render(Image.fromRgb8(WORKED_RGB, 4, 3).withOpacity(0.5), 8, 6);
        assertThat(Argb.toHex(px[0])).isEqualTo("#FF0000");
        assertThat(Argb.toHex(px[1])).isEqualTo("#FF0000");
        assertThat(Argb.toHex(px[2])).isEqualTo("#00FF00");
        assertThat(Argb.toHex(px[5 * 8 + 7])).isEqualTo("#010203");
        assertThat(Argb.alpha(px[0])).isEqualTo(128);
    }

    /** The 8-bit fast path equals the general rule: every byte normalised to [0, 1] and back to a byte is itself. */
    @Test
    void everyByteSurvivesTheGeneralRuleSoTheFastPathIsExact() {
        for (int v = 0; v < 256; v++) {
            float normalised = (float) ((v - 0.0) / (255.0 - 0.0));
            assertThat(io.github.rerun4j.render.colormap.Colormaps.toByte(normalised)).as("byte %d", v).isEqualTo(v);
        }
        byte[] grey = new byte[256];
        for (int v = 0; v < 256; v++) {
            grey[v] = (byte) v;
        }
        int[] texels = ColorTexels.of(Image.fromL8(grey, 16, 16));
        for (int v = 0; v < 256; v++) {
            assertThat(texels[v]).isEqualTo(Argb.pack(v, v, v, 255));
        }
        byte[] bgra = {10, 20, 30, 40};
        assertThat(ColorTexels.of(new Image(io.github.rerun4j.sdk.types.ImageBuffer.of(bgra),
                ImageFormat.of(1, 1, ColorModel.BGRA, ChannelDatatype.U8)))[0]).isEqualTo(Argb.pack(30, 20, 10, 40));
    }
}
