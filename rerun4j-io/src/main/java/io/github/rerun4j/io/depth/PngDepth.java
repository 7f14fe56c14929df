package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Grey PNG depth: bit depth 16 (u16 samples, big-endian in the file; millimetres, TUM's 1/5000 m or KITTI's
 * 1/256 m depending on the source) or 8 (u8, usually a quantised visualisation). The header is checked
 * first, so a colour or palette PNG is refused by its IHDR field rather than decoded into something that is
 * not depth. Decoded by the SDK's own {@link GreyPng} (every filter, Adam7, CRCs checked, IEND required), which
 * is also over twice as fast as ImageIO's per-pixel path for 16-bit grey.
 */
final class PngDepth {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngDepth() {
    }

    static DepthImage read(Path file, byte[] bytes) throws FileFormatException {
        Header h = header(file, bytes);
        GreyPng.Image png;
        try {
            png = GreyPng.decode(bytes);
        } catch (InvalidArgumentException e) {
            throw new FileFormatException(file, "PNG data", "expected " + e.expected() + ", found " + e.value(), e);
        }
        int n = h.width * h.height;
        ByteBuffer dst = DepthPixels.allocate(n * (h.bitDepth / 8));
        if (h.bitDepth == 16) {
            dst.asShortBuffer().put(png.values(), 0, n);
            return DepthPixels.image(dst, h.width, h.height, ChannelDatatype.U16);
        }
        short[] v = png.values();
        for (int i = 0; i < n; i++) {
            dst.put(i, (byte) v[i]);
        }
        return DepthPixels.image(dst, h.width, h.height, ChannelDatatype.U8);
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

    record Header(int width, int height, int bitDepth) {
    }
}
