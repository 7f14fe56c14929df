package io.github.rerun4j.io.depth;

import static io.github.rerun4j.io.depth.PngPfmDepthTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NPY/NPZ, TIFF and raw depth on files written from known values, with their corner cases. */
class NpyTiffRawDepthTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"<u1,1,U8", "|u1,1,U8", "<u2,2,U16", ">u2,2,U16", "<i2,2,I16", ">i2,2,I16", "<u4,4,U32", ">u4,4,U32",
            "<i4,4,I32", "<u8,8,U64"})
    void npyIntegerTypesInEitherByteOrder(String descr, int size, ChannelDatatype expected) throws IOException {
        ByteOrder order = descr.charAt(0) == '>' ? BE : LE;
        long[] v = {0, 1, 2, 200, 7, 100}; // 2x3
        if (expected.isSigned()) {
            v[3] = -5;
        }
        DepthImage image = read("t.npy", Written.npy(descr, false, "(2, 3)", Written.bytes(order, size, v), 1));

        assertThat(image.datatype()).isEqualTo(expected);
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(values(image)).containsExactly(Arrays.stream(v).asDoubleStream().toArray());
    }

    @Test
    void npyFloatsWithNaNInfAndZero() throws IOException {
        DepthImage f4 = read("f4.npy", Written.npy(">f4", false, "(1, 4)",
                Written.floats(BE, 1.25f, Float.NaN, Float.POSITIVE_INFINITY, 0), 1));
        double[] v = values(f4);
        assertThat(f4.datatype()).isEqualTo(ChannelDatatype.F32);
        assertThat(v[0]).isEqualTo(1.25);
        assertThat(v[1]).isNaN();
        assertThat(v[2]).as("infinity: unknown, made NaN").isNaN();
        assertThat(v[3]).isZero();

        DepthImage f8 = read("f8.npy", Written.npy("<f8", false, "(2, 1)", Written.doubles(LE, 0.1, Double.NEGATIVE_INFINITY), 1));
        assertThat(f8.datatype()).isEqualTo(ChannelDatatype.F64);
        assertThat(values(f8)[0]).isEqualTo(0.1);
        assertThat(values(f8)[1]).isNaN();
    }

    @Test
    void npyHalfFloatKeepsItsBitsAndMarksInfinityNaN() throws IOException {
        // 1.0 = 0x3C00, 2.5 = 0x4100, +inf = 0x7C00
        DepthImage f2 = read("f2.npy", Written.npy("<f2", false, "(3,)".replace("(3,)", "(1, 3)"),
                Written.bytes(LE, 2, 0x3C00, 0x4100, 0x7C00), 1));
        ByteBuffer b = f2.buffer().asByteBuffer();
        assertThat(f2.datatype()).isEqualTo(ChannelDatatype.F16);
        assertThat(b.getShort(0)).isEqualTo((short) 0x3C00);
        assertThat(b.getShort(2)).isEqualTo((short) 0x4100);
        assertThat(b.getShort(4)).isEqualTo((short) 0x7E00);
    }

    @Test
    void npyFortranOrderIsTransposedIntoRows() throws IOException {
        // Image rows: [1 2 3], [4 5 6]; Fortran stores columns: 1 4 2 5 3 6.
        DepthImage image = read("f.npy", Written.npy("<u2", true, "(2, 3)", Written.bytes(LE, 2, 1, 4, 2, 5, 3, 6), 1));
        assertThat(values(image)).containsExactly(1, 2, 3, 4, 5, 6);

        DepthImage beFortran = read("bf.npy", Written.npy(">f8", true, "(2, 3, 1)",
                Written.doubles(BE, 1, 4, 2, 5, 3, 6), 1));
        assertThat(values(beFortran)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void npyShapesWithUnitDimensionsAndVersion2Header() throws IOException {
        byte[] data = Written.bytes(LE, 2, 1, 2, 3, 4, 5, 6);
        for (String shape : new String[] {"(2, 3)", "(2, 3, 1)", "(1, 2, 3)", "(1, 2, 3, 1)"}) {
            DepthImage image = read("s.npy", Written.npy("<u2", false, shape, data, 1));
            assertThat(image.width()).as(shape).isEqualTo(3);
            assertThat(image.height()).as(shape).isEqualTo(2);
        }
        DepthImage v2 = read("v2.npy", Written.npy("<u2", false, "(2, 3)", data, 2));
        assertThat(values(v2)).containsExactly(1, 2, 3, 4, 5, 6);
        DepthImage onePixel = read("one.npy", Written.npy("<f4", false, "(1, 1)", Written.floats(LE, 3.5f), 1));
        assertThat(values(onePixel)).containsExactly(3.5);
    }

    @Test
    void npyRefusalsNameTheHeaderField() throws IOException {
        byte[] data = Written.bytes(LE, 2, 1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> read("rgb.npy", Written.npy("<u2", false, "(1, 2, 3)".replace("(1, 2, 3)", "(2, 1, 3)"), data, 1)))
                .hasMessageContaining("rgb.npy").hasMessageContaining("header field 'shape'")
                .hasMessageContaining("expected a 2-D array").hasMessageContaining("found (2, 1, 3)");
        assertThatThrownBy(() -> read("vec.npy", Written.npy("<u2", false, "(6,)", data, 1)))
                .hasMessageContaining("header field 'shape'").hasMessageContaining("found (6,)");
        assertThatThrownBy(() -> read("bool.npy", Written.npy("|b1", false, "(2, 3)", new byte[6], 1)))
                .hasMessageContaining("header field 'descr'").hasMessageContaining("found '|b1'")
                .hasMessageContaining("bool is a mask");
        assertThatThrownBy(() -> read("obj.npy", Written.npy("|O", false, "(2, 3)", new byte[6], 1)))
                .hasMessageContaining("header field 'descr'");
        byte[] full = Written.npy("<u2", false, "(2, 3)", data, 1);
        assertThatThrownBy(() -> read("cut.npy", Arrays.copyOf(full, full.length - 3)))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("offset 128 (array data)")
                .hasMessageContaining("expected 12 bytes").hasMessageContaining("found 9: truncated");
        byte[] magic = full.clone();
        magic[1] = 'X';
        assertThatThrownBy(() -> read("magic.npy", magic)).hasMessageContaining("offset 1 (NPY magic)");
        byte[] version = full.clone();
        version[6] = 9;
        assertThatThrownBy(() -> read("v9.npy", version)).hasMessageContaining("offset 6 (NPY major version)")
                .hasMessageContaining("found 9");
        byte[] header = Arrays.copyOf(full, 30);
        assertThatThrownBy(() -> read("h.npy", header)).hasMessageContaining("offset 8 (header length)")
                .hasMessageContaining("truncated");
    }

    @Test
    void npzStoredAndDeflatedMembersByKeyOrTheOnlyImage() throws IOException {
        byte[] depth = Written.npy("<u2", false, "(2, 3)", Written.bytes(LE, 2, 1, 2, 3, 4, 5, 6), 1);
        byte[] calib = Written.npy("<f8", false, "(4,)", Written.doubles(LE, 1, 2, 3, 4), 1);
        Path stored = zip("stored.npz", ZipEntry.STORED, "depth.npy", depth, "K.npy", calib);
        assertThat(values(DepthReader.read(stored))).as("the only 2-D array").containsExactly(1, 2, 3, 4, 5, 6);

        Path deflated = zip("deflated.npz", ZipEntry.DEFLATED, "a.npy", depth, "b.npy", depth);
        assertThat(values(DepthReader.read(deflated, DepthReadOptions.DEFAULT.withNpzKey("b")))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> DepthReader.read(deflated)).hasMessageContaining("deflated.npz")
                .hasMessageContaining("[a, b]").hasMessageContaining("found 2 2-D arrays");
        assertThatThrownBy(() -> DepthReader.read(deflated, DepthReadOptions.DEFAULT.withNpzKey("c")))
                .hasMessageContaining("member c.npy").hasMessageContaining("[a, b]");

        Path notZip = Written.write(dir.resolve("bad.npz"), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> DepthReader.read(notZip)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("bad.npz").hasMessageContaining("ZIP");
    }

    @Test
    void float32TiffThroughTheJdkReader() throws IOException {
        float[] v = {0.5f, 1.5f, Float.POSITIVE_INFINITY, 0, 2, 3.25f, 4, 5, 6}; // 3x3: odd width
        for (ByteOrder order : new ByteOrder[] {LE, BE}) {
            Path tif = Written.write(dir.resolve("f.tif"), tiff(3, 3, 32, 3, Written.floats(order, v), order));
            DepthImage image = DepthReader.read(tif);
            assertThat(image.datatype()).isEqualTo(ChannelDatatype.F32);
            double[] read = values(image);
            assertThat(read[0]).isEqualTo(0.5);
            assertThat(read[2]).isNaN();
            assertThat(read[5]).isEqualTo(3.25);
            assertThat(read[8]).isEqualTo(6);
        }
        Path u16 = Written.write(dir.resolve("u.tiff"), tiff(2, 1, 16, 1, Written.bytes(LE, 2, 1000, 65535), LE));
        DepthImage mm = DepthReader.read(u16);
        assertThat(mm.datatype()).isEqualTo(ChannelDatatype.U16);
        assertThat(values(mm)).containsExactly(1000, 65535);
    }

    @Test
    void tiffRefusalsAreClear() throws IOException {
        Path notTiff = Written.write(dir.resolve("x.tif"), "GIF89a..........".getBytes());
        assertThatThrownBy(() -> DepthReader.read(notTiff)).hasMessageContaining("x.tif")
                .hasMessageContaining("offset 0 (TIFF byte order)");
        byte[] full = tiff(3, 3, 32, 3, new byte[36], LE);
        Path cut = Written.write(dir.resolve("cut.tif"), Arrays.copyOf(full, 20));
        assertThatThrownBy(() -> DepthReader.read(cut)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("cut.tif").hasMessageContaining("TIFF");
    }

    @Test
    void rawWithLayoutOffsetAndByteOrder() throws IOException {
        byte[] header = {9, 9, 9, 9};
        Path raw = Written.write(dir.resolve("d.raw"), header, Written.bytes(BE, 2, 1, 2, 3, 4, 5, 6));
        RawLayout layout = RawLayout.of(3, 2, ChannelDatatype.U16).withOffset(4).withByteOrder(BE);
        assertThat(values(DepthReader.read(raw, DepthReadOptions.DEFAULT.withRaw(layout)))).containsExactly(1, 2, 3, 4, 5, 6);

        assertThatThrownBy(() -> DepthReader.read(raw, DepthReadOptions.DEFAULT.withRaw(RawLayout.of(4, 3, ChannelDatatype.U16))))
                .hasMessageContaining("d.raw").hasMessageContaining("offset 0 (pixel data)")
                .hasMessageContaining("expected exactly 24 bytes").hasMessageContaining("found 16: truncated");
        assertThatThrownBy(() -> DepthReader.read(raw, DepthReadOptions.DEFAULT.withRaw(RawLayout.of(2, 2, ChannelDatatype.U16))))
                .hasMessageContaining("expected exactly 8 bytes").hasMessageContaining("found 16");
        assertThatThrownBy(() -> DepthReader.read(raw)).hasMessageContaining("raw layout");
    }

    private DepthImage read(String name, byte[] bytes) throws IOException {
        return DepthReader.read(Written.write(dir.resolve(name), bytes));
    }

    private Path zip(String name, int method, Object... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] data = (byte[]) entries[i + 1];
                ZipEntry e = new ZipEntry((String) entries[i]);
                e.setMethod(method);
                if (method == ZipEntry.STORED) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A baseline one-strip grey TIFF (TIFF 6.0): SampleFormat 3 = IEEE float, 1 = unsigned integer. */
    static byte[] tiff(int w, int h, int bits, int sampleFormat, byte[] pixels, ByteOrder order) {
        int entries = 10;
        int ifd = 8;
        int dataOffset = ifd + 2 + entries * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(dataOffset + pixels.length).order(order);
        b.put(order == LE ? (byte) 'I' : (byte) 'M').put(order == LE ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        entry(b, 256, 4, w);                // ImageWidth
        entry(b, 257, 4, h);                // ImageLength
        entry(b, 258, 3, bits);             // BitsPerSample
        entry(b, 259, 3, 1);                // Compression: none
        entry(b, 262, 3, 1);                // Photometric: BlackIsZero
        entry(b, 273, 4, dataOffset);       // StripOffsets
        entry(b, 277, 3, 1);                // SamplesPerPixel
        entry(b, 278, 4, h);                // RowsPerStrip
        entry(b, 279, 4, pixels.length);    // StripByteCounts
        entry(b, 339, 3, sampleFormat);     // SampleFormat
        b.putInt(0);
        b.put(pixels);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
