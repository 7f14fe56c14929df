package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Binary PGM ({@code P5}, Netpbm): a header of {@code P5}, width, height and maxval (whitespace-separated,
 * {@code #} comments allowed), one whitespace byte, then the samples row by row, 1 byte each when maxval < 256,
 * else 2 bytes big-endian (NYU Depth's raw dumps, older Middlebury disparities). U8 or U16.
 */
final class PgmDepth {

    private PgmDepth() {
    }

    static DepthImage read(Path file, byte[] bytes) throws FileFormatException {
        int[] pos = {0};
        String magic = token(file, bytes, pos, "header token 1 (magic)");
        if (!magic.equals("P5")) {
            throw new FileFormatException(file, "header token 1 (magic)", "expected P5 (binary grey PGM), found \""
                    + magic.replaceAll("[^\\x20-\\x7E]", "?") + "\"" + (magic.equals("P2") ? " (ASCII PGM)" : ""));
        }
        long width = number(file, token(file, bytes, pos, "header token 2 (width)"), "header token 2 (width)");
        long height = number(file, token(file, bytes, pos, "header token 3 (height)"), "header token 3 (height)");
        long maxval = number(file, token(file, bytes, pos, "header token 4 (maxval)"), "header token 4 (maxval)");
        if (maxval > 65535) {
            throw new FileFormatException(file, "header token 4 (maxval)", "expected 1..65535, found " + maxval);
        }
        ChannelDatatype datatype = maxval < 256 ? ChannelDatatype.U8 : ChannelDatatype.U16;
        int dataBytes = DepthPixels.byteCount(file, "header (width, height)", width, height, datatype);
        int start = pos[0] + 1;
        if (bytes.length - (long) start < dataBytes) {
            throw new FileFormatException(file, "offset " + start + " (pixel data)", "expected " + dataBytes + " bytes ("
                    + width + "x" + height + " " + datatype + "), found " + Math.max(0, bytes.length - start) + ": truncated");
        }
        ByteBuffer pixels = ElementCopy.toLittleEndianRows(bytes, start, (int) width, (int) height,
                datatype.bytesPerElement(), true, ElementCopy.Order.ROWS_TOP_DOWN);
        return DepthPixels.image(pixels, (int) width, (int) height, datatype);
    }

    /** The next token, skipping whitespace and {@code #} comments; {@code pos} is left on the byte after it. */
    private static String token(Path file, byte[] bytes, int[] pos, String what) throws FileFormatException {
        int i = pos[0];
        while (i < bytes.length && (isSpace(bytes[i]) || bytes[i] == '#')) {
            if (bytes[i] == '#') {
                while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
                    i++;
                }
            } else {
                i++;
            }
        }
        int start = i;
        while (i < bytes.length && !isSpace(bytes[i]) && i - start < 32) {
            i++;
        }
        if (i >= bytes.length || i == start || !isSpace(bytes[i])) {
            throw new FileFormatException(file, what + " at offset " + start, "expected a PGM header token ended by "
                    + "whitespace, found " + (i >= bytes.length ? "the end of the file" : "binary data or a token over 32 bytes"));
        }
        pos[0] = i;
        return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private static long number(Path file, String text, String what) throws FileFormatException {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FileFormatException(file, what, "expected a positive integer, found \"" + text + "\"");
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
