package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * The immutable raw bytes of an image ({@code rerun.components.ImageBuffer}): multi-byte elements
 * little-endian, row-major, no padding.
 *
 * <p>Every {@code of} factory copies the user's data exactly once, so later changes to the source array or buffer do
 * not change the image. Typed sources ({@code short[]}, {@code FloatBuffer}, ...) are converted to
 * little-endian whatever the source's byte order; a {@code ByteBuffer} source is taken as bytes, as they
 * are. Direct sources are copied into a direct buffer, heap sources onto the heap. The source's position
 * is not changed; its {@code remaining()} elements are copied.
 *
 * <pre>{@code
 * ImageBuffer b = ImageBuffer.of(new short[] {1, 0x0102});
 * b.size();           // 4
 * b.toByteArray();    // {01, 00, 02, 01}
 * }</pre>
 */
public final class ImageBuffer {

    private final ByteBuffer bytes; // read-only, little-endian, position 0, nobody else holds a writable view
    private int hash;               // 0 = not computed yet

    private ImageBuffer(ByteBuffer owned) {
        this.bytes = owned.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies {@code data}. */
    public static ImageBuffer of(byte[] data) {
        Require.nonNull("ImageBuffer.data", data);
        return new ImageBuffer(ByteBuffer.wrap(data.clone()));
    }

    /** Copies {@code data} as little-endian 16-bit elements. */
    public static ImageBuffer of(short[] data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.length, 2, false);
        dst.asShortBuffer().put(data);
        return new ImageBuffer(dst);
    }

    /** Copies {@code data} as little-endian 32-bit elements. */
    public static ImageBuffer of(int[] data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.length, 4, false);
        dst.asIntBuffer().put(data);
        return new ImageBuffer(dst);
    }

    /** Copies {@code data} as little-endian 64-bit elements. */
    public static ImageBuffer of(long[] data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.length, 8, false);
        dst.asLongBuffer().put(data);
        return new ImageBuffer(dst);
    }

    /** Copies {@code data} as little-endian IEEE floats. */
    public static ImageBuffer of(float[] data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.length, 4, false);
        dst.asFloatBuffer().put(data);
        return new ImageBuffer(dst);
    }

    /** Copies {@code data} as little-endian IEEE doubles. */
    public static ImageBuffer of(double[] data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.length, 8, false);
        dst.asDoubleBuffer().put(data);
        return new ImageBuffer(dst);
    }

    /** Copies the remaining bytes of {@code data} verbatim (they must already be little-endian elements). */
    public static ImageBuffer of(ByteBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.remaining(), 1, data.isDirect());
        dst.put(data.duplicate());
        return new ImageBuffer(dst.clear());
    }

    /**
     * References the remaining bytes of a read-only buffer without copying them: for readers whose bytes
     * nobody writes (a chunk decoded from a file), so that each query of a large image does not copy it.
     *
     * @throws InvalidArgumentException if {@code data} is writable (use {@link #of(ByteBuffer)} to copy it)
     */
    public static ImageBuffer referencing(ByteBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        if (!data.isReadOnly()) {
            throw new InvalidArgumentException("ImageBuffer.data", "a writable " + data.getClass().getSimpleName(),
                    "a read-only buffer (ImageBuffer.of copies a writable one)");
        }
        return new ImageBuffer(data.slice());
    }

    /** Copies the remaining elements of {@code data} (any byte order) as little-endian 16-bit elements. */
    public static ImageBuffer of(ShortBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.remaining(), 2, data.isDirect());
        dst.asShortBuffer().put(data.duplicate());
        return new ImageBuffer(dst);
    }

    /** Copies the remaining elements of {@code data} (any byte order) as little-endian 32-bit elements. */
    public static ImageBuffer of(IntBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.remaining(), 4, data.isDirect());
        dst.asIntBuffer().put(data.duplicate());
        return new ImageBuffer(dst);
    }

    /** Copies the remaining elements of {@code data} (any byte order) as little-endian 64-bit elements. */
    public static ImageBuffer of(LongBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.remaining(), 8, data.isDirect());
        dst.asLongBuffer().put(data.duplicate());
        return new ImageBuffer(dst);
    }

    /** Copies the remaining elements of {@code data} (any byte order) as little-endian floats. */
    public static ImageBuffer of(FloatBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.remaining(), 4, data.isDirect());
        dst.asFloatBuffer().put(data.duplicate());
        return new ImageBuffer(dst);
    }

    /** Copies the remaining elements of {@code data} (any byte order) as little-endian doubles. */
    public static ImageBuffer of(DoubleBuffer data) {
        Require.nonNull("ImageBuffer.data", data);
        ByteBuffer dst = allocate(data.remaining(), 8, data.isDirect());
        dst.asDoubleBuffer().put(data.duplicate());
        return new ImageBuffer(dst);
    }

    /**
     * Copies any of the array or buffer types accepted by the {@code of(...)} factories
     * ({@code byte[] short[] int[] long[] float[] double[]} or the matching {@code java.nio} buffers).
     */
    public static ImageBuffer ofAny(Object data) {
        Require.nonNull("ImageBuffer.data", data);
        if (data instanceof byte[] a) return of(a);
        if (data instanceof short[] a) return of(a);
        if (data instanceof int[] a) return of(a);
        if (data instanceof long[] a) return of(a);
        if (data instanceof float[] a) return of(a);
        if (data instanceof double[] a) return of(a);
        if (data instanceof ByteBuffer b) return of(b);
        if (data instanceof ShortBuffer b) return of(b);
        if (data instanceof IntBuffer b) return of(b);
        if (data instanceof LongBuffer b) return of(b);
        if (data instanceof FloatBuffer b) return of(b);
        if (data instanceof DoubleBuffer b) return of(b);
        throw new InvalidArgumentException("ImageBuffer.data", data.getClass().getName(),
                "a byte[], short[], int[], long[], float[], double[] or the matching java.nio buffer");
    }

    private static ByteBuffer allocate(long elements, int elementSize, boolean direct) {
        long size = elements * elementSize;
        if (size > ImageFormat.MAX_BYTES) {
            throw new InvalidArgumentException("ImageBuffer.data", size + " bytes",
                    "at most " + ImageFormat.MAX_BYTES + " bytes (the largest Java array)");
        }
        ByteBuffer b = direct ? ByteBuffer.allocateDirect((int) size) : ByteBuffer.allocate((int) size);
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Size in bytes. */
    public int size() {
        return bytes.capacity();
    }

    /** True if the bytes live outside the Java heap. */
    public boolean isDirect() {
        return bytes.isDirect();
    }

    /** A fresh read-only, little-endian view of all bytes (position 0, limit {@link #size()}). */
    public ByteBuffer asByteBuffer() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        byte[] out = new byte[size()];
        bytes.duplicate().get(out);
        return out;
    }

    /** The byte at {@code index}. */
    public byte get(int index) {
        return bytes.get(index);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof ImageBuffer other && bytes.equals(other.bytes));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = bytes.hashCode();
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    /** {@code ImageBuffer[120000 bytes: ff ff ff ff ff ff ff ff ...]} — the first 8 bytes in hex. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ImageBuffer[").append(size()).append(" bytes");
        int shown = Math.min(8, size());
        if (shown > 0) {
            sb.append(':');
        }
        for (int i = 0; i < shown; i++) {
            sb.append(' ').append(String.format("%02x", bytes.get(i) & 0xFF));
        }
        if (size() > shown) {
            sb.append(" ...");
        }
        return sb.append(']').toString();
    }
}
