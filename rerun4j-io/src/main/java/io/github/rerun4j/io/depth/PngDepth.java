package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Grey PNG depth: bit depth 16 (u16 samples, big-endian in the file; millimetres, TUM's 1/5000 m or KITTI's
 * 1/256 m depending on the source) or 8 (u8, usually a quantised visualisation). The header is checked
 * before decoding, so a colour or palette PNG is refused by its IHDR field rather than decoded into
 * something that is not depth. Interlaced (Adam7) files are legal and decoded by ImageIO.
 */
final class PngDepth {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngDepth() {
    }

    /**
     * Reads the header's 33 bytes first, then lets ImageIO decode straight from the file (a RandomAccessFile
     * stream: no copy of the file in memory, no cache), as {@code ImageIO.read(File)} does.
     */
    static DepthImage read(Path file) throws IOException {
        byte[] start = new byte[33];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        }
        Header h = header(file, n == start.length ? start : Arrays.copyOf(start, n));
        BufferedImage image;
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            image = decode(file, in);
        }
        return pixels(file, h, image);
    }

    private static DepthImage pixels(Path file, Header h, BufferedImage image) throws FileFormatException {
        Raster raster = image.getRaster();
        if (raster.getNumBands() != 1 || raster.getWidth() != h.width || raster.getHeight() != h.height) {
            throw new FileFormatException(file, "decoded image", "expected one grey band of " + h.width + "x" + h.height
                    + ", found " + raster.getNumBands() + " band(s) of " + raster.getWidth() + "x" + raster.getHeight());
        }
        if (h.bitDepth == 16 && raster.getDataBuffer() instanceof DataBufferUShort u
                && raster.getSampleModel().getWidth() == h.width && u.getNumBanks() == 1) {
            ByteBuffer dst = DepthPixels.allocate(h.width * h.height * 2);
            dst.asShortBuffer().put(u.getData(), 0, h.width * h.height);
            return DepthPixels.image(dst, h.width, h.height, ChannelDatatype.U16);
        }
        if (h.bitDepth == 8 && raster.getDataBuffer() instanceof DataBufferByte b
                && raster.getSampleModel().getWidth() == h.width && b.getNumBanks() == 1) {
            ByteBuffer dst = DepthPixels.allocate(h.width * h.height);
            dst.put(b.getData(), 0, h.width * h.height).clear();
            return DepthPixels.image(dst, h.width, h.height, ChannelDatatype.U8);
        }
        // Any other layout ImageIO chose: read samples one by one (slow path, same values).
        int[] samples = raster.getSamples(0, 0, h.width, h.height, 0, (int[]) null);
        ByteBuffer dst = DepthPixels.allocate(h.width * h.height * (h.bitDepth / 8));
        for (int i = 0; i < samples.length; i++) {
            if (h.bitDepth == 16) {
                dst.putShort(i * 2, (short) samples[i]);
            } else {
                dst.put(i, (byte) samples[i]);
            }
        }
        return DepthPixels.image(dst, h.width, h.height, h.bitDepth == 16 ? ChannelDatatype.U16 : ChannelDatatype.U8);
    }

    /** Width, height and bit depth from IHDR, refusing anything but grey 8 or 16 bits. */
    static Header header(Path file, byte[] bytes) throws FileFormatException {
        if (bytes.length < 33) {
            throw new FileFormatException(file, "offset 0", "expected a PNG signature and IHDR chunk (33 bytes), found "
                    + bytes.length + " bytes");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                throw new FileFormatException(file, "offset " + i + " (PNG signature)",
                        "expected the PNG signature 89 50 4E 47 0D 0A 1A 0A, found another file type");
            }
        }
        if (bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
            throw new FileFormatException(file, "offset 12 (first chunk type)", "expected IHDR");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes); // big-endian, as PNG
        long width = Integer.toUnsignedLong(b.getInt(16));
        long height = Integer.toUnsignedLong(b.getInt(20));
        int bitDepth = bytes[24];
        int colourType = bytes[25];
        if (colourType != 0) {
            throw new FileFormatException(file, "offset 25 (IHDR colour type)", "expected 0 (grey) for depth, found "
                    + colourType + " (" + colourTypeName(colourType) + ")"
                    + (colourType == 2 || colourType == 6 ? "; colour images go to --color" : ""));
        }
        if (bitDepth != 16 && bitDepth != 8) {
            throw new FileFormatException(file, "offset 24 (IHDR bit depth)", "expected 16 or 8 bits per sample, found "
                    + bitDepth);
        }
        DepthPixels.byteCount(file, "offset 16 (IHDR width, height)", width, height,
                bitDepth == 16 ? ChannelDatatype.U16 : ChannelDatatype.U8);
        return new Header((int) width, (int) height, bitDepth);
    }

    private static String colourTypeName(int type) {
        return switch (type) {
            case 2 -> "RGB";
            case 3 -> "palette";
            case 4 -> "grey with alpha";
            case 6 -> "RGBA";
            default -> "not a PNG colour type";
        };
    }

    private static BufferedImage decode(Path file, ImageInputStream in) throws FileFormatException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new FileFormatException(file, "decoder", "expected the JDK's PNG reader, found none");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new FileFormatException(file, "PNG data", "expected a complete, valid PNG stream: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            reader.dispose();
        }
    }

    record Header(int width, int height, int bitDepth) {
    }
}
