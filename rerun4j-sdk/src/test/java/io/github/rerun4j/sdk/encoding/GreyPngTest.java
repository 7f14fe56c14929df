package io.github.rerun4j.sdk.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The SDK's greyscale PNG against an independent implementation (the JDK's ImageIO, tests only: the SDK itself must
 * not use java.desktop): what one writes the other reads, interlaced files included, and damage is a clear error.
 */
class GreyPngTest {

    private static short[] depthWithHoles(int n, long seed) {
        Random random = new Random(seed);
        short[] v = new short[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(5) == 0 ? 0 : (short) (500 + (i % 97) * 40 + random.nextInt(8));
        }
        v[0] = (short) 65535;
        return v;
    }

    private static BufferedImage grey16(short[] values, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(values, 0, data, 0, values.length);
        return img;
    }

    private static byte[] imageIoPng(BufferedImage img, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (interlaced) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    @Test
    void imageIoReadsWhatWeWrite() throws IOException {
        short[] values = depthWithHoles(37 * 23, 1);
        byte[] png = GreyPng.encode16(values, 37, 23);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
        short[] read = new short[values.length];
        img.getRaster().getDataElements(0, 0, 37, 23, read);
        assertThat(read).containsExactly(values);
        assertThat(GreyPng.decode(png).values()).containsExactly(values);
    }

    @Test
    void weReadImageIosPlainAndInterlacedFiles() throws IOException {
        for (int[] size : new int[][] {{1, 1}, {3, 2}, {9, 9}, {64, 48}, {13, 1}, {1, 17}}) {
            short[] values = depthWithHoles(size[0] * size[1], size[0] * 31L + size[1]);
            for (boolean interlaced : new boolean[] {false, true}) {
                byte[] png = imageIoPng(grey16(values, size[0], size[1]), interlaced);
                assertThat(png[28]).as("interlace byte").isEqualTo((byte) (interlaced ? 1 : 0));
                GreyPng.Image back = GreyPng.decode(png);
                assertThat(back.bitDepth()).isEqualTo(16);
                assertThat(back.values()).as(Arrays.toString(size) + " interlaced " + interlaced).containsExactly(values);
            }
        }
    }

    @Test
    void reads8BitGrey() throws IOException {
        BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 20; i++) {
            img.getRaster().setSample(i % 5, i / 5, 0, i * 12);
        }
        GreyPng.Image back = GreyPng.decode(imageIoPng(img, true));
        assertThat(back.bitDepth()).isEqualTo(8);
        for (int i = 0; i < 20; i++) {
            assertThat(back.value(i)).isEqualTo(i * 12);
        }
    }

    @Test
    void roundTripsEveryFilterPath() {
        // Rows that favour each filter: constant (Sub), equal to the row above (Up), ramps (Average/Paeth), noise.
        int w = 50;
        int h = 40;
        short[] v = depthWithHoles(w * h, 3);
        for (int x = 0; x < w; x++) {
            v[5 * w + x] = 1000;
            v[6 * w + x] = v[5 * w + x];
            v[7 * w + x] = (short) (x * 1300);
        }
        assertThat(GreyPng.decode(GreyPng.encode16(v, w, h)).values()).containsExactly(v);
    }

    private static void assertRejected(byte[] png, String... fragments) {
        assertThatThrownBy(() -> GreyPng.decode(png)).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).field()).isEqualTo("PNG blob"))
                .hasMessageContainingAll(fragments);
    }

    @Test
    void everyTruncationIsAClearError() {
        byte[] png = GreyPng.encode16(depthWithHoles(12, 5), 4, 3);
        for (int length = 0; length < png.length; length++) {
            byte[] cut = Arrays.copyOf(png, length);
            assertThatThrownBy(() -> GreyPng.decode(cut)).as("length " + length)
                    .isInstanceOf(InvalidArgumentException.class).hasMessageStartingWith("PNG blob: got ");
        }
        assertRejected(Arrays.copyOf(png, 40), "truncated");
    }

    @Test
    void notAPng() {
        assertRejected(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, "9 bytes starting 00 00", "89 50 4E 47");
    }

    @Test
    void damagedCrc() {
        byte[] png = GreyPng.encode16(new short[] {1, 2, 3, 4}, 2, 2);
        png[20] ^= 1; // inside IHDR's data
        assertRejected(png, "chunk IHDR at byte 8 with CRC", "the chunk is damaged");
    }

    @Test
    void colourPngsAreNotDepth() throws IOException {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertRejected(imageIoPng(rgb, false), "colour type 2 (RGB)", "colour type 0 (greyscale)");
    }

    @Test
    void dataThatInflatesShort() {
        byte[] png = GreyPng.encode16(new short[] {1, 2, 3, 4}, 2, 2);
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(20, 3); // IHDR height 3 instead of 2; fix the CRC so only the size is wrong
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertRejected(png, "10 bytes of image data after inflating", "15 bytes");
    }

    @Test
    void encoderRejectsWrongLength() {
        assertThatThrownBy(() -> GreyPng.encode16(new short[3], 2, 2)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("GreyPng.values: got 3 elements, expected 4 elements");
    }
}
