package io.github.rerun4j.io.depth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Depth files written by the tests from known values, following each format's specification. */
final class Written {

    private Written() {
    }

    static Path png16(Path file, int w, int h, short[] values) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, values);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static Path png8(Path file, int w, int h, byte[] values) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, values);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** PFM with rows bottom to top; {@code header} as the writer puts it, e.g. "Pf\n3 2\n-1.0\n". */
    static Path pfm(Path file, String header, int w, int h, float[] rowMajorTopDown, ByteOrder order) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(w * h * 4).order(order);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                data.putFloat(rowMajorTopDown[y * w + x]);
            }
        }
        return write(file, header.getBytes(StandardCharsets.US_ASCII), data.array());
    }

    /** An .npy v1.0 (or v2.0) file, header padded to 64 bytes as numpy does. */
    static byte[] npy(String descr, boolean fortran, String shape, byte[] data, int major) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int prefix = major == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        while (prefix + header.length() + 1 < padded) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.toString().getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    static Path write(Path file, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Values of a little-endian buffer of {@code order}. */
    static byte[] bytes(ByteOrder order, int elementSize, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * elementSize).order(order);
        for (long v : values) {
            switch (elementSize) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
