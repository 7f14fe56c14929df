package io.github.rerun4j.io.depth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG and PFM depth on files written from known values, and the corner cases of both formats. */
class PngPfmDepthTest {

    @TempDir
    Path dir;

    static double[] values(DepthImage image) {
        ByteBuffer b = image.buffer().asByteBuffer();
        double[] out = new double[image.width() * image.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = DepthPixels.value(b, image.datatype(), i);
        }
        return out;
    }

    @Test
    void png16KeepsEveryU16ValueAtOddWidths() throws IOException {
        int w = 7;
        int h = 3;
        short[] v = new short[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) (i * 3001); // wraps past 32767: unsigned values above the short range
        }
        DepthImage image = DepthReader.read(Written.png16(dir.resolve("d.png"), w, h, v));

        assertThat(image.datatype()).isEqualTo(ChannelDatatype.U16);
        assertThat(image.width()).isEqualTo(7);
        assertThat(image.height()).isEqualTo(3);
        assertThat(image.meter()).as("the unit is the caller's").isNull();
        double[] read = values(image);
        for (int i = 0; i < v.length; i++) {
            assertThat(read[i]).isEqualTo(Short.toUnsignedInt(v[i]));
        }
    }

    @Test
    void onePixelPng16AndPng8() throws IOException {
        assertThat(values(DepthReader.read(Written.png16(dir.resolve("one.png"), 1, 1, new short[] {(short) 65535}))))
                .containsExactly(65535);
        DepthImage eight = DepthReader.read(Written.png8(dir.resolve("eight.png"), 3, 1, new byte[] {0, 127, (byte) 255}));
        assertThat(eight.datatype()).isEqualTo(ChannelDatatype.U8);
        assertThat(values(eight)).containsExactly(0, 127, 255);
    }

    @Test
    void interlacedAdam7Png16IsLegal() throws IOException {
        int w = 13;
        int h = 11;
        short[] v = new short[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) (i * 457);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, v);
        Path file = dir.resolve("adam7.png");
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT); // Adam7
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        }
        assertThat(Files.readAllBytes(file)[28]).as("IHDR interlace method").isEqualTo((byte) 1);

        double[] read = values(DepthReader.read(file));
        for (int i = 0; i < v.length; i++) {
            assertThat(read[i]).isEqualTo(Short.toUnsignedInt(v[i]));
        }
    }

    @Test
    void pngWithoutIendOrWithABadCrcIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(Written.png16(dir.resolve("ok.png"), 8, 8, new short[64]));
        Path noEnd = Written.write(dir.resolve("noend.png"), Arrays.copyOf(bytes, bytes.length - 12));
        assertThatThrownBy(() -> DepthReader.read(noEnd)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("noend.png: PNG data").hasMessageContaining("truncated");
        byte[] flipped = bytes.clone();
        flipped[40] ^= 0x55; // inside IDAT
        Path badCrc = Written.write(dir.resolve("crc.png"), flipped);
        assertThatThrownBy(() -> DepthReader.read(badCrc)).hasMessageContaining("crc.png: PNG data")
                .hasMessageContaining("CRC");
    }

    @Test
    void colourPngIsRefusedByItsColourType() throws IOException {
        Path rgb = dir.resolve("rgb.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", rgb.toFile());

        assertThatThrownBy(() -> DepthReader.read(rgb)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("rgb.png").hasMessageContaining("offset 25 (IHDR colour type)")
                .hasMessageContaining("expected 0 (grey)").hasMessageContaining("found 2 (RGB)")
                .hasMessageContaining("--color");
    }

    @Test
    void wrongMagicAndTruncatedPng() throws IOException {
        Path notPng = Written.write(dir.resolve("x.png"), "GIF89a and more bytes to pass 33 of them........".getBytes());
        assertThatThrownBy(() -> DepthReader.read(notPng)).hasMessageContaining("x.png")
                .hasMessageContaining("PNG signature");

        Path full = Written.png16(dir.resolve("full.png"), 64, 64, new short[64 * 64]);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Written.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> DepthReader.read(cut)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("cut.png").hasMessageContaining("PNG data");

        Path tiny = Written.write(dir.resolve("tiny.png"), new byte[] {(byte) 0x89, 'P'});
        assertThatThrownBy(() -> DepthReader.read(tiny)).hasMessageContaining("offset 0").hasMessageContaining("2 bytes");
    }

    @Test
    void pfmLittleEndianRowsBottomToTop() throws IOException {
        float[] v = {1, 2, 3, 4, 5, 6}; // 3x2, top row 1 2 3
        DepthImage image = DepthReader.read(Written.pfm(dir.resolve("le.pfm"), "Pf\n3 2\n-1.0\n", 3, 2, v,
                ByteOrder.LITTLE_ENDIAN));

        assertThat(image.datatype()).isEqualTo(ChannelDatatype.F32);
        assertThat(values(image)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void pfmBigEndianWithPositiveScaleAndOtherWhitespace() throws IOException {
        float[] v = {1.5f, -2, 0, 1e-3f, 7, 8.25f, 9, 10, 11}; // 3x3
        DepthImage image = DepthReader.read(Written.pfm(dir.resolve("be.pfm"), "Pf 3 3 1.0\n", 3, 3, v,
                ByteOrder.BIG_ENDIAN));

        assertThat(values(image)).containsExactly(1.5, -2, 0, (double) 1e-3f, 7, 8.25, 9, 10, 11);
    }

    @Test
    void pfmInfinityIsUnknownAndBecomesNaNWhileZeroStays() throws IOException {
        float[] v = {Float.POSITIVE_INFINITY, 0, Float.NaN, Float.NEGATIVE_INFINITY, 2.5f, 1};
        double[] read = values(DepthReader.read(Written.pfm(dir.resolve("inf.pfm"), "Pf\n2 3\n-1\n", 2, 3, v,
                ByteOrder.LITTLE_ENDIAN)));

        assertThat(read[0]).isNaN();
        assertThat(read[1]).isZero();
        assertThat(read[2]).isNaN();
        assertThat(read[3]).isNaN();
        assertThat(read[4]).isEqualTo(2.5);
    }

    @Test
    void pfmOnePixelAndCrLfHeader() throws IOException {
        assertThat(values(DepthReader.read(Written.pfm(dir.resolve("one.pfm"), "Pf\r\n1 1\r\n-1.0\r\n", 1, 1,
                new float[] {42}, ByteOrder.LITTLE_ENDIAN)))).containsExactly(42);
    }

    @Test
    void pfmRefusalsNameTheHeaderToken() throws IOException {
        Path colour = Written.pfm(dir.resolve("colour.pfm"), "PF\n1 1\n-1\n", 1, 1, new float[] {1}, ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> DepthReader.read(colour)).hasMessageContaining("colour.pfm")
                .hasMessageContaining("header token 1 (type)").hasMessageContaining("found PF (three channels");

        Path zero = Written.pfm(dir.resolve("zero.pfm"), "Pf\n1 1\n0.0\n", 1, 1, new float[] {1}, ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> DepthReader.read(zero)).hasMessageContaining("header token 4 (scale)")
                .hasMessageContaining("sign gives the byte order").hasMessageContaining("\"0.0\"");

        Path width = Written.pfm(dir.resolve("w.pfm"), "Pf\n-3 1\n-1\n", 1, 1, new float[] {1}, ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> DepthReader.read(width)).hasMessageContaining("header token 2 (width)")
                .hasMessageContaining("positive integer").hasMessageContaining("\"-3\"");

        Path cut = Written.write(dir.resolve("cut.pfm"), "Pf\n4 4\n-1\n".getBytes(), new byte[60]);
        assertThatThrownBy(() -> DepthReader.read(cut)).hasMessageContaining("cut.pfm")
                .hasMessageContaining("offset 10 (pixel data)").hasMessageContaining("expected 64 bytes")
                .hasMessageContaining("found 60: truncated");

        Path magic = Written.write(dir.resolve("magic.pfm"), "P5\n1 1\n255\n".getBytes(), new byte[1]);
        assertThatThrownBy(() -> DepthReader.read(magic)).hasMessageContaining("expected Pf, found \"P5\"");

        Path empty = Written.write(dir.resolve("empty.pfm"));
        assertThatThrownBy(() -> DepthReader.read(empty)).hasMessageContaining("the end of the file");
    }

    @Test
    void pgm16BigEndianWithACommentAndPgm8() throws IOException {
        byte[] data = Written.bytes(ByteOrder.BIG_ENDIAN, 2, 1, 300, 65535, 0, 7, 1000); // 3x2
        DepthImage sixteen = DepthReader.read(Written.write(dir.resolve("d.pgm"),
                "P5\n# NYU-style raw dump\n3 2\n65535\n".getBytes(), data));
        assertThat(sixteen.datatype()).isEqualTo(ChannelDatatype.U16);
        assertThat(values(sixteen)).containsExactly(1, 300, 65535, 0, 7, 1000);

        DepthImage eight = DepthReader.read(Written.write(dir.resolve("e.pgm"), "P5 2 1 255\n".getBytes(), new byte[] {5, (byte) 250}));
        assertThat(eight.datatype()).isEqualTo(ChannelDatatype.U8);
        assertThat(values(eight)).containsExactly(5, 250);

        assertThatThrownBy(() -> DepthReader.read(Written.write(dir.resolve("a.pgm"), "P2\n1 1\n255\n7\n".getBytes())))
                .hasMessageContaining("a.pgm: header token 1 (magic)").hasMessageContaining("ASCII PGM");
        assertThatThrownBy(() -> DepthReader.read(Written.write(dir.resolve("c.pgm"), "P5\n4 4\n65535\n".getBytes(), new byte[10])))
                .hasMessageContaining("c.pgm: offset 13 (pixel data)").hasMessageContaining("expected 32 bytes")
                .hasMessageContaining("found 10: truncated");
    }

    @Test
    void unknownExtensionNamesTheSupportedOnes() {
        Path f = dir.resolve("depth.exr");
        assertThatThrownBy(() -> DepthReader.read(f)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("depth.exr").hasMessageContaining(".png .pfm .pgm .npy .npz .tif .tiff");
    }
}
