package io.github.rerun4j.sdk.encoding;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Require;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Greyscale PNG with {@code java.util.zip} only: 16-bit encoding (what Rerun reads as u16 depth, {@code image/png})
 * and decoding of 8- and 16-bit greyscale, plain or Adam7-interlaced, every filter type.
 *
 * <p>PNG stores 16-bit samples big-endian; {@link #encode16} takes and {@link #decode} returns them as Java
 * {@code short}s (unsigned). Chunk CRCs are checked; other colour types, grey+alpha, bit depths below 8, a
 * truncated file and data that does not inflate to exactly the image's size are {@link InvalidArgumentException}s
 * saying which.
 *
 * <pre>{@code
 * byte[] png = GreyPng.encode16(new short[] {0, 1000, 2000, (short) 65535}, 2, 2);
 * GreyPng.Image back = GreyPng.decode(png);   // 2x2, 16-bit, the same values
 * }</pre>
 */
public final class GreyPng {

    /** The media type. */
    public static final String MEDIA_TYPE = "image/png";
    /** Every PNG file starts with these 8 bytes. */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Largest decoded image (samples): bounds what a hostile header can make the decoder allocate. */
    public static final long MAX_PIXELS = 1L << 28;
    private static final String BLOB = "PNG blob";

    private GreyPng() {
    }

    /**
     * A decoded greyscale PNG.
     *
     * @param width    columns
     * @param height   rows
     * @param bitDepth 8 or 16
     * @param values   {@code width * height} unsigned samples, row-major (handed over, not copied)
     */
    public record Image(int width, int height, int bitDepth, short[] values) {
        /** Requires the values. */
        public Image {
            java.util.Objects.requireNonNull(values, "GreyPng.Image.values");
        }

        /** The unsigned sample {@code i}. */
        public int value(int i) {
            return Short.toUnsignedInt(values[i]);
        }

        @Override
        public String toString() {
            return "GreyPng.Image[" + width + "x" + height + ", " + bitDepth + "-bit]";
        }
    }

    /** True if {@code bytes} start with the PNG signature. */
    public static boolean hasSignature(ByteBuffer bytes) {
        if (bytes.remaining() < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes.get(bytes.position() + i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- encoding -------------------------------------------------------------------------------------------

    /** A 16-bit greyscale, non-interlaced PNG of {@code values[y * width + x]} (unsigned). */
    public static byte[] encode16(short[] values, int width, int height) {
        Require.nonNull("GreyPng.values", values);
        Require.positive("GreyPng.width", width);
        Require.positive("GreyPng.height", height);
        long n = (long) width * height;
        if (n > MAX_PIXELS || values.length != n) {
            throw new InvalidArgumentException("GreyPng.values", values.length + " elements",
                    n + " elements (width*height for " + width + "x" + height + ", at most " + MAX_PIXELS + ")");
        }
        int stride = width * 2;
        byte[] previous = new byte[stride];
        byte[] current = new byte[stride];
        byte[] filtered = new byte[stride];
        byte[] best = new byte[stride];
        Deflater deflater = new Deflater(6);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(64, (int) Math.min(Integer.MAX_VALUE, n / 2)));
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    short v = values[y * width + x];
                    current[2 * x] = (byte) (v >>> 8);
                    current[2 * x + 1] = (byte) v;
                }
                int bestType = chooseFilter(current, previous, filtered, best);
                deflater.setInput(new byte[] {(byte) bestType});
                drain(deflater, idat, chunk);
                deflater.setInput(best, 0, stride);
                drain(deflater, idat, chunk);
                byte[] t = previous;
                previous = current;
                current = t;
            }
            deflater.finish();
            while (!deflater.finished()) {
                int k = deflater.deflate(chunk);
                idat.write(chunk, 0, k);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        writeChunk(out, "IHDR", ihdr.array());
        writeChunk(out, "IDAT", idat.toByteArray());
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] chunk) {
        while (!deflater.needsInput()) {
            int k = deflater.deflate(chunk);
            out.write(chunk, 0, k);
        }
    }

    /** PNG's recommended heuristic: the filter with the smallest sum of |signed bytes|; result in {@code best}. */
    private static int chooseFilter(byte[] row, byte[] prior, byte[] scratch, byte[] best) {
        long bestSum = Long.MAX_VALUE;
        int bestType = 0;
        for (int type = 0; type <= 4; type++) {
            long sum = 0;
            for (int i = 0; i < row.length; i++) {
                int a = i >= 2 ? row[i - 2] & 0xFF : 0;
                int b = prior[i] & 0xFF;
                int c = i >= 2 ? prior[i - 2] & 0xFF : 0;
                int predicted = switch (type) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    default -> paeth(a, b, c);
                };
                byte f = (byte) (row[i] - predicted);
                scratch[i] = f;
                sum += Math.abs(f);
            }
            if (sum < bestSum) {
                bestSum = sum;
                bestType = type;
                System.arraycopy(scratch, 0, best, 0, row.length);
            }
        }
        return bestType;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(length.array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    // ---- decoding -------------------------------------------------------------------------------------------

    /** Decodes a whole PNG file; see {@link #decode(ByteBuffer)}. */
    public static Image decode(byte[] png) {
        Require.nonNull(BLOB, png);
        return decode(ByteBuffer.wrap(png));
    }

    /**
     * Decodes the remaining bytes of {@code png} (position unchanged) as an 8- or 16-bit greyscale image.
     *
     * @throws InvalidArgumentException for a missing signature, a truncated chunk, a bad CRC, a missing IHDR,
     *                                  IDAT or IEND, an unsupported colour type or bit depth, or compressed data
     *                                  that does not inflate to exactly the image's size
     */
    public static Image decode(ByteBuffer png) {
        Require.nonNull(BLOB, png);
        ByteBuffer b = png.slice().order(ByteOrder.BIG_ENDIAN);
        if (!hasSignature(b)) {
            throw corrupt(describeStart(b), "a PNG file (it starts with 89 50 4E 47 0D 0A 1A 0A)");
        }
        int pos = SIGNATURE.length;
        int width = 0;
        int height = 0;
        int bitDepth = 0;
        int interlace = 0;
        boolean sawHeader = false;
        boolean sawEnd = false;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        while (!sawEnd) {
            if (b.limit() - pos < 12) {
                throw corrupt("a file that ends at byte " + b.limit() + " inside or before a chunk header",
                        "chunks up to IEND (the file is truncated)");
            }
            long length = Integer.toUnsignedLong(b.getInt(pos));
            String type = chunkType(b, pos + 4);
            if (length > b.limit() - pos - 12L) {
                throw corrupt("chunk " + type + " at byte " + pos + " claiming " + length + " bytes, "
                        + (b.limit() - pos - 12) + " present", "the whole chunk (the file is truncated)");
            }
            int data = pos + 8;
            int crcAt = data + (int) length;
            CRC32 crc = new CRC32();
            crc.update(b.duplicate().position(pos + 4).limit(crcAt));
            if ((int) crc.getValue() != b.getInt(crcAt)) {
                throw corrupt("chunk " + type + " at byte " + pos + " with CRC " + hex(b.getInt(crcAt)),
                        "CRC " + hex((int) crc.getValue()) + " (the chunk is damaged)");
            }
            switch (type) {
                case "IHDR" -> {
                    if (length != 13) {
                        throw corrupt("IHDR of " + length + " bytes", "13 bytes");
                    }
                    width = b.getInt(data);
                    height = b.getInt(data + 4);
                    bitDepth = b.get(data + 8) & 0xFF;
                    int colorType = b.get(data + 9) & 0xFF;
                    interlace = b.get(data + 12) & 0xFF;
                    checkHeader(width, height, bitDepth, colorType, b.get(data + 10) & 0xFF,
                            b.get(data + 11) & 0xFF, interlace);
                    sawHeader = true;
                }
                case "IDAT" -> {
                    if (!sawHeader) {
                        throw corrupt("IDAT before IHDR", "IHDR as the first chunk");
                    }
                    byte[] part = new byte[(int) length];
                    b.get(data, part);
                    compressed.writeBytes(part);
                }
                case "IEND" -> sawEnd = true;
                default -> {
                    if (!sawHeader) {
                        throw corrupt("chunk " + type + " before IHDR", "IHDR as the first chunk");
                    }
                    if (Character.isUpperCase(type.charAt(0))) {
                        throw corrupt("critical chunk " + type, "only IHDR, IDAT, IEND among critical chunks "
                                + "(PLTE belongs to colour PNGs)");
                    }
                }
            }
            pos = crcAt + 4;
        }
        if (!sawHeader) {
            throw corrupt("no IHDR chunk", "IHDR first");
        }
        if (compressed.size() == 0) {
            throw corrupt("no IDAT chunk", "the image data in IDAT chunks");
        }
        int bytesPerSample = bitDepth / 8;
        byte[] raw = inflate(compressed.toByteArray(), rawSize(width, height, bytesPerSample, interlace));
        short[] values = new short[width * height];
        if (interlace == 0) {
            unfilter(raw, 0, width, height, bytesPerSample, values, 0, 0, 1, 1, width);
        } else {
            int offset = 0;
            for (int[] p : ADAM7) {
                int pw = passSize(width, p[0], p[2]);
                int ph = passSize(height, p[1], p[3]);
                if (pw == 0 || ph == 0) {
                    continue;
                }
                offset = unfilter(raw, offset, pw, ph, bytesPerSample, values, p[0], p[1], p[2], p[3], width);
            }
        }
        return new Image(width, height, bitDepth, values);
    }

    /** Adam7 passes: x0, y0, dx, dy. */
    private static final int[][] ADAM7 = {
            {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

    private static int passSize(int size, int start, int step) {
        return size <= start ? 0 : (size - start + step - 1) / step;
    }

    private static long rawSize(int width, int height, int bytesPerSample, int interlace) {
        if (interlace == 0) {
            return (long) height * (1 + (long) width * bytesPerSample);
        }
        long total = 0;
        for (int[] p : ADAM7) {
            long pw = passSize(width, p[0], p[2]);
            long ph = passSize(height, p[1], p[3]);
            if (pw > 0 && ph > 0) {
                total += ph * (1 + pw * bytesPerSample);
            }
        }
        return total;
    }

    private static void checkHeader(int width, int height, int bitDepth, int colorType, int compression, int filter,
                                    int interlace) {
        if (width <= 0 || height <= 0) {
            throw corrupt("size " + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height),
                    "width and height in 1..2^31-1");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw corrupt("size " + width + "x" + height, "at most " + MAX_PIXELS + " pixels");
        }
        if (colorType != 0) {
            String name = switch (colorType) {
                case 2 -> "RGB";
                case 3 -> "palette";
                case 4 -> "grey+alpha";
                case 6 -> "RGBA";
                default -> "unknown";
            };
            throw corrupt("colour type " + colorType + " (" + name + ")",
                    "colour type 0 (greyscale): depth PNGs have one channel");
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw corrupt("bit depth " + bitDepth, "8 or 16 (16 for depth)");
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw corrupt("compression " + compression + ", filter method " + filter + ", interlace " + interlace,
                    "0, 0 and 0 or 1 (the only methods PNG defines)");
        }
    }

    private static byte[] inflate(byte[] compressed, long expected) {
        if (expected > Integer.MAX_VALUE - 8) {
            throw corrupt(expected + " bytes of filtered image data", "at most " + (Integer.MAX_VALUE - 8));
        }
        byte[] raw = new byte[(int) expected];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            int got = 0;
            while (got < raw.length) {
                int k = inflater.inflate(raw, got, raw.length - got);
                if (k == 0) {
                    break; // finished, needs input it does not have, or needs a dictionary: short either way
                }
                got += k;
            }
            if (got < raw.length) {
                throw corrupt(got + " bytes of image data after inflating", expected
                        + " bytes (rows of filter byte + samples; the data is truncated)");
            }
            byte[] probe = new byte[1];
            if (!inflater.finished() && inflater.inflate(probe) > 0) {
                throw corrupt("more image data than " + expected + " bytes", "exactly " + expected
                        + " bytes for the header's size");
            }
        } catch (DataFormatException e) {
            throw corrupt("compressed data that does not inflate (" + e.getMessage() + ")", "a zlib stream");
        } finally {
            inflater.end();
        }
        return raw;
    }

    /** Reverses the filters of one (sub)image and scatters its samples; returns the offset after it. */
    private static int unfilter(byte[] raw, int offset, int w, int h, int bps, short[] out, int x0, int y0, int dx,
                                int dy, int fullWidth) {
        int stride = w * bps;
        byte[] prior = new byte[stride];
        byte[] row = new byte[stride];
        int pos = offset;
        for (int y = 0; y < h; y++) {
            int type = raw[pos++] & 0xFF;
            if (type > 4) {
                throw corrupt("filter type " + type + " on row " + y, "0..4 (None, Sub, Up, Average, Paeth)");
            }
            for (int i = 0; i < stride; i++) {
                int a = i >= bps ? row[i - bps] & 0xFF : 0;
                int b = prior[i] & 0xFF;
                int c = i >= bps ? prior[i - bps] & 0xFF : 0;
                int predicted = switch (type) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    default -> paeth(a, b, c);
                };
                row[i] = (byte) (raw[pos + i] + predicted);
            }
            pos += stride;
            int base = (y0 + y * dy) * fullWidth;
            for (int x = 0; x < w; x++) {
                int v = bps == 2 ? ((row[2 * x] & 0xFF) << 8) | (row[2 * x + 1] & 0xFF) : row[x] & 0xFF;
                out[base + x0 + x * dx] = (short) v;
            }
            byte[] t = prior;
            prior = row;
            row = t;
        }
        return pos;
    }

    private static String chunkType(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int v = b.get(at + i) & 0xFF;
            c[i] = v >= 0x20 && v < 0x7F ? (char) v : '?';
        }
        return new String(c);
    }

    private static String describeStart(ByteBuffer b) {
        StringBuilder sb = new StringBuilder(b.remaining() + " bytes");
        int shown = Math.min(8, b.remaining());
        if (shown > 0) {
            sb.append(" starting");
        }
        for (int i = 0; i < shown; i++) {
            sb.append(' ').append(String.format("%02X", b.get(i) & 0xFF));
        }
        return sb.toString();
    }

    private static String hex(int v) {
        return String.format("%08X", v);
    }

    private static InvalidArgumentException corrupt(String got, String expected) {
        return new InvalidArgumentException(BLOB, got, expected);
    }
}
