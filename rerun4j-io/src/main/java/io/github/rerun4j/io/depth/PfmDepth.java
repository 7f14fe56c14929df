package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Portable Float Map depth ({@code Pf}, one channel): an ASCII header of three whitespace-separated tokens
 * ({@code Pf}, {@code W H}, a scale whose sign gives the byte order: negative little-endian, positive
 * big-endian), then {@code W x H} float32 values with rows from the bottom to the top. Infinities (Middlebury's
 * "unknown") become NaN (see {@link DepthPixels#infinitiesToNaN}).
 */
final class PfmDepth {

    private PfmDepth() {
    }

    static DepthImage read(Path file, byte[] bytes) throws FileFormatException {
        int[] pos = {0};
        String magic = token(file, bytes, pos, "header token 1 (type)");
        if (magic.equals("PF")) {
            throw new FileFormatException(file, "header token 1 (type)",
                    "expected Pf (one channel, depth or disparity), found PF (three channels, colour)");
        }
        if (!magic.equals("Pf")) {
            throw new FileFormatException(file, "header token 1 (type)", "expected Pf, found \"" + printable(magic) + "\"");
        }
        long width = integer(file, token(file, bytes, pos, "header token 2 (width)"), "header token 2 (width)");
        long height = integer(file, token(file, bytes, pos, "header token 3 (height)"), "header token 3 (height)");
        String scaleText = token(file, bytes, pos, "header token 4 (scale)");
        double scale;
        try {
            scale = Double.parseDouble(scaleText);
        } catch (NumberFormatException e) {
            scale = Double.NaN;
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new FileFormatException(file, "header token 4 (scale)", "expected a finite non-zero number whose sign "
                    + "gives the byte order (negative: little-endian), found \"" + printable(scaleText) + "\"");
        }
        int dataBytes = DepthPixels.byteCount(file, "header (width, height)", width, height, ChannelDatatype.F32);
        // Exactly one whitespace byte ends the header; a writer that ended it with CR LF leaves one more.
        int start = pos[0] + 1;
        if (bytes.length - start == dataBytes + 1L && bytes[start - 1] == '\r' && bytes[start] == '\n') {
            start++;
        }
        if (bytes.length - (long) start < dataBytes) {
            throw new FileFormatException(file, "offset " + start + " (pixel data)", "expected " + dataBytes + " bytes ("
                    + width + "x" + height + " float32), found " + Math.max(0, bytes.length - start) + ": truncated");
        }
        ByteBuffer pixels = ElementCopy.toLittleEndianRows(bytes, start, (int) width, (int) height, 4, scale > 0,
                ElementCopy.Order.ROWS_BOTTOM_UP);
        DepthPixels.infinitiesToNaN(pixels, ChannelDatatype.F32);
        return DepthPixels.image(pixels, (int) width, (int) height, ChannelDatatype.F32);
    }

    /** The next whitespace-separated token from {@code pos}; {@code pos} is left on the byte that ended it. */
    private static String token(Path file, byte[] bytes, int[] pos, String what) throws FileFormatException {
        int i = pos[0];
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        int start = i;
        while (i < bytes.length && !isSpace(bytes[i]) && i - start < 64) {
            i++;
        }
        if (i >= bytes.length || i == start || !isSpace(bytes[i])) {
            throw new FileFormatException(file, what + " at offset " + start, "expected a PFM header token ended by "
                    + "whitespace, found " + (i >= bytes.length ? "the end of the file" : "binary data or a token over 64 bytes"));
        }
        pos[0] = i;
        return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private static long integer(Path file, String text, String what) throws FileFormatException {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FileFormatException(file, what, "expected a positive integer, found \"" + printable(text) + "\"");
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
