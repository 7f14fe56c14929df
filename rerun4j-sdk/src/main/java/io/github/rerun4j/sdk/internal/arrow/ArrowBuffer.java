package io.github.rerun4j.sdk.internal.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one Arrow buffer, held as one or more read-only segments that are written back to back.
 *
 * <p>Segments let a chunk of many images reference every image's pixels where they already are: the
 * IPC writer emits them one after the other, so the pixels are copied only when they reach the file.
 *
 * <pre>{@code
 * ArrowBuffer ints = ArrowBuffer.ofInts(new int[] {0, 4, 8});
 * byte[] frame1 = new byte[640 * 480 * 2];
 * ByteBuffer frame2 = ByteBuffer.allocateDirect(640 * 480 * 2);
 * ArrowBuffer pixels = ArrowBuffer.concat(List.of(ArrowBuffer.of(frame1), ArrowBuffer.of(frame2)));
 * }</pre>
 */
public final class ArrowBuffer {

    public static final ArrowBuffer EMPTY = new ArrowBuffer(new ByteBuffer[0], 0);

    private final ByteBuffer[] segments;
    private final long length;

    private ArrowBuffer(ByteBuffer[] segments, long length) {
        this.segments = segments;
        this.length = length;
    }

    /** Wraps the remaining bytes of {@code bytes} (not copied; the caller must not change them afterwards). */
    public static ArrowBuffer of(ByteBuffer bytes) {
        ByteBuffer segment = bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return segment.remaining() == 0 ? EMPTY : new ArrowBuffer(new ByteBuffer[] {segment}, segment.remaining());
    }

    public static ArrowBuffer of(byte[] bytes) {
        return of(ByteBuffer.wrap(bytes));
    }

    /** The bytes held in the Java heap: every segment but those outside it (a file mapped into memory, say). */
    public long heapBytes() {
        long bytes = 0;
        for (ByteBuffer segment : segments) {
            bytes += segment.isDirect() ? 0 : segment.remaining();
        }
        return bytes;
    }

    /** The buffers' segments one after the other, without copying. */
    public static ArrowBuffer concat(List<ArrowBuffer> parts) {
        List<ByteBuffer> all = new ArrayList<>();
        long total = 0;
        for (ArrowBuffer part : parts) {
            all.addAll(Arrays.asList(part.segments));
            total += part.length;
        }
        return total == 0 ? EMPTY : new ArrowBuffer(all.toArray(ByteBuffer[]::new), total);
    }

    public static ArrowBuffer ofInts(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return of(b);
    }

    public static ArrowBuffer ofLongs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return of(b);
    }

    public static ArrowBuffer ofFloats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return of(b);
    }

    public static ArrowBuffer ofDoubles(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return of(b);
    }

    /** A validity bitmap (bit set = value present), LSB first as Arrow defines it. */
    public static ArrowBuffer validityBitmap(boolean[] valid) {
        byte[] bits = new byte[(valid.length + 7) / 8];
        for (int i = 0; i < valid.length; i++) {
            if (valid[i]) {
                bits[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        return of(bits);
    }

    public long length() {
        return length;
    }

    /** The segments, each a read-only little-endian buffer positioned at its first byte. */
    public ByteBuffer[] segments() {
        ByteBuffer[] copy = new ByteBuffer[segments.length];
        for (int i = 0; i < segments.length; i++) {
            copy[i] = segments[i].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
        return copy;
    }

    /** All bytes as one read-only little-endian buffer; copies only when there are several segments. */
    public ByteBuffer contiguous() {
        if (segments.length == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (segments.length == 1) {
            return segments[0].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(length));
        for (ByteBuffer s : segments) {
            all.put(s.duplicate());
        }
        return all.flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String toString() {
        return "ArrowBuffer[" + length + " bytes in " + segments.length + " segment(s)]";
    }
}
